/**
 * Byte budgets, from `scripts/bench/budgets.json` (the benchmark, `npm run bench`, checks the
 * same ones in Chromium, with Lighthouse and timings, which never belong in tests). Byte counts
 * are deterministic: each page's HTML plus every same-site file it references (stylesheets and
 * what they import or point at, scripts, images, the favicon), gzip-compressed at level 9 as
 * `scripts/serve.mjs` sends them, must fit the page's `transfer` budget; reading pages carry
 * no JavaScript. Response headers, which the benchmark's wire bytes include, are not counted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, ROOT, buildSite, htmlFiles, remove } from '../helpers/build';
import { exists, fileFor } from '../helpers/site';

interface Budgets {
	reading: { transfer: number; js: number };
	search: { path: string; transfer: number; js: number; scriptRequests: number; forbid: string[] };
}

const budgets = JSON.parse(await readFile(path.join(ROOT, 'scripts/bench/budgets.json'), 'utf8')) as Budgets;
/** Every page but the search page and the 404 page. */
const isReadingPage = (pathname: string) => pathname !== budgets.search.path && pathname !== '/404.html';

/** What `scripts/serve.mjs` compresses; other files (PNG, WOFF2) go as they are. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|txt|svg|webmanifest)$/;
const ORIGIN = 'http://site.invalid';

let build: BuildResult;
beforeAll(async () => {
	build = await buildSite();
	expect(build.ok, build.output).toBe(true);
});
afterAll(async () => {
	if (build) await remove(build.workDir);
});

interface Asset {
	pathname: string;
	kind: 'html' | 'css' | 'js' | 'other';
	bytes: number;
}

async function sent(file: string): Promise<number> {
	const body = await readFile(file);
	return COMPRESSIBLE.test(file) ? gzipSync(body, { level: 9 }).length : body.length;
}

/** URLs a stylesheet makes the browser fetch: `@import` and `url(…)` (fonts, images), not data: URIs. */
function cssReferences(css: string): string[] {
	const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!);
	const imports = [...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((m) => m[2]!);
	return [...urls, ...imports].filter((url) => !url.startsWith('data:') && !url.startsWith('#'));
}

/** The page and every same-site file its load fetches, each once; throws on a third-party URL. */
async function pageLoad(outDir: string, pathname: string): Promise<Asset[]> {
	const file = fileFor(outDir, '/', pathname)!;
	const html = await readFile(file, 'utf8');
	const $ = cheerio.load(html);
	const assets = new Map<string, Asset>([[pathname, { pathname, kind: 'html', bytes: await sent(file) }]]);
	// Inline code that would run counts as script; JSON-LD is data.
	const inline = $('script:not([src])')
		.filter((_, el) => !/json/.test($(el).attr('type') ?? ''))
		.text();
	if (inline.trim()) assets.set(`${pathname}#inline-script`, { pathname: `${pathname} (inline script)`, kind: 'js', bytes: gzipSync(inline, { level: 9 }).length });

	const queue: { url: string; from: string; kind: Asset['kind'] }[] = [];
	const add = (url: string | undefined, from: string, kind: Asset['kind']) => url && queue.push({ url, from, kind });
	$('link[href]').each((_, el) => {
		const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
		if (rel.includes('stylesheet')) add($(el).attr('href'), pathname, 'css');
		else if (rel.includes('modulepreload') || ($(el).attr('as') === 'script' && rel.includes('preload'))) add($(el).attr('href'), pathname, 'js');
		else if (rel.some((r) => ['icon', 'preload', 'manifest', 'apple-touch-icon'].includes(r))) add($(el).attr('href'), pathname, 'other');
	});
	$('script[src]').each((_, el) => void add($(el).attr('src'), pathname, 'js'));
	$('img[src], input[type=image][src], video[poster], image[href]').each((_, el) => void add($(el).attr('src') ?? $(el).attr('poster') ?? $(el).attr('href'), pathname, 'other'));
	$('img[srcset], source[srcset]').each((_, el) => {
		for (const candidate of ($(el).attr('srcset') ?? '').split(',')) add(candidate.trim().split(/\s+/)[0], pathname, 'other');
	});
	$('[style*="url("]').each((_, el) => {
		for (const url of cssReferences($(el).attr('style') ?? '')) add(url, pathname, 'other');
	});

	while (queue.length) {
		const { url, from, kind } = queue.shift()!;
		const resolved = new URL(url, new URL(from, ORIGIN));
		if (resolved.origin !== ORIGIN) throw new Error(`${pathname} loads ${url} from another site`);
		if (assets.has(resolved.pathname)) continue;
		const target = fileFor(outDir, '/', resolved.pathname);
		if (!target || !(await exists(target))) throw new Error(`${pathname} loads ${url}, which the build does not have`);
		assets.set(resolved.pathname, { pathname: resolved.pathname, kind, bytes: await sent(target) });
		if (kind === 'css') for (const ref of cssReferences(await readFile(target, 'utf8'))) queue.push({ url: ref, from: resolved.pathname, kind: /\.css$/.test(ref) ? 'css' : 'other' });
	}
	return [...assets.values()];
}

const pathOf = (file: string) => `/${file.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;

/** Every page of the build as a site path, Pagefind's files left out. */
async function sitePages(): Promise<string[]> {
	return (await htmlFiles(build.outDir)).filter((file) => !file.startsWith(`pagefind${path.sep}`)).map(pathOf);
}

const sum = (assets: Asset[]) => assets.reduce((total, asset) => total + asset.bytes, 0);
const describeLoad = (pathname: string, assets: Asset[]) => `${pathname}: ${assets.map((a) => `${a.pathname} ${a.bytes}`).join(', ')}`;

describe('byte budgets (scripts/bench/budgets.json)', () => {
	test('every reading page exists to be measured', async () => {
		const pages = await sitePages();
		for (const page of ['/', '/soviet-era/', '/the-1990s/', '/after-2001/', '/after-the-withdrawal/', '/timeline/', '/read/']) expect(pages).toContain(page);
	});

	test('each reading page, with everything it references, fits its transfer budget gzip-compressed, and carries no JavaScript', async () => {
		const pages = (await sitePages()).filter(isReadingPage);
		expect(pages.length).toBeGreaterThanOrEqual(7);
		for (const pathname of pages) {
			const assets = await pageLoad(build.outDir, pathname);
			const total = sum(assets);
			const js = sum(assets.filter((asset) => asset.kind === 'js'));
			expect(total, `${describeLoad(pathname, assets)}: ${total} bytes > ${budgets.reading.transfer}`).toBeLessThanOrEqual(budgets.reading.transfer);
			expect(js, `${describeLoad(pathname, assets)}: ${js} bytes of JavaScript > ${budgets.reading.js}`).toBeLessThanOrEqual(budgets.reading.js);
			expect(assets.filter((asset) => asset.kind === 'js').map((a) => a.pathname), pathname).toEqual([]);
		}
	});

	test('the search page loads only its own small script, and nothing of Pagefind, until the reader types', async () => {
		const rule = budgets.search;
		const assets = await pageLoad(build.outDir, rule.path);
		const scripts = assets.filter((asset) => asset.kind === 'js');
		const what = describeLoad(rule.path, assets);
		expect(sum(assets), what).toBeLessThanOrEqual(rule.transfer);
		expect(sum(scripts), what).toBeLessThanOrEqual(rule.js);
		expect(scripts.length, what).toBeLessThanOrEqual(rule.scriptRequests);
		for (const prefix of rule.forbid) expect(assets.filter((asset) => asset.pathname.includes(prefix)).map((a) => a.pathname), what).toEqual([]);
	});
});
