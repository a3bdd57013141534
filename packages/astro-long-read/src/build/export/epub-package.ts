/**
 * The book's XML around its pages: the OPF package document (metadata, manifest, reading order)
 * and `META-INF/container.xml`, which points to it. Both are xast trees built with xastscript and
 * written by xast-util-to-xml.
 */
import type { Element } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { type Article, absolute } from '../../model/article';
import { citation } from './citation';
import { COVER, type Chapter } from './epub-pages';
import { STYLE_FILE, lines } from './epub-xhtml';

/** Where the package document is, inside the book. */
export const PACKAGE_FILE = 'OEBPS/content.opf';
/** The navigation document, next to the pages. */
export const NAV_FILE = 'nav.xhtml';
const XHTML = 'application/xhtml+xml';

/** An XML file: the declaration, then the element. */
function xmlFile(root: Element): string {
	const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' } as const;
	return toXml(x(null, [declaration, '\n', root, '\n']), { closeEmptyElements: true });
}

/** When the book was made: `SOURCE_DATE_EPOCH` (reproducible builds) or the article's date. */
function modified(article: Article): string {
	const epoch = Number(process.env.SOURCE_DATE_EPOCH);
	const time = Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : article.written.date.start.min;
	return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The package document: what the book is, what it holds, and the order to read it in. */
export function packageDocument(article: Article, book: readonly Chapter[]): string {
	const cite = citation(article);
	const read = absolute(article.links.read);
	const identifier = read.startsWith('http') ? read : `urn:x-article:${cite.key}`;
	const item = (id: string, href: string, mediaType: string, properties?: string) => x('item', { id, href, 'media-type': mediaType, properties });
	const metadata = x(
		'metadata',
		{ 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' },
		lines([
			x('dc:identifier', { id: 'book-id' }, identifier),
			x('dc:title', article.title),
			x('dc:language', article.language),
			x('dc:creator', cite.author),
			x('dc:description', article.description),
			...(article.original ? [x('dc:source', article.original.url)] : []),
			x('dc:date', article.written.date.edtf),
			x('meta', { property: 'dcterms:modified' }, modified(article)),
			x('meta', { name: 'cover', content: 'cover-image' }),
		]),
	);
	const manifest = x(
		'manifest',
		lines([
			item('nav', NAV_FILE, XHTML, 'nav'),
			item('style', STYLE_FILE, 'text/css'),
			item('cover-image', COVER.image, 'image/png', 'cover-image'),
			item('cover', COVER.page, XHTML),
			...book.map((chapter, index) => item(`c${index}`, chapter.file, XHTML)),
		]),
	);
	const spine = x('spine', lines([x('itemref', { idref: 'cover', linear: 'no' }), ...book.map((_, index) => x('itemref', { idref: `c${index}` }))]));
	const attributes = { xmlns: 'http://www.idpf.org/2007/opf', version: '3.0', 'unique-identifier': 'book-id', 'xml:lang': article.language };
	return xmlFile(x('package', attributes, lines([metadata, manifest, spine])));
}

/** `META-INF/container.xml`: where the package document is. */
export function containerFile(): string {
	const rootfile = x('rootfile', { 'full-path': PACKAGE_FILE, 'media-type': 'application/oebps-package+xml' });
	return xmlFile(x('container', { version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container' }, lines([x('rootfiles', lines([rootfile]))])));
}
