/**
 * The article taken elsewhere, checked by the software its readers use: the EPUB by EPUBCheck,
 * the citation files by citation-js, the Markdown copies and llms.txt as Markdown. Counts and
 * lists come from the content and from the article as received.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { unzipSync } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Link, List, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, ROOT, buildSite, declaredEvents, declaredIntroduction, fixtureSentences, remove } from '../helpers/build';
import { type Page, fileFor, loadPage, missingInOrder } from '../helpers/site';
import { lacking } from '../helpers/tools';
import { toolPath } from '../../scripts/tools.mjs';

const run = promisify(execFile);
/** Debian's EPUBCheck (`apt-get install epubcheck`), run on the machine's Java. */
const EPUBCHECK = toolPath('epubcheck');
const JAVA = toolPath('java');
const SITE = 'https://example.org';
const BASE = '/sub/';
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The article's title and inferred date (year and month), from the content. */
const INTRODUCTION = await declaredIntroduction();
const [YEAR, MONTH] = INTRODUCTION.published.split('-').map(Number) as [number, number | undefined];

let build: BuildResult;
let again: BuildResult;
const read = (pathname: string) => readFile(fileFor(build.outDir, BASE, pathname)!, 'utf8');

beforeAll(async () => {
	build = await buildSite({ site: SITE, base: BASE });
	expect(build.ok, build.output).toBe(true);
	again = await buildSite({ site: SITE, base: BASE });
	expect(again.ok, again.output).toBe(true);
}, 240_000);
afterAll(() => remove(build.workDir, again.workDir));

/** The reading pages, overview first, following rel=next. */
async function readingChain(): Promise<{ pathname: string; $: Page }[]> {
	const chain: { pathname: string; $: Page }[] = [];
	for (let pathname: string | undefined = BASE; pathname; ) {
		const $ = await loadPage(build.outDir, BASE, pathname);
		chain.push({ pathname, $ });
		const next = $('link[rel="next"]').attr('href');
		pathname = next ? new URL(next, `${SITE}${pathname}`).pathname : undefined;
	}
	return chain;
}

const markdownOf = ($: Page) => $('link[rel="alternate"][type="text/markdown"]').attr('href');

describe('Markdown copies and llms.txt', () => {
	test('every reading page names its Markdown copy, and the copy exists', async () => {
		for (const pathname of [BASE, `${BASE}timeline/`, `${BASE}read/`, ...(await readingChain()).map((page) => page.pathname)]) {
			const $ = await loadPage(build.outDir, BASE, pathname);
			const href = markdownOf($);
			expect(href, pathname).toBe(`${pathname}index.md`);
			expect(existsSync(fileFor(build.outDir, BASE, href!)!), href).toBe(true);
		}
	});

	test('the Markdown copies of the rel=next chain hold every sentence of the article, in order', async () => {
		const chain = await readingChain();
		expect(chain.length).toBe(1 + (await sectionCount()));
		const text = flat((await Promise.all(chain.map(({ $ }) => read(markdownOf($)!)))).join('\n'));
		expect(missingInOrder(text, await fixtureSentences())).toEqual([]);
	});

	test('/read/index.md and /llms-full.txt hold the whole article, in order; our additions are marked', async () => {
		const sentences = await fixtureSentences();
		for (const file of [`${BASE}read/index.md`, `${BASE}llms-full.txt`]) {
			const text = await read(file);
			expect(missingInOrder(flat(text), sentences), file).toEqual([]);
			expect(text, file).toMatch(/^_Editorial: headings and lines in italics are this site's additions/m);
			// No MDX left over.
			expect(text, file).not.toMatch(/<\/?(S|PullQuote|Byline)\b/);
		}
	});

	test('/llms.txt follows llmstxt.org: a title, a summary, then lists of links to the Markdown copies', async () => {
		const text = await read(`${BASE}llms.txt`);
		const tree = unified().use(remarkParse).parse(text) as Root;
		const [h1, quote] = tree.children;
		expect(h1?.type === 'heading' && h1.depth).toBe(1);
		expect(quote?.type).toBe('blockquote');
		const links: string[] = [];
		visit(tree, 'list', (list: List) => visit(list, 'link', (link: Link) => void links.push(link.url)));
		expect(links.length).toBe((await sectionCount()) + 3);
		for (const href of links) {
			expect(href.startsWith(`${SITE}${BASE}`), href).toBe(true);
			expect(existsSync(fileFor(build.outDir, BASE, new URL(href).pathname)!), href).toBe(true);
		}
	});
});

describe('citations', () => {
	const files = ['bib', 'ris', 'json'];
	const findFiles = async () => {
		const $ = await loadPage(build.outDir, BASE, BASE);
		return files.map((extension) => $(`.cite a[href$=".${extension}"]`).attr('href')!);
	};

	test.each(files)('the .%s file parses with citation-js and names the article, its date and its source', async (extension) => {
		const href = (await findFiles()).find((file) => file.endsWith(`.${extension}`));
		expect(href).toBeTruthy();
		const [item] = (await Cite.async(await read(href!))).data;
		expect(item?.title).toBe(INTRODUCTION.title);
		expect((item?.issued as { 'date-parts': number[][] })['date-parts'][0]).toEqual(MONTH ? [YEAR, MONTH] : [YEAR]);
		expect(item?.['container-title']).toBe('Daily Times');
		expect(item?.URL).toBe('https://dailytimes.com.pk/926224/russias-taliban-policy');
		// No invented name: at most the byline's description, as one literal.
		for (const author of (item?.author as Record<string, string>[] | undefined) ?? []) {
			expect(author.given).toBeUndefined();
			expect(author.literal ?? author.family).toContain('Strategic Vision Institute');
		}
		if (extension !== 'ris') expect(item?.author).toBeTruthy();
	});

	test('the overview and /read/ carry the Highwire citation tags and link to every file', async () => {
		for (const pathname of [BASE, `${BASE}read/`]) {
			const $ = await loadPage(build.outDir, BASE, pathname);
			const tag = (name: string) => $(`meta[name="${name}"]`).attr('content');
			expect(tag('citation_title'), pathname).toBe(INTRODUCTION.title);
			expect(tag('citation_publication_date'), pathname).toBe(MONTH ? `${YEAR}/${String(MONTH).padStart(2, '0')}` : `${YEAR}`);
			expect(tag('citation_journal_title'), pathname).toBe('Daily Times');
			for (const extension of [...files, 'epub']) expect($(`.cite a[href$=".${extension}"]`).length, `${pathname} .${extension}`).toBe(1);
		}
	});
});

describe('EPUB', () => {
	const bookHref = async () => (await loadPage(build.outDir, BASE, BASE))('.cite a[href$=".epub"]').attr('href')!;
	const book = async (dir = build.outDir) => readFile(fileFor(dir, BASE, await bookHref())!);

	test.skipIf(lacking('epubcheck'))('EPUBCheck finds no error and no warning', async () => {
		const file = fileFor(build.outDir, BASE, await bookHref())!;
		let output: string;
		try {
			const { stdout, stderr } = await run(JAVA, ['-jar', EPUBCHECK, '--failonwarnings', file], { maxBuffer: 16 * 1024 * 1024 });
			output = `${stdout}\n${stderr}`;
		} catch (error) {
			const { stdout = '', stderr = '', code } = error as { stdout?: string; stderr?: string; code?: string | number };
			if (code === 'ENOENT') throw new Error('Java is needed for EPUBCheck: apt-get install default-jre-headless (or set JAVA_HOME)');
			throw new Error(`EPUBCheck:\n${stdout}\n${stderr}`);
		}
		expect(output).toMatch(/No errors or warnings detected/);
	}, 120_000);

	test('the same content gives the same bytes', async () => {
		expect((await book()).equals(await book(again.outDir))).toBe(true);
	});

	test('it holds every sentence in order, lists every section, and every timeline entry links to its sentence', async () => {
		const zip = unzipSync(new Uint8Array(await book()));
		expect(Object.keys(zip)[0]).toBe('mimetype');
		const text = (name: string) => new TextDecoder().decode(zip[`OEBPS/${name}`]);
		const opf = text('content.opf');
		const spine = [...opf.matchAll(/<itemref idref="(c\d+)"/g)].map(([, id]) => new RegExp(`id="${id}" href="([^"]+)"`).exec(opf)![1]!);
		const chapters = spine.filter((file) => file !== 'timeline.xhtml');
		expect(chapters.length).toBe(1 + (await sectionCount()));
		const words = flat(chapters.map((file) => toText(fromHtml(text(file)))).join(' '));
		expect(missingInOrder(words, await fixtureSentences())).toEqual([]);

		const nav = fromHtml(text('nav.xhtml'));
		const navLinks: string[] = [];
		visit(nav, 'element', (node) => void (node.tagName === 'a' && navLinks.push(String(node.properties.href))));
		for (const file of spine) expect(navLinks, file).toContain(file);

		const appendix = text('timeline.xhtml');
		const events = await declaredEvents();
		for (const event of events) {
			const entry = new RegExp(`<dt id="${event.id}">[\\s\\S]*?<a href="([^"#]+)#([^"]+)"`).exec(appendix);
			expect(entry, event.id).toBeTruthy();
			const [, file, id] = entry!;
			expect(text(file!), `${event.id} → ${file}#${id}`).toContain(`id="${id}"`);
			// The same id as on the site.
			expect(id).toBe(event.sentence);
		}
		// Every sentence has the id it has on the site (content/published.json records the site's).
		const manifest = JSON.parse(await readFile(path.join(ROOT, 'content/published.json'), 'utf8')) as { pages: Record<string, { anchors: Record<string, { kind: string }> }> };
		const siteIds = Object.entries(manifest.pages['/read/']!.anchors).filter(([, anchor]) => anchor.kind === 'sentence').map(([id]) => id);
		const bookIds = chapters.flatMap((file) => [...text(file).matchAll(/<span id="([^"]+)"/g)].map(([, id]) => id));
		expect(bookIds).toEqual(siteIds);
	});
});

/** The number of sections, from the content. */
async function sectionCount(): Promise<number> {
	return (await readdir(path.join(ROOT, 'content/sections'))).filter((file) => file.endsWith('.mdx')).length;
}
