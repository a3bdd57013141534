/**
 * The EPUB book from a small article whose words and fields hold every character XML and HTML
 * treat specially: every XML file is well-formed (read by an XML parser), the text reads back as
 * written, the package lists and orders the pages, and the timeline links to its sentences.
 */
import { unzipSync } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, test, vi } from 'vitest';
import type { Element, Nodes } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { buildArticle } from '../../../src/model/model';
import { introductionEntry, sectionEntry } from '../../fixtures/entries';

/** Every character XML and HTML treat specially. */
const TRICKY = `A & B <c> "d" 'e'`;
/** The same, as MDX writes it (a bare `<` opens a component there). */
const MDX_TRICKY = `A & B \\<c> "d" 'e'`;
const article = buildArticle(
	[introductionEntry({ title: `Eastford: ${TRICKY}`, description: `About ${TRICKY}` }, `Opening: ${MDX_TRICKY}. <S id="open">A sentence & more.</S>\n`)],
	[
		sectionEntry(
			'01-the-ferry',
			{
				order: 1,
				title: `Section ${TRICKY}`,
				summary: `Summary ${TRICKY}`,
				period: '1800/1899',
				events: [{ id: 'great-flood', label: `Event ${TRICKY}`, date: '1841-03', when: `early "1841" & <so>`, precision: 'a <note> & more', sentence: 'hello' }],
			},
			`## Heading ${MDX_TRICKY}\n\n<S id="hello">Hello ${MDX_TRICKY}.</S>\n\n<PullQuote>\nQuoted & \\<well>.\n</PullQuote>\n`,
		),
	],
	{ base: '/sub/', site: 'https://example.org' },
);
/** The book with the site deployed at `site` (`SITE_URL`; Vitest's Astro config defines SITE as "undefined"). */
async function buildEpubAt(site: string) {
	vi.resetModules();
	vi.stubEnv('SITE', site);
	const { buildEpub } = await import('../../../src/build/export/epub');
	vi.unstubAllEnvs();
	return buildEpub;
}
const buildEpub = await buildEpubAt('https://example.org');
const cover = new Uint8Array([137, 80, 78, 71]);
const book = buildEpub(article, cover);
const files = unzipSync(book);
const text = (name: string) => new TextDecoder().decode(files[name]);

/** The elements of an XML file, parsed by an XML parser: it throws on anything not well-formed. */
function elementsOf(xml: string): Element[] {
	const found: Element[] = [];
	const walk = (node: Nodes) => {
		if (node.type === 'element') found.push(node);
		if ('children' in node) for (const child of node.children) walk(child);
	};
	walk(fromXml(xml));
	return found;
}
const elements = (name: string) => elementsOf(text(name));
/** The text of the first element named `name`. */
const field = (found: Element[], name: string) =>
	found
		.find((element) => element.name === name)
		?.children.map((child) => ('value' in child ? child.value : ''))
		.join('');
const pageText = (name: string) => toText(fromHtml(text(`OEBPS/${name}`)));

describe('the EPUB book', () => {
	test('the same content gives the same bytes; the mimetype comes first', () => {
		expect(buildEpub(article, cover)).toEqual(book);
		expect(Object.keys(files)[0]).toBe('mimetype');
		expect(text('mimetype')).toBe('application/epub+zip');
	});

	test('every XML file of the book is well-formed, and every page is XHTML', () => {
		for (const name of Object.keys(files).filter((file) => /\.(xhtml|opf|xml)$/.test(file))) {
			const [root] = elements(name);
			expect(root, name).toBeTruthy();
			if (name.endsWith('.xhtml')) {
				expect(text(name), name).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE html>\n/);
				expect(root!.attributes, name).toMatchObject({ xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', 'xml:lang': 'en' });
			}
		}
	});

	test('the text reads as written, whatever its characters', () => {
		expect(pageText('introduction.xhtml')).toContain(`Eastford: ${TRICKY}`);
		expect(pageText('introduction.xhtml')).toContain(`Opening: ${TRICKY}. A sentence & more.`);
		expect(pageText('introduction.xhtml')).toContain('Online at https://example.org/sub/read/.');
		const section = pageText('section-1.xhtml');
		for (const words of [`Section ${TRICKY}`, `Summary ${TRICKY}`, `Heading ${TRICKY}`, `Hello ${TRICKY}.`, 'Quoted & <well>.']) expect(section).toContain(words);
		expect(pageText('timeline.xhtml')).toContain(`Event ${TRICKY}. a <note> & more. The article: “early "1841" & <so>”. Read the sentence.`);
		expect(field(elements('OEBPS/cover.xhtml'), 'title')).toBe(`Eastford: ${TRICKY}`);
		expect(field(elements('OEBPS/section-1.xhtml'), 'title')).toBe(`Section ${TRICKY}`);
		const img = elements('OEBPS/cover.xhtml').find((element) => element.name === 'img');
		expect(img?.attributes).toEqual({ src: 'cover.png', alt: `Eastford: ${TRICKY}` });
	});

	test('the package lists every page and reads them in order; the metadata is the article’s', () => {
		const opf = elements('OEBPS/content.opf');
		expect(field(opf, 'dc:title')).toBe(`Eastford: ${TRICKY}`);
		expect(field(opf, 'dc:description')).toBe(`About ${TRICKY}`);
		expect(field(opf, 'dc:identifier')).toBe('https://example.org/sub/read/');
		expect(field(opf, 'dc:date')).toBe('2021-05');
		expect(field(opf, 'meta')).toBe('2021-05-01T00:00:00Z');
		const hrefs = new Map(opf.filter((element) => element.name === 'item').map((item) => [item.attributes.id, item.attributes.href]));
		const spine = opf.filter((element) => element.name === 'itemref').map((itemref) => hrefs.get(itemref.attributes.idref));
		expect(spine).toEqual(['cover.xhtml', 'introduction.xhtml', 'section-1.xhtml', 'timeline.xhtml']);
		for (const href of hrefs.values()) expect(files[`OEBPS/${href}`], String(href)).toBeTruthy();
		const [rootfile] = elements('META-INF/container.xml').filter((element) => element.name === 'rootfile');
		expect(rootfile?.attributes['full-path']).toBe('OEBPS/content.opf');
	});

	test('without a site, the book is named by a URN from the citation key and links to no site path', async () => {
		const local = unzipSync((await buildEpubAt(''))(article, cover));
		const opf = elementsOf(new TextDecoder().decode(local['OEBPS/content.opf']));
		expect(field(opf, 'dc:identifier')).toMatch(/^urn:x-article:eastford-[a-z-]+-2021$/);
		// Every link is to the web or to a page of the book: a site path would point inside it.
		for (const name of Object.keys(local).filter((file) => file.endsWith('.xhtml'))) {
			for (const a of elementsOf(new TextDecoder().decode(local[name])).filter((element) => element.name === 'a')) {
				const href = a.attributes.href ?? '';
				if (!/^https?:\/\//.test(href)) expect(local[`OEBPS/${href.split('#')[0]}`], `${name}: ${href}`).toBeTruthy();
			}
		}
	});

	test('the contents list every chapter; the landmarks are hidden with a value, as XML needs', () => {
		const nav = elements('OEBPS/nav.xhtml');
		const links = nav.filter((element) => element.name === 'a').map((a) => a.attributes.href);
		expect(links).toEqual(['introduction.xhtml', 'section-1.xhtml', 'timeline.xhtml', 'cover.xhtml', 'introduction.xhtml']);
		expect(nav.find((element) => element.attributes['epub:type'] === 'landmarks')?.attributes.hidden).toBe('');
	});

	test('a timeline entry links to its sentence in the book', () => {
		const appendix = elements('OEBPS/timeline.xhtml');
		const link = appendix.find((element) => element.name === 'a');
		expect(link?.attributes.href).toBe('section-1.xhtml#hello');
		expect(elements('OEBPS/section-1.xhtml').some((element) => element.attributes.id === 'hello')).toBe(true);
	});
});
