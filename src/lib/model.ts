/**
 * The article's page model: everything a page shows, derived once from the validated content
 * entries — reading order and links, each section's position, period, reading time and
 * neighbours, when the article was written, the timeline and what structured data says. Pure:
 * entries and the deploy's base and site in, plain data out; pages and components only read it.
 */
import type { CollectionEntry } from 'astro:content';
import { ORIGINAL } from '../site.config';
import type { ParsedDate } from './dates';
import { anchorClash } from './anchor-clashes';
import { ContentError } from './errors';
import { brokenLink } from './link-check';
import { anchorsOf, authorWords, linksOf } from './markdown/parse';
import { type PageLink, inReadingOrder, prevNext, withBase } from './navigation';
import { readingTime } from './reading';
import type { ArticleInfo } from './structured-data';
import { type Era, type Timeline, buildTimeline } from './timeline';
import { type TimelineGroup, timelineGroups } from './timeline-groups';

export type IntroductionEntry = CollectionEntry<'introduction'>;
export type SectionEntry = CollectionEntry<'sections'>;

/** Where each page's Markdown copy lives: beside its HTML, as `index.md`. */
export const markdownHref = (pageHref: string) => `${pageHref}index.md`;

/** A section page and everything it shows about itself. */
export interface Section extends PageLink {
	entry: SectionEntry;
	/** The `order` field as written; `number` is its place in reading order. */
	order: number;
	/** Its place in reading order, from 1 ("Section 2 of 4"). */
	number: number;
	slug: string;
	file: string;
	summary: string;
	/** Its era on the timeline: the period parsed, and labelled ("1945–1989"). */
	era: Era;
	/** The events it declares, as its page lists them. */
	groups: TimelineGroup[];
	/** "Section 2 of 4" */
	position: string;
	/** The author's words in it, and the reading time they make ("4 min read"). */
	words: number;
	readingTime: string;
	prev?: PageLink | undefined;
	next?: PageLink | undefined;
	/** Its Markdown copy. */
	markdown: string;
}

/** When the article was written: inferred from the text, and always shown as inferred. */
export interface Written {
	date: ParsedDate;
	/** "April 2022" */
	human: string;
	/** "written April 2022 (inferred)" */
	label: string;
}

export interface Article {
	introduction: IntroductionEntry;
	title: string;
	description: string;
	/** The sections, in reading order. */
	sections: Section[];
	/** The overview, then the sections: the rel=next chain. */
	readingOrder: PageLink[];
	/** The overview's place in that chain. */
	overview: { next?: PageLink | undefined };
	written: Written;
	timeline: Timeline;
	/** The whole timeline as the overview, the timeline page and the exports list it. */
	groups: TimelineGroup[];
	/** The years the dated events span, first to last ("1945–2021"). */
	span: { from: number; to: number; label: string };
	/**
	 * Links to the site's own pages, under the configured base, and to the Markdown copies of the
	 * overview, the whole article and the timeline.
	 */
	links: { home: string; contents: string; timeline: string; read: string; search: string; markdown: { home: string; read: string; timeline: string } };
	/** What structured data says about the article (absolute URLs). */
	info: ArticleInfo;
}

/** Where the site is deployed: `BASE_URL` (`/` or `/sub/`) and `SITE` (an origin, or none). */
export interface Deploy {
	base: string;
	site?: string | undefined;
}

/** The content folder as messages name it: `content`. */
export interface Source {
	folder: string;
}

/** The site's URL for a path inside it, under the deploy's base. */
export const siteUrl = (deploy: Deploy, path = '') => withBase(deploy.base, path);

/** The absolute URL of a site path, when the deploy names its origin; else the path as it is. */
export const absoluteUrl = (deploy: Deploy, pathname: string) => (deploy.site ? new URL(pathname, deploy.site).href : pathname);

const fileOf = (entry: { filePath?: string | undefined; id: string }) => entry.filePath ?? entry.id;

const year = (ms: number) => new Date(ms).getUTCFullYear();

/** The model, from the collections' entries; content errors throw a `ContentError` naming the file. */
export function buildArticle(introductions: readonly IntroductionEntry[], sectionEntries: readonly SectionEntry[], deploy: Deploy, { folder }: Source = { folder: 'content' }): Article {
	const [introduction, ...extra] = introductions;
	if (!introduction) throw new ContentError(`${folder}/introduction.mdx`, 'file', 'is missing: the overview opens with the introduction');
	if (extra[0]) throw new ContentError(fileOf(extra[0]), 'file', 'is a second introduction; keep one');
	if (sectionEntries.length === 0) throw new ContentError(`${folder}/sections/`, 'files', 'are missing: the article needs at least one section');

	const url = (path = '') => siteUrl(deploy, path);
	const pages = { home: url(), timeline: url('timeline/'), read: url('read/') };
	const markdown = { home: markdownHref(pages.home), read: markdownHref(pages.read), timeline: markdownHref(pages.timeline) };
	const links = { ...pages, contents: `${pages.home}#sections`, search: url('search/'), markdown };
	const { title, description } = introduction.data;

	// Sorted by file first, so that a clash is always reported against the same file.
	const ordered = inReadingOrder(
		[...sectionEntries]
			.sort((a, b) => fileOf(a).localeCompare(fileOf(b)))
			.map((entry) => ({ id: entry.id, slug: entry.id, title: entry.data.title, order: entry.data.order, file: fileOf(entry), href: url(`${entry.id}/`), entry })),
	);

	// Ids on /read/: the sections' slugs (their headings there) first, so a clash names the text.
	const texts = [
		{ file: fileOf(introduction), page: '/', body: introduction.body ?? '' },
		...ordered.map((section) => ({ file: section.file, page: `/${section.slug}/`, body: section.entry.body ?? '' })),
	].map((text) => ({ ...text, anchors: anchorsOf(text.body) }));
	const clash = anchorClash([...ordered.map((section) => ({ file: section.file, anchors: [{ id: section.slug, kind: 'slug' as const, field: 'slug' }] })), ...texts]);
	if (clash) throw clash;

	const timeline = buildTimeline(
		[
			{ id: 'introduction', file: fileOf(introduction), title: 'Introduction', href: links.home, events: introduction.data.events },
			...ordered.map((section) => ({ ...section, period: section.entry.data.period, events: section.entry.data.events })),
		],
		{ published: introduction.data.published, timelineHref: links.timeline },
	);

	const ids = (...anchors: { id: string }[][]) => new Set(anchors.flat().map((anchor) => anchor.id));
	const broken = brokenLink(
		texts.map(({ file, page, body }) => ({ file, page, links: linksOf(body) })),
		[
			...texts.map(({ page, anchors }) => ({ path: page, ids: ids(anchors) })),
			{ path: '/timeline/', ids: ids(timeline.events) },
			{ path: '/read/', ids: ids(...texts.map((text) => text.anchors), ordered) },
			{ path: '/search/', ids: new Set<string>() },
		],
	);
	if (broken) throw broken;

	const overviewLink: PageLink = { id: 'overview', title, href: links.home };
	const readingOrder: PageLink[] = [overviewLink, ...ordered.map(({ id, title, href }) => ({ id, title, href }))];
	const sections: Section[] = ordered.map((section, index) => {
		const words = authorWords(section.entry.body ?? '');
		return {
			...section,
			number: index + 1,
			summary: section.entry.data.summary,
			era: timeline.eraById.get(section.id)!,
			groups: timelineGroups(timeline, section.id),
			position: `Section ${index + 1} of ${ordered.length}`,
			words,
			readingTime: readingTime(words),
			...prevNext(readingOrder, section.id),
			markdown: markdownHref(section.href),
		};
	});

	const written = timeline.publishedHuman;
	// An article without a dated event spans the year it was written.
	const dates = timeline.dated.length ? timeline.dated.map((event) => event.date) : [timeline.published];
	const from = year(Math.min(...dates.map((date) => date.start.min)));
	const to = year(Math.max(...dates.map((date) => date.end.max)));
	const info: ArticleInfo = {
		title,
		description,
		url: absoluteUrl(deploy, links.home),
		byline: introduction.data.byline,
		original: ORIGINAL,
		sections: sections.map((section) => ({ title: section.title, description: section.summary, url: absoluteUrl(deploy, section.href) })),
	};
	return {
		introduction,
		title,
		description,
		sections,
		readingOrder,
		overview: prevNext(readingOrder, overviewLink.id),
		written: { date: timeline.published, human: written, label: `written ${written} (inferred)` },
		timeline,
		groups: timelineGroups(timeline),
		span: { from, to, label: `${from}–${to}` },
		links,
		info,
	};
}
