/**
 * What publishers and link previews get, in a build with SITE_URL and a sub-path: metadata,
 * sitemap, robots.txt, 404, the TimelineJS export, the CSP, and the whole article on one page.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import * as cheerio from 'cheerio';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, type DeclaredEvent, buildSite, bylineSection, declaredEvents, declaredIntroduction, declaredSections, fixtureSentences, htmlFiles, remove } from '../helpers/build';
import { type Page, articleText, loadPage, missingInOrder } from '../helpers/site';

/** The sections in reading order, and their pages, from the content. */
const DECLARED = await declaredSections();
const SECTIONS = DECLARED.map((section) => `${section.slug}/`);
const TITLES = DECLARED.map((section) => section.title);

const SITE = 'https://example.org';
const BASE = '/russia-taliban/';
const ROOT = `${SITE}${BASE}`;

let build: BuildResult;
let events: DeclaredEvent[];
const pages = new Map<string, Page>();
const read = (file: string) => readFile(path.join(build.outDir, file), 'utf8');

beforeAll(async () => {
	build = await buildSite({ site: SITE, base: BASE });
	expect(build.ok, build.output).toBe(true);
	events = await declaredEvents();
	for (const file of await htmlFiles(build.outDir)) {
		if (file.startsWith('pagefind')) continue;
		const pathname = `${BASE}${file.replace(/index\.html$/, '')}`;
		pages.set(pathname, await loadPage(build.outDir, BASE, pathname));
	}
});
afterAll(() => remove(build.workDir));

describe('sharing metadata', () => {
	test('every page has a unique title and description', () => {
		const titles = [...pages.values()].map(($) => $('title').text());
		const descriptions = [...pages.values()].map(($) => $('meta[name="description"]').attr('content'));
		expect(new Set(titles).size).toBe(pages.size);
		expect(new Set(descriptions).size).toBe(pages.size);
		for (const description of descriptions) expect(description!.length).toBeGreaterThan(40);
	});

	test('canonical, OpenGraph and Twitter tags are present, and URLs are absolute under SITE_URL + BASE_PATH', () => {
		for (const [pathname, $] of pages) {
			if (pathname.endsWith('404.html')) continue;
			const canonical = $('link[rel="canonical"]').attr('href');
			expect(canonical, pathname).toBe(`${SITE}${pathname}`);
			expect($('meta[property="og:url"]').attr('content'), pathname).toBe(canonical);
			for (const property of ['og:title', 'og:description', 'og:type', 'og:site_name']) {
				expect($(`meta[property="${property}"]`).attr('content'), `${pathname} ${property}`).toBeTruthy();
			}
			expect($('meta[name="twitter:card"]').attr('content'), pathname).toMatch(/^summary/);
			expect($('meta[property="og:title"]').attr('content')).toBe($('title').text());
		}
		expect(pages.get(BASE)!('meta[property="og:type"]').attr('content')).toBe('article');
		expect(pages.get(`${BASE}timeline/`)!('meta[property="og:type"]').attr('content')).toBe('website');
	});

	test('the 404 page is not indexed', () => {
		expect(pages.get(`${BASE}404.html`)!('meta[name="robots"]').attr('content')).toBe('noindex');
	});

	test('JSON-LD: the overview is the article, sections are parts of it, every page has a breadcrumb', async () => {
		const graph = (pathname: string) => JSON.parse(pages.get(pathname)!('script[type="application/ld+json"]').text())['@graph'];
		const [whole, crumbs] = graph(BASE);
		expect(whole['@type']).toBe('Article');
		expect(whole.url).toBe(ROOT);
		expect(whole.hasPart).toEqual(DECLARED.map((s) => ({ '@type': 'Article', headline: s.title, url: `${ROOT}${s.slug}/` })));
		expect(whole).not.toHaveProperty('datePublished');
		expect(whole.author).not.toHaveProperty('name');
		expect(whole.isBasedOn.url).toBe('https://dailytimes.com.pk/926224/russias-taliban-policy');
		expect(crumbs['@type']).toBe('BreadcrumbList');

		// The author only as the byline gives them.
		const $byline = pages.get(`${BASE}${(await bylineSection()).slug}/`)!('.byline').clone();
		$byline.find('.permalink').remove();
		const byline = $byline.text().replace(/\s+/g, ' ').trim();
		for (const { slug, title } of DECLARED) {
			const [section, sectionCrumbs] = graph(`${BASE}${slug}/`);
			expect(section, slug).toMatchObject({ '@type': 'Article', headline: title, url: `${ROOT}${slug}/`, isPartOf: { '@id': `${ROOT}#article` } });
			expect(sectionCrumbs.itemListElement.map((item: { item: string }) => item.item), slug).toEqual([ROOT, `${ROOT}${slug}/`]);
			expect(section.author.description, slug).toBe(byline);
		}

		for (const [pathname, $] of pages) {
			if (pathname.endsWith('404.html')) continue;
			const items = JSON.parse($('script[type="application/ld+json"]').text())['@graph'];
			expect(items.some((item: { '@type': string }) => item['@type'] === 'BreadcrumbList'), pathname).toBe(true);
		}
	});
});

describe('sitemap, robots.txt, 404, favicon', () => {
	test('the sitemap lists every page but the 404, by absolute URL', async () => {
		const index = await read('sitemap-index.xml');
		expect(index).toContain(`<loc>${ROOT}sitemap-0.xml</loc>`);
		const sitemap = await read('sitemap-0.xml');
		const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
		const expected = [...pages.keys()].filter((p) => !p.endsWith('404.html')).map((p) => `${SITE}${p}`).sort();
		expect(listed).toEqual(expected);
	});

	test('robots.txt points at the sitemap by its absolute URL', async () => {
		expect(await read('robots.txt')).toContain(`Sitemap: ${ROOT}sitemap-index.xml`);
	});

	test('the 404 page links home and lists the sections', () => {
		const $ = pages.get(`${BASE}404.html`)!;
		expect($('main a[href="/russia-taliban/"]').length).toBeGreaterThan(0);
		expect($('main ol li a').map((_, el) => $(el).attr('href')).get()).toEqual(SECTIONS.map((p) => `${BASE}${p}`));
	});

	test('every page carries the favicon inline (no request before first paint), and /favicon.svg serves it too', async () => {
		const icon = await read('favicon.svg');
		expect(icon).toContain('<svg');
		for (const [pathname, $] of pages) {
			const href = $('link[rel="icon"]').attr('href') ?? '';
			expect(href, pathname).toMatch(/^data:image\/svg\+xml,/);
			// Decoded by a real data: URL parser (Node's fetch), compared as XML (the URL quotes attributes with ').
			const inline = await (await fetch(href)).text();
			expect(cheerio.load(inline, { xml: true }).xml(), pathname).toBe(cheerio.load(icon.trim(), { xml: true }).xml());
		}
	});
});

describe('the TimelineJS export', () => {
	test('is linked from the timeline page', () => {
		const $ = pages.get(`${BASE}timeline/`)!;
		expect($(`main a[href="${BASE}timeline.json"]`).text()).toBe('timeline.json');
	});

	test('has TimelineJS3’s shape: title, events with dates and text, eras', async () => {
		const doc = JSON.parse(await read('timeline.json'));
		expect(doc.title.text.headline).toBe((await declaredIntroduction()).title);
		expect(doc.eras.map((era: { text: { headline: string } }) => era.text.headline)).toEqual(TITLES);
		for (const era of doc.eras) expect(era.start_date.year).toBeLessThanOrEqual(era.end_date.year);
		for (const event of doc.events) {
			expect(Number.isInteger(event.start_date.year), event.unique_id).toBe(true);
			if (event.start_date.month) expect(event.start_date.month).toBeGreaterThanOrEqual(1);
			expect(event.text.headline, event.unique_id).toBeTruthy();
			expect(event.group, event.unique_id).toBeTruthy();
			expect(event.text.text).toContain(`href="${ROOT}`);
		}
	});

	test('holds every dated event by its id, and names the undated ones', async () => {
		const doc = JSON.parse(await read('timeline.json'));
		const ids = doc.events.map((event: { unique_id: string }) => event.unique_id).sort();
		expect(ids).toEqual(events.filter((event) => event.date).map((event) => event.id).sort());
		const undated = events.filter((event) => !event.date);
		expect(undated.length).toBeGreaterThan(0);
		const $ = pages.get(`${BASE}timeline/`)!;
		for (const event of undated) expect(doc.title.text.text).toContain($(`li.entry[id="${event.id}"] .label a`).text());
	});
});

describe('security headers', () => {
	test('_headers sets a strict Content-Security-Policy and the other headers for every path', async () => {
		const headers = await read('_headers');
		const csp = /Content-Security-Policy: (.+)/.exec(headers)?.[1] ?? '';
		const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
		// 'self': Firefox prefetches <link rel="next"> under default-src (astro-long-read's security.ts).
		expect(directives['default-src']).toEqual(["'self'"]);
		expect(directives['frame-src']).toEqual(["'none'"]);
		expect(directives['script-src']).toContain("'self'");
		expect(directives['script-src']).not.toContain("'unsafe-inline'");
		expect(directives['script-src']).not.toContain("'unsafe-eval'");
		// Inline styles as such: each page's own <meta> policy narrows them to its hashes (below).
		expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
		expect(directives['object-src'] ?? directives['default-src']).toEqual(["'none'"]);
		expect(directives['frame-ancestors']).toEqual(["'none'"]);
		expect(headers).toMatch(/^\/\*$/m);
		expect(headers).toMatch(/X-Content-Type-Options: nosniff/);
		expect(headers).toMatch(/Referrer-Policy: \S+/);
		expect(headers).toMatch(/Permissions-Policy: \S+/);
	});

	test("no page has an inline script; its one inline stylesheet is allowed by its hash alone in the page's own policy; JSON-LD is data, not script", () => {
		for (const [pathname, $] of pages) {
			$('script').each((_, el) => {
				const script = $(el);
				if (script.attr('type') === 'application/ld+json') return;
				expect(script.attr('src'), `${pathname}: inline script`).toBeTruthy();
				expect(script.text().trim(), pathname).toBe('');
			});
			const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
			const styleSrc = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'style-src')?.slice(1) ?? [];
			expect(styleSrc, pathname).not.toContain("'unsafe-inline'");
			expect($('style').length, `${pathname}: inline <style>`).toBe(1);
			const hash = `'sha256-${createHash('sha256').update($('style').text()).digest('base64')}'`;
			expect(styleSrc, `${pathname}: the stylesheet's hash`).toContain(hash);
			expect($('link[rel="stylesheet"]').length, `${pathname}: a render-blocking stylesheet`).toBe(0);
			expect($('[style]').length, `${pathname}: style attribute`).toBe(0);
			expect($('[onclick], [onload], [onerror]').length, pathname).toBe(0);
		}
	});
});

describe('the whole article on one page', () => {
	test('holds every sentence in order, the section headings, permalinks and timeline markers', async () => {
		const $ = pages.get(`${BASE}read/`)!;
		const text = $('.prose')
			.map((_, el) => articleText(loadFragment($.html(el))))
			.get()
			.join(' ');
		expect(missingInOrder(text, await fixtureSentences())).toEqual([]);
		expect($('.part h2').map((_, el) => $(el).text().trim()).get()).toEqual(TITLES);
		expect($('.part h3').length).toBeGreaterThan(0);
		expect($('a.permalink').length).toBeGreaterThan(15);
		expect($('a.marker').length).toBe(events.length);
		const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
	});

	test('its paragraph ids are those of the section pages', () => {
		const $ = pages.get(`${BASE}read/`)!;
		const sectionIds = SECTIONS.flatMap((p) => {
			const $p = pages.get(`${BASE}${p}`)!;
			return $p('p.paragraph[id]').map((_, el) => $p(el).attr('id')).get();
		});
		for (const id of sectionIds) expect($(`p[id="${id}"]`).length, id).toBe(1);
	});

	test('search indexes only the article’s text', () => {
		for (const [pathname, $] of pages) {
			const indexed = $('[data-pagefind-body]').length > 0;
			const reading = [BASE, ...SECTIONS.map((p) => `${BASE}${p}`)].includes(pathname);
			expect(indexed, pathname).toBe(reading);
		}
	});

	test('the search bundle ships only what search loads: pagefind.js and its worker, no ready-made interface', async () => {
		// The search page imports pagefind.js, which starts pagefind-worker.js and fetches the index data.
		const scripts = (await readdir(path.join(build.outDir, 'pagefind'))).filter((file) => /\.(js|css)$/.test(file)).sort();
		expect(scripts).toEqual(['pagefind-worker.js', 'pagefind.js']);
	});
});

const loadFragment = (html: string) => cheerio.load(`<div class="prose">${html}</div>`);
