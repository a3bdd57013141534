/**
 * The whole article as an EPUB 3 book, from the same content as the site: a cover (the
 * overview's social card), a navigation document listing the sections, the author's words
 * exactly as on /read/, and the timeline as an appendix whose entries link to their sentences
 * inside the book. This module puts the files into the zip; the pages are made in
 * `epub-pages.ts` (XHTML written by `epub-xhtml.ts`), the package document in `epub-package.ts`.
 * Deterministic: the same content gives the same bytes (fixed file times, fixed order).
 */
import { type Zippable, zipSync } from 'fflate';
import type { Article } from '../../model/article';
import { titleSlug } from './citation';
import { NAV_FILE, PACKAGE_FILE, containerFile, packageDocument } from './epub-package';
import { COVER, STYLE, chapterPage, chapters, coverPage, navPage } from './epub-pages';
import { STYLE_FILE } from './epub-xhtml';

/** The book's path under the site's base, named for the title: `book/the-river-and-the-town.epub`. */
export const epubFile = (article: Pick<Article, 'title'>) => `book/${titleSlug(article.title)}.epub`;

export function buildEpub(article: Article, cover: Uint8Array): Uint8Array {
	const book = chapters(article);
	const text = (value: string) => new TextEncoder().encode(value);
	// One fixed time for every entry: the zip's bytes depend on the content alone. A zip holds no
	// date before 1980; a day after its first, the time is in range in every time zone.
	const mtime = new Date(Date.UTC(1980, 0, 2));
	const files: Zippable = {
		// First and stored: readers identify the format by these bytes.
		mimetype: [text('application/epub+zip'), { level: 0, mtime }],
		'META-INF/container.xml': [text(containerFile()), { mtime }],
		[PACKAGE_FILE]: [text(packageDocument(article, book)), { mtime }],
		[`OEBPS/${NAV_FILE}`]: [text(navPage(book, article.language)), { mtime }],
		[`OEBPS/${STYLE_FILE}`]: [text(STYLE), { mtime }],
		[`OEBPS/${COVER.image}`]: [cover, { level: 0, mtime }],
		[`OEBPS/${COVER.page}`]: [text(coverPage(article.title, article.language)), { mtime }],
	};
	for (const chapter of book) files[`OEBPS/${chapter.file}`] = [text(chapterPage(chapter, article.language)), { mtime }];
	return zipSync(files, { level: 9, mtime });
}
