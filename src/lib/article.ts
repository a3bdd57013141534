/**
 * The one place that reads the content collections. Everything the pages show — reading
 * order, links, the timeline — is derived here once from the validated entries, by the pure
 * modules beside this file.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { throwIfBroken } from './content-errors';
import { ContentError } from './errors';
import { type PageLink, inReadingOrder, withBase } from './navigation';
import type { ArticleInfo } from './structured-data';
import { type Timeline, buildTimeline } from './timeline';

/** The first publication: credited on every page, never made our canonical URL. */
export const ORIGINAL = { name: 'Daily Times', url: 'https://dailytimes.com.pk/926224/russias-taliban-policy' };

export type IntroductionEntry = CollectionEntry<'introduction'>;
export type SectionEntry = CollectionEntry<'sections'>;

export interface Section extends PageLink {
	entry: SectionEntry;
	order: number;
	slug: string;
	file: string;
}

export interface Article {
	introduction: IntroductionEntry;
	/** The sections, in reading order. */
	sections: Section[];
	/** The overview, then the sections: the rel=next chain. */
	readingOrder: PageLink[];
	timeline: Timeline;
	/** Links to the site's own pages, under the configured base. */
	links: { home: string; contents: string; timeline: string; read: string; search: string };
	/** What structured data says about the article (absolute URLs). */
	info: ArticleInfo;
}

/** The site's URL for a path inside it, honouring `BASE_PATH`. */
export const url = (path = '') => withBase(import.meta.env.BASE_URL, path);

/**
 * The absolute URL of a site path (`/sub/soviet-era/`), from `SITE_URL`. Without it there is no
 * origin to name, and the path is returned as it is.
 */
export const absolute = (pathname: string) => (import.meta.env.SITE ? new URL(pathname, import.meta.env.SITE).href : pathname);

const fileOf = (entry: { filePath?: string; id: string }) => entry.filePath ?? entry.id;

async function load(): Promise<Article> {
	const [introduction, ...extra] = await getCollection('introduction');
	if (!introduction) throw new ContentError('content/introduction.mdx', 'file', 'is missing: the overview opens with the introduction');
	if (extra.length) throw new ContentError(fileOf(extra[0]), 'file', 'is a second introduction; keep one');

	// Sorted by file, so that a clash is always reported against the same file.
	const entries = (await getCollection('sections')).sort((a, b) => fileOf(a).localeCompare(fileOf(b)));
	if (entries.length === 0) throw new ContentError('content/sections/', 'files', 'are missing: the article needs at least one section');
	const sections = inReadingOrder(
		entries.map((entry) => ({
			id: entry.id,
			slug: entry.id,
			title: entry.data.title,
			order: entry.data.order,
			file: fileOf(entry),
			href: url(`${entry.id}/`),
			entry,
		})),
	);

	const links = { home: url(), contents: `${url()}#sections`, timeline: url('timeline/'), read: url('read/'), search: url('search/') };
	const timeline = buildTimeline(
		[
			{ id: 'introduction', file: fileOf(introduction), title: 'Introduction', href: links.home, events: introduction.data.events },
			...sections.map((section) => ({ ...section, period: section.entry.data.period, events: section.entry.data.events })),
		],
		{ published: introduction.data.published, timelineHref: links.timeline },
	);
	for (const warning of timeline.warnings) console.warn(`[timeline] ${warning}`);

	const readingOrder: PageLink[] = [{ id: 'overview', title: introduction.data.title, href: links.home }, ...sections];
	const info: ArticleInfo = {
		title: introduction.data.title,
		description: introduction.data.description,
		url: absolute(links.home),
		byline: introduction.data.byline,
		original: ORIGINAL,
		sections: sections.map((section) => ({ title: section.title, description: section.entry.data.summary, url: absolute(section.href) })),
	};
	return { introduction, sections, readingOrder, timeline, links, info };
}

let cached: { key: string; article: Promise<Article> } | undefined;

/** What the content is now: each entry and the digest of its file (cheap: no rendering). */
async function contentKey(): Promise<string> {
	const entries = [...(await getCollection('introduction')), ...(await getCollection('sections'))];
	return entries.map((entry) => `${entry.collection}/${entry.id}:${entry.digest ?? ''}`).join('\n');
}

/**
 * The article, derived once per build. In `astro dev`, once per state of the content: every
 * component of a page asks for it, and an edit makes the next request derive it afresh.
 */
export async function getArticle(): Promise<Article> {
	if (import.meta.env.DEV) throwIfBroken();
	const key = import.meta.env.DEV ? await contentKey() : '';
	if (cached?.key !== key) {
		const article = load();
		cached = { key, article };
		// A failed load (bad content) is not kept: the next request, after the fix, tries again.
		article.catch(() => {
			if (cached?.article === article) cached = undefined;
		});
	}
	return cached.article;
}
