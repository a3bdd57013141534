/**
 * The article's page model: everything a page shows, derived once from the validated content
 * entries — reading order and links, each section's position, period, reading time and
 * neighbours, when the article was written, the timeline and what structured data says. Pure:
 * entries and the deploy's base and site in, plain data out; pages and components only read it.
 */
import type { CollectionEntry } from 'astro:content';
import type { Genre } from '../config';
import type { ParsedDate } from '../content/dates';
import { anchorClash } from '../content/anchor-clashes';
import { ContentError } from '../content/errors';
import { brokenLink } from './link-check';
import { type Alias, type Declared, type Manifest, type PublishedPage, type Reconciled, emptyManifest, goneMessage, reconcile } from './links';
import { anchorsOf, authorWords, bylineOf, linksOf, partsOf } from '../content/markdown/parse';
import { publishedPages } from './published';
import { sentenceIds } from '../content/sentence-ids';
import { type PageLink, RESERVED_SLUGS, inReadingOrder, prevNext, withBase } from './navigation';
import { readingTime } from '../content/reading';
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
	/** Its era on the timeline: the period parsed, and labelled ("1900–1989"). */
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
	/** "May 2021" */
	human: string;
	/** "written May 2021 (inferred)" */
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
	/** The years the dated events span, first to last ("1820–2021"). */
	span: { from: number; to: number; label: string };
	/**
	 * Links to the site's own pages, under the configured base, and to the Markdown copies of the
	 * overview, the whole article and the timeline.
	 */
	links: { home: string; contents: string; timeline: string; read: string; search: string; markdown: { home: string; read: string; timeline: string } };
	/** The text's language tag (`en`): pages' and the book's `lang`. */
	language: string;
	/** Where it first appeared, if elsewhere. */
	original?: { name: string; url: string } | undefined;
	/** What kind of text it is ("an essay", "Essay"). */
	genre: Genre;
	/** What structured data says about the article (absolute URLs). */
	info: ArticleInfo;
	/** Every sentence's id, by file and the sentence's number in it (`<S n>`). */
	sentenceIds: ReadonlyMap<string, readonly string[]>;
	/** What a link can point at, compared with what was published before. */
	published: Published;
}

/** The site's pages and anchors, checked against the manifest of what was published. */
export interface Published extends Reconciled {
	pages: PublishedPage[];
	/** Old ids that stay on their new place, by kind and the new id (`sentence` → `s-new` → [`s-old`]). */
	aliasesOf: (kind: Alias['kind'], id: string) => string[];
	/** Former section URLs and where they lead now (paths under the base: `/bridges/` → `/the-bridge/`). */
	redirects: { from: string; to: string; title: string }[];
}

/** Where the site is deployed: `BASE_URL` (`/` or `/sub/`) and `SITE` (an origin, or none). */
export interface Deploy {
	base: string;
	site?: string | undefined;
}

/** The content folder as messages name it (`content`), and what was published before. */
export interface Source {
	folder: string;
	/** The manifest of published links (`content/published.json`); none before the first record. */
	manifest?: Manifest | undefined;
	/** Whether a published link that is gone stops the build (`astro build`) or only warns (`astro dev`). */
	strictLinks?: boolean | undefined;
	/** The text's language tag (`en`), for structured data. */
	language?: string | undefined;
	/** Where it first appeared, if elsewhere. */
	original?: { name: string; url: string } | undefined;
	/** What kind of text it is ("an essay", "Essay"). */
	genre?: Genre | undefined;
	/** Whether the site has a search page (`/search/`), which links may point at. */
	search?: boolean | undefined;
}

/** The site's URL for a path inside it, under the deploy's base. */
export const siteUrl = (deploy: Deploy, path = '') => withBase(deploy.base, path);

/** The absolute URL of a site path, when the deploy names its origin; else the path as it is. */
export const absoluteUrl = (deploy: Deploy, pathname: string) => (deploy.site ? new URL(pathname, deploy.site).href : pathname);

const fileOf = (entry: { filePath?: string | undefined; id: string }) => entry.filePath ?? entry.id;

const year = (ms: number) => new Date(ms).getUTCFullYear();

/** The model, from the collections' entries; content errors throw a `ContentError` naming the file. */
export function buildArticle(
	introductions: readonly IntroductionEntry[],
	sectionEntries: readonly SectionEntry[],
	deploy: Deploy,
	{ folder, manifest = emptyManifest(), strictLinks = true, language = 'en', original, genre = { name: 'a long read', label: 'Long read' }, search = true }: Source = { folder: 'content' },
): Article {
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
		{ file: fileOf(introduction), page: '/', title, slug: undefined as string | undefined, body: introduction.body ?? '' },
		...ordered.map((section) => ({ file: section.file, page: `/${section.slug}/`, title: section.title, slug: section.slug, body: section.entry.body ?? '' })),
	].map((text) => ({ ...text, anchors: anchorsOf(text.body), ...partsOf(text.body) }));
	const idsByFile = sentenceIds(texts);
	const named = texts.map((text) => {
		const ids = idsByFile.get(text.file) ?? [];
		const derived = text.sentences.filter((sentence) => !sentence.id).map((sentence) => ({ id: ids[sentence.n]!, kind: 'sentence' as const, field: `sentence “${sentence.text.slice(0, 40)}…”` }));
		return { ...text, sentenceIds: ids, anchors: [...text.anchors, ...derived] };
	});
	const clash = anchorClash([...ordered.map((section) => ({ file: section.file, anchors: [{ id: section.slug, kind: 'slug' as const, field: 'slug' }] })), ...named]);
	if (clash) throw clash;

	const timeline = buildTimeline(
		[
			{ id: 'introduction', file: fileOf(introduction), title: 'Introduction', href: links.home, events: introduction.data.events },
			...ordered.map((section) => ({ ...section, period: section.entry.data.period, events: section.entry.data.events })),
		],
		{ published: introduction.data.published, timelineHref: links.timeline },
	);

	// The timeline's groups, for the whole article (overview, /timeline/) and each section's own.
	const groups = timelineGroups(timeline);
	const groupsOf = new Map(ordered.map((section) => [section.file, timelineGroups(timeline, section.id)]));
	const sitePages = publishedPages({
		home: { path: '/', title },
		texts: named.map((text) => ({ ...text, path: text.page, eras: (text.slug === undefined ? groups : groupsOf.get(text.file)) ?? [] })),
		read: { path: '/read/', title: 'The whole article', file: 'src/pages/read.astro' },
		timeline: {
			path: '/timeline/',
			title: 'Timeline',
			file: 'src/pages/timeline.astro',
			entries: timeline.events.map((event) => ({ id: event.id, label: event.label, file: event.source.file })),
			eras: groups,
		},
		search: search ? { path: '/search/', title: 'Search', file: 'src/pages/search.astro' } : undefined,
	});
	const published = checkPublished(sitePages, manifest, ordered, [introduction, ...ordered.map((section) => section.entry)], strictLinks);

	const ids = (page: PublishedPage) => new Set([...page.anchors.map((anchor) => anchor.id), ...published.aliases.filter((alias) => alias.path === page.path).map((alias) => alias.old)]);
	const broken = brokenLink(
		texts.map(({ file, page, body }) => ({ file, page, links: linksOf(body) })),
		sitePages.map((page) => ({ path: page.path, ids: ids(page) })),
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
			groups: groupsOf.get(section.file)!,
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
		// The author's own words for themselves, where the text gives them.
		byline: { ...introduction.data.byline, text: [introduction, ...sectionEntries].map((entry) => bylineOf(entry.body ?? '')).find(Boolean) },
		language,
		original,
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
		groups,
		span: { from, to, label: `${from}–${to}` },
		links,
		language,
		original,
		genre,
		info,
		sentenceIds: idsByFile,
		published,
	};
}

/** Former slugs declared by the sections, checked: each names no page of the site now and is declared once. */
function formerPaths(sections: readonly { slug: string; file: string; entry: SectionEntry }[]): Published['redirects'] {
	const current = new Set(sections.map((section) => section.slug));
	const seen = new Map<string, string>();
	return sections.flatMap((section) =>
		section.entry.data.formerSlugs.map((former, index) => {
			const field = `formerSlugs[${index}]`;
			if (current.has(former)) throw new ContentError(section.file, field, `"${former}" is the slug of a section now: a URL cannot both show a section and redirect`);
			if ((RESERVED_SLUGS as readonly string[]).includes(former)) throw new ContentError(section.file, field, `"${former}" is the URL of one of the site's own pages`);
			const other = seen.get(former);
			if (other) throw new ContentError(section.file, field, `"${former}" is also declared by ${other}: one old URL can redirect to one place`);
			seen.set(former, section.file);
			return { from: `/${former}/`, to: `/${section.slug}/`, title: section.entry.data.title };
		}),
	);
}

/**
 * The site's anchors against the manifest: aliases for what moved, redirects for former slugs;
 * what was published and is gone stops the build (in `astro dev`, it warns).
 */
function checkPublished(
	pages: PublishedPage[],
	manifest: Manifest,
	sections: readonly { slug: string; file: string; entry: SectionEntry }[],
	entries: readonly (IntroductionEntry | SectionEntry)[],
	strict: boolean,
): Published {
	const redirects = formerPaths(sections);
	const formerAnchors = new Map<string, string>();
	for (const entry of entries) {
		for (const [old, id] of Object.entries(entry.data.formerAnchors)) {
			const field = `formerAnchors.${old}`;
			if (formerAnchors.has(old)) throw new ContentError(fileOf(entry), field, `is declared twice: one old id can lead to one place`);
			const gives = pages.some((page) => page.anchors.some((anchor) => anchor.id === id && (anchor.file ?? page.file) === fileOf(entry)));
			if (!gives) throw new ContentError(fileOf(entry), field, `points at "${id}", which is no id this file gives its page (a sentence's, a paragraph's, a heading's or an event's)`);
			formerAnchors.set(old, id);
		}
	}
	const declared: Declared = { formerPaths: new Map(redirects.map((redirect) => [redirect.from, redirect.to])), formerAnchors };
	const found = reconcile(manifest, pages, declared);
	if (strict && found.gone.length) {
		const [first, ...rest] = found.gone.map(goneMessage);
		const more = rest.map((item) => `\n${item.file}: ${item.field} ${item.message}`).join('');
		throw new ContentError(first!.file, first!.field, `${first!.message}${more}`);
	}
	const byKey = new Map<string, string[]>();
	for (const alias of found.aliases) {
		const key = `${alias.kind} ${alias.id}`;
		const olds = byKey.get(key) ?? [];
		if (!olds.includes(alias.old)) olds.push(alias.old);
		byKey.set(key, olds);
	}
	return { ...found, pages, redirects, aliasesOf: (kind, id) => byKey.get(`${kind} ${id}`) ?? [] };
}
