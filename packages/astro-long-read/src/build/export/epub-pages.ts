/**
 * The pages of the book, as hast trees: the introduction under the article's title with a note
 * on what this edition adds, one chapter per section, the timeline as an appendix whose entries
 * link to their sentences, the navigation document, the cover page and the style sheet. The
 * author's words are as on /read/; what we add (the note, headings, dates) is set apart as ours.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { type Article, absolute } from '../../model/article';
import { articleBody, lines, xhtmlPage } from './epub-xhtml';

/** A page of the book's reading order. */
export interface Chapter {
	/** File name inside the book. */
	file: string;
	title: string;
	/** The id the timeline uses for the page (`introduction`, a section id). */
	source?: string;
	content: ElementContent[];
}

/** The cover: a page holding the image. */
export const COVER = { page: 'cover.xhtml', image: 'cover.png' } as const;
const INTRODUCTION_FILE = 'introduction.xhtml';

export const STYLE = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
.editorial, h1, h2, nav { font-family: sans-serif; }
.note { font-family: sans-serif; font-size: 0.85em; color: #555; }
.pull-quote { font-style: italic; margin: 1.5em 0; padding-left: 1em; border-left: 3px solid #8a2b12; }
.byline { font-style: italic; margin-top: 2em; }
.cover { text-align: center; margin: 0; }
.cover img { max-width: 100%; }
dt { font-family: sans-serif; font-weight: bold; margin-top: 0.8em; }
`;

const link = (href: string, text = href) => h('a', { href }, text);

/** The introduction, the sections, then the timeline appendix: the book's reading order. */
export function chapters(article: Article): Chapter[] {
	const { introduction, sections, title, links } = article;
	const read = absolute(links.read);
	const result: Chapter[] = [
		{
			file: INTRODUCTION_FILE,
			title,
			source: 'introduction',
			content: [
				h('h1', title),
				h('p.note', [
					'This edition’s additions — the title, the headings, the dates and the notes in this typeface — are editorial; every other word is the author’s, unchanged. ',
					...(article.original
						? ['First published in ', article.original.name, ' (', link(article.original.url), `), written ${article.written.human}`]
						: [`Written ${article.written.human}`]),
					' (inferred from the text: the article gives no date).',
					// Without the site's origin (no `SITE_URL`), there is no address to give: a path would point inside the book.
					...(/^https?:\/\//.test(read) ? [' Online at ', link(read), '.'] : []),
				]),
				...articleBody(introduction.body ?? '', introduction.filePath ?? introduction.id, article.sentenceIds.get(introduction.filePath ?? introduction.id) ?? []),
			],
		},
		...sections.map((section, index) => ({
			file: `section-${index + 1}.xhtml`,
			title: section.title,
			source: section.id,
			content: [
				h('h1.editorial', section.title),
				h('p.note', `${section.era.human} · ${section.summary}`),
				...articleBody(section.entry.body ?? '', section.file, article.sentenceIds.get(section.file) ?? []),
			],
		})),
	];
	const fileOf = new Map(result.map((chapter) => [chapter.source, chapter.file]));
	result.push({
		file: 'timeline.xhtml',
		title: 'Timeline',
		content: [
			h('h1', 'Timeline'),
			h(
				'p.note',
				'Editorial appendix: every event the article mentions, dated by this edition, with the article’s own words for the time. Each entry links to its sentence.',
			),
			...appendix(article, (source) => fileOf.get(source)),
		],
	});
	return result;
}

/** Every event, by era, each linking to its sentence in the chapter that holds it. */
function appendix(article: Article, fileOf: (source: string) => string | undefined): Element[] {
	return article.groups.flatMap((group) => [
		h('h2', group.title),
		...(group.note ? [h('p.note', group.note)] : []),
		h(
			'dl',
			lines(
				group.events.flatMap((event) => {
					const precision = event.precision ? ` ${event.precision}.` : '';
					const when = event.when ? ` The article: “${event.when}”.` : '';
					return [
						h('dt', { id: event.id }, event.human ?? 'Not dated in the article'),
						h('dd', [`${event.label}.${precision}${when} `, link(`${fileOf(event.source.id)}#${event.sentence}`, 'Read the sentence'), '.']),
					];
				}),
			),
		),
	]);
}

/** The navigation document: the contents, and the landmarks (hidden) for the reading system. */
export function navPage(book: readonly Chapter[], language: string): string {
	const list = (items: Element[]) => h('ol', lines(items));
	return xhtmlPage(language, 'Contents', [
		h('nav', { 'epub:type': 'toc', id: 'toc' }, lines([h('h1', 'Contents'), list(book.map((chapter) => h('li', link(chapter.file, chapter.title))))])),
		h(
			'nav',
			{ 'epub:type': 'landmarks', hidden: true },
			lines([
				list([
					h('li', h('a', { 'epub:type': 'cover', href: COVER.page }, 'Cover')),
					h('li', h('a', { 'epub:type': 'bodymatter', href: INTRODUCTION_FILE }, 'Start of the article')),
				]),
			]),
		),
	]);
}

export const chapterPage = (chapter: Chapter, language: string) => xhtmlPage(language, chapter.title, chapter.content);

/** The cover page: the image, named by the title. */
export const coverPage = (title: string, language: string) => xhtmlPage(language, title, [h('div.cover', h('img', { src: COVER.image, alt: title }))], 'cover');
