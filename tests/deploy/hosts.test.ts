/**
 * Every deploy recipe in docs/deploying.md, run: the real server (nginx, Caddy, Apache httpd)
 * configured by the snippet written there, and GitHub Pages' behaviour (no custom headers), at the
 * domain root and under a sub-path. Each serves the same production build, and each is checked for what the recipe
 * promises: every page, the headers, caching, compression, the 404 page, and a browser crawl.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headerPolicy, securityHeaders } from 'astro-long-read/security';
import { launchBrowser } from '../helpers/browser';
import { type BuildResult, buildSite, copyContent, declaredSections, htmlFiles, remove, searchProbe } from '../helpers/build';
import { crawl } from '../helpers/crawl';
import { type Host, startApache, startCaddy, startGithubPages, startNginx, startPreview, startWrangler, type Variant } from '../helpers/hosts';
import type { Served } from '../helpers/served';
import { lacking } from '../helpers/tools';
import type { Tool } from '../../scripts/tools.mjs';

const BASES: Record<Variant, string> = { root: '/', 'sub-path': '/russia-taliban/' };

interface HostKind {
	name: string;
	/** The program it runs on, beyond Node (a newcomer's machine may lack it: then it is skipped). */
	tool?: Tool;
	start(site: string, variant: Variant): Promise<Host>;
	/** Sends the security headers (GitHub Pages cannot: there the page's <meta> policy holds). */
	headers: boolean;
	/** Sends long caching for the fingerprinted files. */
	caching: boolean;
	/** Compresses text (every host does; Astro's local preview does not). */
	compresses: boolean;
	/** Where the host can serve the site: Cloudflare Pages serves a project at its domain's root. */
	variants: Variant[];
	/** Serves `name.html` at `name`, redirecting the former (Cloudflare Pages). */
	prettyUrls?: boolean;
	/**
	 * How a former section URL leads on: an HTTP redirect (the recipe's rules, `_redirects`), or
	 * the static redirect page the build writes there (hosts that read no rules).
	 */
	redirects: 'http' | 'page';
	/**
	 * Redirects a directory's URL without its slash, and answers any missing URL with the site's
	 * 404 page. Astro's preview does neither for a URL without a slash (`trailingSlash: 'always'`):
	 * it answers 404 with a page of its own.
	 */
	slashes?: false;
}

const BOTH = Object.keys(BASES) as Variant[];
const HOSTS: HostKind[] = [
	{ name: 'nginx', tool: 'nginx', start: startNginx, headers: true, caching: true, compresses: true, variants: BOTH, redirects: 'http' },
	{ name: 'Caddy', tool: 'caddy', start: startCaddy, headers: true, caching: true, compresses: true, variants: BOTH, redirects: 'http' },
	{ name: 'Apache httpd', tool: 'apache2', start: startApache, headers: true, caching: true, compresses: true, variants: BOTH, redirects: 'http' },
	{ name: 'Cloudflare Pages (wrangler pages dev)', start: (site) => startWrangler(site), headers: true, caching: true, compresses: true, variants: ['root'], prettyUrls: true, redirects: 'http' },
	{ name: 'GitHub Pages', start: (site, variant) => startGithubPages(site, BASES[variant]), headers: false, caching: false, compresses: true, variants: BOTH, redirects: 'page' },
	{ name: 'npm run preview', start: (site, variant) => startPreview(site, BASES[variant]), headers: true, caching: false, compresses: false, variants: BOTH, slashes: false, redirects: 'page' },
];

/** A section page of the content, and a search that finds its section first. */
const [SECTION] = await declaredSections();
const PROBE = await searchProbe();

const COMPRESSIBLE = /\.(html|css|js|json|svg|xml|txt)$/;

/** A former URL of that section, declared in a copy of the content: every recipe must lead it on. */
const FORMER = `former-${SECTION!.slug}`;

const builds = new Map<Variant, BuildResult>();
let content: string;
beforeAll(async () => {
	content = await copyContent();
	const file = path.join(content, 'sections', SECTION!.file);
	const text = await readFile(file, 'utf8');
	await writeFile(file, text.replace(/^---\n/, `---\nformerSlugs: ["${FORMER}"]\n`));
	for (const variant of Object.keys(BASES) as Variant[]) {
		const build = await buildSite({ base: BASES[variant], site: 'https://example.org', contentDir: content });
		expect(build.ok, build.output).toBe(true);
		builds.set(variant, build);
	}
}, 240_000);
afterAll(() => remove(content, ...[...builds.values()].map((build) => build.workDir)));

/** The browser checks need Chromium (skipped on a machine without it, never in CI). */
const NO_BROWSER = lacking('chromium');

for (const { name, tool, start, variant, headers, caching, compresses, prettyUrls, slashes, redirects } of HOSTS.flatMap((kind) => kind.variants.map((variant) => ({ ...kind, variant })))) {
	describe.skipIf(tool !== undefined && lacking(tool))(`${name}, recipe for the ${variant}`, { timeout: 180_000 }, () => {
		const base = BASES[variant];
		let host: Host;
		let site: string;
		let pages: string[];
		let assets: string[];
		/** The address the host serves a built file at. */
		const urlOf = (file: string) => {
			const url = `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
			return prettyUrls ? url.replace(/\.html$/, '') : url;
		};

		beforeAll(async () => {
			site = builds.get(variant)!.outDir;
			host = await start(site, variant);
			// The former URL's page only leads on (tested below).
			pages = (await htmlFiles(site)).map(urlOf).filter((pathname) => !pathname.startsWith(`${base}${FORMER}/`));
			assets = (await readdir(path.join(site, '_astro'))).filter((file) => !/\.(gz|br)$/.test(file)).map((file) => `${base}_astro/${file}`);
		}, 120_000);
		afterAll(() => host?.close());

		const get = (pathname: string) => fetch(`${host.origin}${pathname}`, { headers: { 'accept-encoding': 'br, gzip' }, redirect: 'manual' });

		test('every page answers 200 with the headers the recipe promises; fingerprinted files too', async () => {
			for (const pathname of [...pages, ...assets]) {
				const response = await get(pathname);
				expect(response.status, pathname).toBe(200);
				for (const [name, value] of Object.entries(securityHeaders)) {
					if (headers) expect(response.headers.get(name), `${pathname}: ${name}`).toBe(value);
					else expect(response.headers.get(name), `${pathname}: ${name}`).toBeNull();
				}
				expect(response.headers.get('content-security-policy'), pathname).toBe(headers ? headerPolicy() : null);
				await response.arrayBuffer();
			}
		});

		test(caching ? 'fingerprinted files are cached for a year, pages are not' : 'pages are not cached for long', async () => {
			for (const pathname of assets) {
				const control = (await get(pathname)).headers.get('cache-control') ?? '';
				if (caching) expect(control, pathname).toBe('public, max-age=31536000, immutable');
			}
			for (const pathname of pages) expect((await get(pathname)).headers.get('cache-control') ?? '', pathname).not.toMatch(/immutable|max-age=[1-9]\d{4,}/);
		});

		test.runIf(compresses)('HTML, CSS, JavaScript, JSON and SVG arrive compressed', async () => {
			const files = (await readdir(site, { recursive: true })).filter((file) => COMPRESSIBLE.test(file) && !file.startsWith('pagefind/') && !file.startsWith(`${FORMER}/`));
			expect(files.length).toBeGreaterThan(pages.length);
			for (const file of files) {
				const pathname = urlOf(file);
				const response = await get(pathname);
				expect(response.headers.get('content-encoding') ?? `none (${response.headers.get('content-type')})`, pathname).toMatch(/^(br|gzip|zstd)$/);
				// Decoded by fetch: the bytes the build wrote.
				expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(path.join(site, file))), pathname).toBe(true);
			}
		});

		test('the downloads arrive with their media types: Markdown, plain text, EPUB', async () => {
			const expected: [string, RegExp][] = [
				[`${base}index.md`, /^text\/markdown\b/],
				[`${base}${SECTION!.slug}/index.md`, /^text\/markdown\b/],
				[`${base}llms.txt`, /^text\/plain\b/],
				[`${base}book/russias-taliban-policy.epub`, /^application\/epub\+zip$/],
			];
			for (const [pathname, type] of expected) {
				const response = await get(pathname);
				await response.arrayBuffer();
				expect(response.status, pathname).toBe(200);
				expect(response.headers.get('content-type'), pathname).toMatch(type);
			}
		});

		test("a missing page answers 404 with the site's own 404 page", async () => {
			const missing = [`${base}no-such-page/`, `${base}${SECTION!.slug}/no-such-page/`, ...(slashes === false ? [] : [`${base}${SECTION!.slug}/no-such-page`, `${base}_astro/no-such-file.css`])];
			for (const pathname of missing) {
				const response = await get(pathname);
				expect(response.status, pathname).toBe(404);
				expect(await response.text(), pathname).toContain('Page not found');
			}
		});

		test.runIf(slashes !== false)('a section without its trailing slash is redirected to it', async () => {
			const response = await get(`${base}${SECTION!.slug}`);
			expect([301, 302, 307, 308], `status ${response.status}`).toContain(response.status);
			expect(new URL(response.headers.get('location') ?? '', `${host.origin}${base}`).pathname).toBe(`${base}${SECTION!.slug}/`);
		});

		test.skipIf(NO_BROWSER)(`a former URL leads to the section, its fragment kept: ${redirects === 'http' ? 'an HTTP redirect' : 'the static redirect page'}`, async () => {
			const response = await get(`${base}${FORMER}/`);
			await response.arrayBuffer();
			if (redirects === 'http') {
				expect(response.status).toBe(301);
				expect(new URL(response.headers.get('location') ?? '', `${host.origin}${base}`).pathname).toBe(`${base}${SECTION!.slug}/`);
				const copy = await get(`${base}${FORMER}/index.md`);
				await copy.arrayBuffer();
				expect(copy.status).toBe(301);
				expect(new URL(copy.headers.get('location') ?? '', `${host.origin}${base}`).pathname).toBe(`${base}${SECTION!.slug}/index.md`);
			} else expect(response.status).toBe(200);
			const browser = await launchBrowser();
			try {
				const page = await browser.newPage();
				const sentence = await (await page.goto(`${host.origin}${base}${SECTION!.slug}/`))!.text().then((html) => /class="sentence" id="([^"]+)"/.exec(html)![1]!);
				await page.goto(`${host.origin}${base}${FORMER}/?from=old#${sentence}`);
				await page.waitForURL((url) => url.pathname === `${base}${SECTION!.slug}/`);
				const url = new URL(page.url());
				expect(url.hash).toBe(`#${sentence}`);
				if (redirects === 'page') expect(url.search).toBe('?from=old');
				expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(sentence);
			} finally {
				await browser.close();
			}
		});

		test.skipIf(NO_BROWSER)('in the browser: every page reached, links and #fragments resolve, no console error, no policy violation, search works', async () => {
			const browser = await launchBrowser();
			const served: Served = { build: builds.get(variant)!, base, origin: host.origin, url: `${host.origin}${base}`, browser, close: () => browser.close() };
			try {
				const result = await crawl(served);
				expect(await result.search(PROBE.query)).toMatch(new RegExp(`^${base}${PROBE.slug}/#p-`));
				expect([...result.pages.keys()].sort()).toEqual([...pages].sort());
				expect(result.broken).toEqual([]);
				expect(result.errors).toEqual([]);
				expect(result.violations).toEqual([]);
			} finally {
				await browser.close();
			}
		});
	});
}
