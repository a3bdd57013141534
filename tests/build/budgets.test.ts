/**
 * Byte budgets, from `bench/budgets.json` (the benchmark, `npm run bench`, checks the same ones
 * in a browser, with timings and Lighthouse, which never belong in tests). Byte counts are
 * deterministic: each page's HTML plus every same-site file its load fetches (stylesheets and
 * what they import or point at, the favicon, scripts, images), gzip-compressed at level 9 as
 * `scripts/serve.mjs` sends them, must fit the page's budget; reading pages carry no JavaScript.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPageLoad, readBudgets, ruleFor } from '../../scripts/bench/budgets.mjs';
import { sitePages } from '../../scripts/bench/dist.mjs';
import { type BuildResult, buildSite, declaredSections, remove } from '../helpers/build';
import { exists, fileFor } from '../helpers/site';

const budgets = await readBudgets();

/** What `scripts/serve.mjs` compresses; other files (PNG, WOFF2) go as they are. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|txt|svg|webmanifest)$/;
const ORIGIN = 'http://site.invalid';
/** The reading pages: the overview, every section of the content, the timeline and the whole article. */
const READING = ['/', ...(await declaredSections()).map((section) => `/${section.slug}/`), '/timeline/', '/read/'];

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
	// A data: URL is part of the page's own bytes, not a request.
	const add = (url: string | undefined, from: string, kind: Asset['kind']) => url && !url.startsWith('data:') && queue.push({ url, from, kind });
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

describe('byte budgets (bench/budgets.json)', () => {
	test('every reading page exists to be measured', async () => {
		const pages = await sitePages(build.outDir);
		for (const page of READING) expect(pages).toContain(page);
	});

	test('each page, with everything its load fetches, fits its budget, gzip-compressed', async () => {
		const pages = await sitePages(build.outDir);
		for (const pathname of pages) {
			const assets = await pageLoad(build.outDir, pathname);
			const scripts = assets.filter((asset) => asset.kind === 'js');
			const load = {
				bytes: assets.reduce((sum, asset) => sum + asset.bytes, 0),
				scriptBytes: scripts.reduce((sum, asset) => sum + asset.bytes, 0),
				scriptRequests: scripts.length,
				requests: assets.map((asset) => asset.pathname),
			};
			// The benchmark's own check of a page's load (scripts/bench/budgets.mjs), on what the files add up to.
			const what = `${pathname}: ${assets.map((a) => `${a.pathname} ${a.bytes}`).join(', ')}`;
			expect(checkPageLoad(pathname, ruleFor(budgets.pages, pathname), load), what).toEqual([]);
		}
		expect(pages.length).toBeGreaterThan(0);
	});

	test('reading pages carry no JavaScript at all', async () => {
		for (const pathname of READING) {
			expect(ruleFor(budgets.pages, pathname).maxScriptBytes, `${pathname}'s budget allows JavaScript`).toBe(0);
			const scripts = (await pageLoad(build.outDir, pathname)).filter((asset) => asset.kind === 'js');
			expect(scripts.map((s) => s.pathname), pathname).toEqual([]);
		}
	});
});
