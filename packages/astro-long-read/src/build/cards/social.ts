/**
 * The social card of every page: which pages have one, what each shows, and the URL and
 * description link previews get (`og:image`, `twitter:image`). The cards themselves are drawn by
 * `card.ts` and served by `routes/card.png.ts`.
 *
 * To give a new page its own card, add it to `socialPages` with the id it passes to
 * `BaseLayout` as `current`; pages without one share the overview's card.
 */
import { type Article, absolute, getArticle, url } from '../../model/article';
import { type CardContent, CARD_HEIGHT, CARD_WIDTH } from './card';
import { countOf } from '../../content/reading';

export interface SocialPage extends CardContent {
	/** The page's id, as BaseLayout's `current`; the card is `og/<id>.png`. */
	id: string;
	/** The card described in words, for `og:image:alt`. */
	alt: string;
}

export interface SocialImage {
	/** Absolute when `SITE_URL` is set (as link previews need); root-relative without it. */
	url: string;
	width: typeof CARD_WIDTH;
	height: typeof CARD_HEIGHT;
	alt: string;
	type: 'image/png';
}

/** Every page with a card of its own. */
async function describePages(): Promise<SocialPage[]> {
	const { title: site, description, written, sections, timeline, span, genre } = await getArticle();
	const strip = `a timeline strip of the article’s events from ${span.from} to ${span.to}`;
	const parts = countOf(sections.length, 'section');
	return [
		{
			id: 'overview',
			kicker: `${genre.label} · ${written.label}`,
			title: site,
			dates: `${span.label} · ${parts}`,
			summary: description,
			alt: `“${site}”, ${genre.name} ${written.label}, with ${strip} and its ${parts}.`,
		},
		...sections.map((section) => ({
			id: section.id,
			kicker: `${site} · ${section.position}`,
			title: section.title,
			dates: section.era.human,
			summary: section.summary,
			current: section.id,
			alt: `“${section.title}”, ${section.position.toLowerCase()} of “${site}”: ${section.era.human}, highlighted on ${strip}.`,
		})),
		{
			id: 'timeline',
			kicker: `${site} · Timeline`,
			title: 'Timeline',
			dates: `${span.label} · ${timeline.events.length} events`,
			summary: 'Every event the article mentions, each linked to the sentence that tells it.',
			alt: `Timeline of “${site}”: ${timeline.events.length} events, ${span.label}, shown as ${strip} and the ${parts}.`,
		},
		{
			id: 'read',
			kicker: `${site} · The whole article`,
			title: site,
			dates: `Written ${written.human} (inferred)`,
			summary: 'The whole article on one page, for reading offline and for printing.',
			alt: `“${site}”, the whole article on one page, with ${strip} and its ${parts}.`,
		},
	];
}

async function load() {
	const list = await describePages();
	return { list, byId: new Map(list.map((page) => [page.id, page])) };
}

const byArticle = new WeakMap<Article, ReturnType<typeof load>>();

/** Every page's card, described once per state of the article (once per build). */
async function cards() {
	const article = await getArticle();
	let described = byArticle.get(article);
	if (!described) byArticle.set(article, (described = load()));
	return described;
}

/** The pages that have a card of their own, in the order of the site. */
export async function socialPages(): Promise<SocialPage[]> {
	return (await cards()).list;
}

/** The path of a page's card under the base: `/sub/og/the-ferry.png`. */
export const socialImagePath = (id: string) => url(`og/${id}.png`);

/** The card for a page id (BaseLayout's `current`); the overview's for pages without their own. */
export async function socialImage(pageId?: string): Promise<SocialImage> {
	const { list, byId } = await cards();
	const page = (pageId === undefined ? undefined : byId.get(pageId)) ?? list[0]!;
	return { url: absolute(socialImagePath(page.id)), width: CARD_WIDTH, height: CARD_HEIGHT, alt: page.alt, type: 'image/png' };
}
