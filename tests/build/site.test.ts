/**
 * Builds the real site at the domain root and under a sub-path, and checks the HTML a reader
 * and a crawler get: pages, links, reading order, the timeline's two-way links, no JavaScript.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, type DeclaredEvent, buildSite, bylineSection, declaredEvents, declaredIntroduction, declaredSections, fixtureSentences, htmlFiles, remove } from '../helpers/build';
import { type Page, articleText, exists, fileFor, loadPage, missingInOrder } from '../helpers/site';
import { isSiteOwnId } from 'astro-long-read/content/anchor-clashes';
import { anchorsOf, partsOf } from 'astro-long-read/content/markdown/parse';
import { sentenceIds } from 'astro-long-read/content/sentence-ids';
import { bodyOf } from '../../scripts/bench/project.mjs';
import { COMPRESSIBLE, brotliOptions, brotliQuality } from 'astro-long-read/precompress';

/** The section pages, in reading order, from the content. */
const SECTIONS = (await declaredSections()).map((section) => `${section.slug}/`);

describe.each(['/', '/sub/'])('the site built with base %s', (base) => {
	let build: BuildResult;
	let events: DeclaredEvent[];
	const pages = new Map<string, Page>();
	const page = (p: string) => pages.get(`${base}${p}`)!;

	beforeAll(async () => {
		build = await buildSite({ base });
		expect(build.ok, build.output).toBe(true);
		events = await declaredEvents();
		for (const file of await htmlFiles(build.outDir)) {
			const pathname = `${base}${file.replace(/index\.html$/, '')}`;
			pages.set(pathname, await loadPage(build.outDir, base, pathname));
		}
	});

	afterAll(() => remove(build.workDir));

	test('every text file has .gz and .br copies that hold it exactly, Brotli at the quality its size calls for', async () => {
		const files = (await readdir(build.outDir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file));
		const texts = await Promise.all(files.map((file) => readFile(path.join(build.outDir, file))));
		const quality = brotliQuality(texts.reduce((sum, text) => sum + text.length, 0));
		// This article is far under the threshold: its readers get Brotli's smallest copies.
		expect(quality).toBe(11);
		let copies = 0;
		for (const [i, file] of files.entries()) {
			const text = texts[i]!;
			const [gz, br] = await Promise.all([`${file}.gz`, `${file}.br`].map((copy) => readFile(path.join(build.outDir, copy)).catch(() => undefined)));
			if (gz) expect(gunzipSync(gz).equals(text), `${file}.gz`).toBe(true);
			if (!br) continue;
			copies += 1;
			expect(br.equals(brotliCompressSync(text, brotliOptions(quality, text.length))), `${file}.br`).toBe(true);
		}
		expect(copies).toBeGreaterThanOrEqual(pages.size);
	});

	test('has the overview, the timeline, every section and the publishing pages', () => {
		for (const p of ['', 'timeline/', 'read/', 'search/', '404.html', ...SECTIONS]) expect(pages.has(`${base}${p}`), `${base}${p}`).toBe(true);
	});

	test('every id on a page is given once, and is the content’s (a sentence, heading, section or event) or the site’s own (PAGE_IDS, paragraphs, eras)', async () => {
		// The build refuses content ids that the pages use themselves (astro-long-read's content/anchor-clashes.ts): this keeps PAGE_IDS complete.
		const sections = await declaredSections();
		const sources = [(await declaredIntroduction()).source, ...sections.map((section) => section.source)];
		// Every sentence's id, as the model names them: the author's, or derived from its words.
		const sentences = sentenceIds(sources.map((source, index) => ({ file: String(index), sentences: partsOf(bodyOf(source)).sentences })));
		const content = new Set([
			...sources.flatMap((source) => anchorsOf(bodyOf(source)).map((anchor) => anchor.id)),
			...[...sentences.values()].flat(),
			...sections.map((section) => section.slug),
			...events.map((event) => event.id),
		]);
		const problems: string[] = [];
		for (const [pathname, $] of pages) {
			const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
			for (const id of new Set(ids)) {
				if (ids.filter((other) => other === id).length > 1) problems.push(`${pathname}: "${id}" is given twice`);
				if (!content.has(id) && !isSiteOwnId(id)) problems.push(`${pathname}: "${id}" is neither the content's nor in PAGE_IDS`);
			}
		}
		expect(problems).toEqual([]);
	});

	test('reading pages ship no JavaScript; only the search page has a script', async () => {
		const loaded: string[] = [];
		for (const [pathname, $] of pages) {
			const scripts = $('script').filter((_, el) => $(el).attr('type') !== 'application/ld+json');
			if (pathname === `${base}search/`) {
				// One external module; Pagefind itself loads only when the reader searches.
				const sources = scripts.map((_, el) => $(el).attr('src')).get();
				expect(sources, pathname).toEqual([expect.stringMatching(new RegExp(`^${base}_astro/.+\\.js$`))]);
				loaded.push(...sources.map((src) => src.slice(base.length)));
			} else {
				expect(scripts.length, pathname).toBe(0);
			}
		}
		// The site's only JavaScript files: the one the search page loads, and the one a former
		// section URL's page would load to carry its fragment on (src/pages/[former].astro).
		const files = await readdir(build.outDir, { recursive: true });
		const own = files.filter((file) => /\.m?js$/.test(file) && !file.startsWith('pagefind'));
		expect(own.filter((file) => !/^_astro\/_former_\.astro_/.test(file))).toEqual(loaded);
		expect(own.length - loaded.length).toBeLessThanOrEqual(1);
	});

	test('every same-site link, asset and #fragment resolves, inside the base', async () => {
		const broken: string[] = [];
		for (const [pathname, $] of pages) {
			const refs = [
				...$('a[href]').map((_, el) => $(el).attr('href')).get(),
				...$('link[href]').map((_, el) => $(el).attr('href')).get(),
				...$('[src]').map((_, el) => $(el).attr('src')).get(),
			];
			for (const ref of refs) {
				const target = new URL(ref, `http://site.test${pathname}`);
				if (target.origin !== 'http://site.test') continue;
				const file = fileFor(build.outDir, base, target.pathname);
				if (!file || !(await exists(file))) {
					broken.push(`${pathname} → ${ref}`);
					continue;
				}
				if (target.hash) {
					const $target = target.pathname === pathname ? $ : pages.get(target.pathname);
					const id = decodeURIComponent(target.hash.slice(1));
					if (!$target || $target(`[id="${id}"]`).length !== 1) broken.push(`${pathname} → ${ref} (no #${id})`);
				}
			}
		}
		expect(broken).toEqual([]);
	});

	test('each page has one h1, landmarks, a skip link and unique ids', () => {
		for (const [pathname, $] of pages) {
			expect($('h1').length, pathname).toBe(1);
			expect($('header').length && $('main#main').length && $('footer').length, pathname).toBeTruthy();
			expect($('a').first().attr('href'), pathname).toBe('#main');
			const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
			expect(ids.filter((id, i) => ids.indexOf(id) !== i), pathname).toEqual([]);
			expect($('html').attr('lang'), pathname).toBe('en');
		}
	});

	test('every header names every section, in reading order', () => {
		for (const p of ['', 'timeline/', 'read/', ...SECTIONS]) {
			expect(page(p)('.site-header nav a').map((_, a) => page(p)(a).attr('href')).get().slice(0, SECTIONS.length), p).toEqual(SECTIONS.map((s) => `${base}${s}`));
		}
	});

	test('the navigation marks the current page', () => {
		for (const p of ['', 'timeline/', ...SECTIONS]) {
			// A section is named twice, in the wide list and in the phone's folded one (one shows at a time).
			const $ = page(p);
			const current = $('header a[aria-current="page"]').map((_, a) => $(a).attr('href')).get();
			expect(current.length, p).toBeGreaterThan(0);
			expect(new Set(current), p).toEqual(new Set([`${base}${p}`]));
		}
	});

	test('rel=next from the overview walks the sections and holds every sentence of the article, in order', async () => {
		const visited: string[] = [];
		let text = '';
		let at: string | undefined = base;
		while (at) {
			visited.push(at);
			const $ = pages.get(at);
			expect($, at).toBeDefined();
			text += ` ${articleText($!)}`;
			const next = $!('link[rel="next"]').attr('href');
			expect($!('a[rel="next"]').attr('href')).toBe(next);
			at = next;
		}
		expect(visited).toEqual([base, ...SECTIONS.map((p) => `${base}${p}`)]);
		const sentences = await fixtureSentences();
		expect(sentences.length).toBe(40);
		expect(missingInOrder(text.replace(/\s+/g, ' '), sentences)).toEqual([]);
	});

	test('rel=prev mirrors rel=next', () => {
		const chain = ['', ...SECTIONS];
		chain.forEach((p, i) => {
			const $ = page(p);
			expect($('link[rel="prev"]').attr('href'), p).toBe(i > 0 ? `${base}${chain[i - 1]}` : undefined);
		});
	});

	test('the timeline holds every declared event, with a valid <time datetime>', () => {
		const $ = page('timeline/');
		expect(events.length).toBeGreaterThan(0);
		expect($('li.entry').length).toBe(events.length);
		for (const event of events) {
			const entry = $(`li.entry[id="${event.id}"]`);
			expect(entry.length, event.id).toBe(1);
			expect(entry.closest('ol').length, event.id).toBe(1);
			const times = entry.find('time').map((_, el) => $(el).attr('datetime')).get();
			if (event.date) {
				expect(times.length, event.id).toBeGreaterThan(0);
				for (const datetime of times) expect(datetime, event.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
			} else {
				expect(times, event.id).toEqual([]);
			}
		}
		expect($('li.entry').length).toBe(events.length);
	});

	test('each entry links to its sentence, and each marked sentence links back to its entries', () => {
		const $timeline = page('timeline/');
		for (const event of events) {
			const href = $timeline(`li.entry[id="${event.id}"] .label a`).attr('href')!;
			const target = new URL(href, 'http://site.test');
			expect(target.hash, event.id).toBe(`#${event.sentence}`);
			const $section = pages.get(target.pathname)!;
			const sentence = $section(`.sentence[id="${event.sentence}"]`);
			expect(sentence.length, event.id).toBe(1);
			const backLinks = sentence.nextAll('a.marker').map((_, el) => $section(el).attr('href')).get();
			expect(backLinks, event.id).toContain(`${base}timeline/#${event.id}`);
		}
	});

	test('each section page lists its own events, linking to its sentences', () => {
		for (const p of SECTIONS) {
			const $ = page(p);
			const own = $('.section-timeline li.entry .label a').map((_, el) => $(el).attr('href')).get();
			expect(own.length, p).toBeGreaterThan(0);
			for (const href of own) expect(href.startsWith(`${base}${p}#`), href).toBe(true);
		}
	});

	test('paragraphs have stable ids and permalinks; headings have anchor links', () => {
		for (const p of ['', ...SECTIONS]) {
			const $ = page(p);
			// A pull quote repeats a sentence of the text: the text's own paragraph has the id.
			expect($('.pull-quote p[id]').length, p).toBe(0);
			const paragraphs = $('.prose p.paragraph').filter((_, el) => $(el).closest('.pull-quote').length === 0);
			expect(paragraphs.length, p).toBeGreaterThan(0);
			paragraphs.each((_, el) => {
				const id = $(el).attr('id')!;
				expect(id).toMatch(/^p-[a-z0-9-]+$/);
				// Its name is its aria-label; its ¶ is drawn by CSS, so a copy of the paragraph leaves it out.
				const permalink = $(el).find(`a.permalink[href="#${id}"]`);
				expect(permalink.attr('aria-label')).toMatch(/^Link to the paragraph “.+”$/);
				expect(permalink.text()).toBe('');
			});
			$('.prose h2').each((_, el) => {
				const id = $(el).attr('id')!;
				expect($(el).parent().find(`a.anchor[href="#${id}"]`).length, id).toBe(1);
			});
		}
	});

	test('the editorial additions are marked; the source is credited on every page', async () => {
		for (const [pathname, $] of pages) {
			expect($('footer a[href="https://dailytimes.com.pk/926224/russias-taliban-policy"]').text(), pathname).toContain('Daily Times');
			expect($('link[rel="canonical"]').attr('href') ?? '', pathname).not.toContain('dailytimes');
		}
		const [first] = await declaredSections();
		const $ = page(`${first!.slug}/`);
		expect($('.marker.editorial').length).toBeGreaterThan(0);
		expect($('.page-header.editorial h1').text()).toBe(first!.title);
		expect(page('')('.kicker').text()).toContain('(inferred)');
	});

	test('the byline closes the article exactly as written', async () => {
		const fixture = await readFile(path.join(import.meta.dirname, '../fixtures/article.txt'), 'utf8');
		const byline = fixture.slice(fixture.indexOf('The writer is')).trim();
		const last = await bylineSection();
		expect(page(`${last.slug}/`)('.byline').text().replace(/\s+/g, ' ').trim()).toContain(byline);
		for (const [pathname, $] of pages) if (pathname !== `${base}${last.slug}/` && pathname !== `${base}read/`) expect($('.byline').length, pathname).toBe(0);
	});
});
