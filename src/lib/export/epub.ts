/**
 * The whole article as an EPUB 3 book, from the same content as the site: a cover (the
 * overview's social card), a navigation document listing the sections, the author's words
 * exactly as on /read/, and the timeline as an appendix whose entries link to their sentences
 * inside the book. What we add (title page note, headings, dates) is set apart as ours, as on
 * the site. Deterministic: the same content gives the same bytes (fixed file times, fixed order).
 */
import { type Zippable, zipSync } from 'fflate';
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { LANGUAGE, ORIGINAL } from '../../site.config';
import { type Article, absolute } from '../article';
import { SENTENCE } from '../markdown/remark-article';
import { timelineGroups } from '../timeline';
import { attribute } from '../markdown/mdx';
import { articleTree } from './article-mdx';
import { citation } from './citation';

/** The book's path under the site's base. */
export const EPUB_FILE = 'book/russias-taliban-policy.epub';

interface Chapter {
	/** File name inside the book. */
	file: string;
	title: string;
	/** The id the timeline uses for the page (`introduction`, a section id). */
	source?: string;
	body: string;
}

/** An MDX body as XHTML: sentences keep their ids (`s-<id>`), so the timeline can link to them. */
function bodyXhtml(body: string, file: string): string {
	const tree = articleTree(body, file, 'EPUB', (node) => {
		// A node that mdast-util-to-hast turns into the element named by `data.hName`.
		const element = (tagName: string, properties: Record<string, string>) =>
			({ type: 'paragraph', children: node.children, data: { hName: tagName, hProperties: properties } }) as unknown as RootContent;
		if (node.name === SENTENCE) return [element('span', { id: `s-${attribute(node, 'id')}` })];
		if (node.name === 'PullQuote') return [element('blockquote', { className: 'pull-quote' })];
		if (node.name === 'Byline') return [element('div', { className: 'byline' })];
		return undefined;
	});
	const hast = toHast(tree) as HastRoot;
	// Our headings, marked as ours as on the site.
	visit(hast, 'element', (node: Element) => {
		if (/^h[2-6]$/.test(node.tagName)) node.properties = { ...node.properties, className: ['editorial'] };
	});
	return xhtml(hast);
}

const xhtml = (tree: HastRoot | Element) => toHtml(tree, { space: 'html', closeSelfClosing: true, characterReferences: { useNamedReferences: false } });

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string, type?: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${LANGUAGE.tag}" xml:lang="${LANGUAGE.tag}">
<head>
<meta charset="UTF-8" />
<title>${escape(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css" />
</head>
<body${type ? ` epub:type="${type}"` : ''}>
${body}
</body>
</html>
`;
}

const STYLE = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
.editorial, h1, h2, nav { font-family: sans-serif; }
.note { font-family: sans-serif; font-size: 0.85em; color: #555; }
.pull-quote { font-style: italic; margin: 1.5em 0; padding-left: 1em; border-left: 3px solid #8a2b12; }
.byline { font-style: italic; margin-top: 2em; }
.cover { text-align: center; margin: 0; }
.cover img { max-width: 100%; }
dt { font-family: sans-serif; font-weight: bold; margin-top: 0.8em; }
`;

/** When the book was made: `SOURCE_DATE_EPOCH` (reproducible builds) or the article's date. */
function modified(article: Article): string {
	const epoch = Number(process.env.SOURCE_DATE_EPOCH);
	const time = Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : article.written.date.start.min;
	return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function buildEpub(article: Article, cover: Uint8Array): Uint8Array {
	const { introduction, sections, timeline, links } = article;
	const { title } = article;
	const cite = citation(article);
	const written = article.written.human;
	const chapters: Chapter[] = [
		{
			file: 'introduction.xhtml',
			title,
			source: 'introduction',
			body: `<h1>${escape(title)}</h1>
<p class="note">This edition’s additions — the title, the headings, the dates and the notes in this typeface — are editorial; every other word is the author’s, unchanged. First published in ${escape(ORIGINAL.name)} (<a href="${escape(ORIGINAL.url)}">${escape(ORIGINAL.url)}</a>), written ${escape(written)} (inferred from the text: the article gives no date). Online at <a href="${escape(absolute(links.read))}">${escape(absolute(links.read))}</a>.</p>
${bodyXhtml(introduction.body ?? '', introduction.filePath ?? introduction.id)}`,
		},
		...sections.map((section, index) => ({
			file: `section-${index + 1}.xhtml`,
			title: section.title,
			source: section.id,
			body: `<h1 class="editorial">${escape(section.title)}</h1>
<p class="note">${escape(`${section.era.human} · ${section.summary}`)}</p>
${bodyXhtml(section.entry.body ?? '', section.file)}`,
		})),
	];
	const fileOf = new Map(chapters.map((chapter) => [chapter.source, chapter.file]));
	const appendix = timelineGroups(timeline)
		.map(
			(group) => `<h2>${escape(group.title)}</h2>
${group.note ? `<p class="note">${escape(group.note)}</p>\n` : ''}<dl>
${group.events
	.map((event) => {
		const href = `${fileOf.get(event.source.id)}#s-${event.sentence}`;
		const when = event.when ? ` The article: “${escape(event.when)}”.` : '';
		const precision = event.precision ? ` ${escape(event.precision)}.` : '';
		return `<dt id="${event.id}">${escape(event.human ?? 'Not dated in the article')}</dt>
<dd>${escape(event.label)}.${precision}${when} <a href="${href}">Read the sentence</a>.</dd>`;
	})
	.join('\n')}
</dl>`,
		)
		.join('\n');
	chapters.push({
		file: 'timeline.xhtml',
		title: 'Timeline',
		body: `<h1>Timeline</h1>
<p class="note">Editorial appendix: every event the article mentions, dated by this edition, with the article’s own words for the time. Each entry links to its sentence.</p>
${appendix}`,
	});

	const nav = `<nav epub:type="toc" id="toc">
<h1>Contents</h1>
<ol>
${chapters.map((chapter) => `<li><a href="${chapter.file}">${escape(chapter.title)}</a></li>`).join('\n')}
</ol>
</nav>
<nav epub:type="landmarks" hidden="hidden">
<ol>
<li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
<li><a epub:type="bodymatter" href="introduction.xhtml">Start of the article</a></li>
</ol>
</nav>`;

	const identifier = absolute(links.read).startsWith('http') ? absolute(links.read) : `urn:x-article:${cite.key}`;
	const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${LANGUAGE.tag}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${escape(identifier)}</dc:identifier>
<dc:title>${escape(title)}</dc:title>
<dc:language>${LANGUAGE.tag}</dc:language>
<dc:creator>${escape(cite.author)}</dc:creator>
<dc:description>${escape(article.description)}</dc:description>
<dc:source>${escape(ORIGINAL.url)}</dc:source>
<dc:date>${escape(article.written.date.edtf)}</dc:date>
<meta property="dcterms:modified">${modified(article)}</meta>
<meta name="cover" content="cover-image" />
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav" />
<item id="style" href="style.css" media-type="text/css" />
<item id="cover-image" href="cover.png" media-type="image/png" properties="cover-image" />
<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml" />
${chapters.map((chapter, index) => `<item id="c${index}" href="${chapter.file}" media-type="application/xhtml+xml" />`).join('\n')}
</manifest>
<spine>
<itemref idref="cover" linear="no" />
${chapters.map((_, index) => `<itemref idref="c${index}" />`).join('\n')}
</spine>
</package>
`;

	const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml" />
</rootfiles>
</container>
`;

	const text = (value: string) => new TextEncoder().encode(value);
	// One fixed time for every entry: the zip's bytes depend on the content alone.
	const mtime = new Date(Date.UTC(2022, 0, 1));
	const files: Zippable = {
		// First and stored: readers identify the format by these bytes.
		mimetype: [text('application/epub+zip'), { level: 0, mtime }],
		'META-INF/container.xml': [text(container), { mtime }],
		'OEBPS/content.opf': [text(opf), { mtime }],
		'OEBPS/nav.xhtml': [text(page('Contents', nav)), { mtime }],
		'OEBPS/style.css': [text(STYLE), { mtime }],
		'OEBPS/cover.png': [cover, { level: 0, mtime }],
		'OEBPS/cover.xhtml': [text(page(title, `<div class="cover"><img src="cover.png" alt="${escape(title)}" /></div>`, 'cover')), { mtime }],
	};
	for (const chapter of chapters) files[`OEBPS/${chapter.file}`] = [text(page(chapter.title, chapter.body)), { mtime }];
	return zipSync(files, { level: 9, mtime });
}
