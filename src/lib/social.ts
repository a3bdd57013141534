/**
 * The social card of every page: which pages have one, what each shows, and the URL and
 * description link previews get (`og:image`, `twitter:image`). The cards themselves are drawn by
 * `card.ts` and served by `src/pages/og/[page].png.ts`.
 *
 * To give a new page its own card, add it to `socialPages` with the id it passes to
 * `BaseLayout` as `current`; pages without one share the overview's card.
 */
import { type Article, absolute, getArticle, url } from './article';
import { type CardContent, CARD_HEIGHT, CARD_WIDTH } from './card';
import { humanDate, parseDate } from './dates';
import { countOf } from './reading';

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
	const { introduction, sections, timeline } = await getArticle();
	const site = introduction.data.title;
	const dated = [...timeline.eras.flatMap((era) => era.events), ...timeline.epilogue];
	const years = (ms: number) => new Date(ms).getUTCFullYear();
	const span = `${years(Math.min(...dated.map((event) => event.date!.start.min)))}–${years(Math.max(...dated.map((event) => event.date!.end.max)))}`;
	const written = `${humanDate(timeline.published)} (inferred)`;
	const strip = `a timeline strip of the article’s events from ${span.replace('–', ' to ')}`;
	const parts = countOf(sections.length, 'section');
	return [
		{
			id: 'overview',
			kicker: `Opinion · written ${written}`,
			title: site,
			dates: `${span} · ${parts}`,
			summary: introduction.data.description,
			alt: `“${site}”, an op-ed written ${written}, with ${strip} and its ${parts}.`,
		},
		...sections.map((section) => {
			const period = humanDate(parseDate(section.entry.data.period));
			return {
				id: section.id,
				kicker: `${site} · Section ${section.order} of ${sections.length}`,
				title: section.title,
				dates: period,
				summary: section.entry.data.summary,
				current: section.id,
				alt: `“${section.title}”, section ${section.order} of ${sections.length} of “${site}”: ${period}, highlighted on ${strip}.`,
			};
		}),
		{
			id: 'timeline',
			kicker: `${site} · Timeline`,
			title: 'Timeline',
			dates: `${span} · ${timeline.events.length} events`,
			summary: 'Every event the article mentions, each linked to the sentence that tells it.',
			alt: `Timeline of “${site}”: ${timeline.events.length} events, ${span}, shown as ${strip} and the ${parts}.`,
		},
		{
			id: 'read',
			kicker: `${site} · The whole article`,
			title: site,
			dates: `Written ${written}`,
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

/** The path of a page's card under the base: `/sub/og/soviet-era.png`. */
export const socialImagePath = (id: string) => url(`og/${id}.png`);

/** The card for a page id (BaseLayout's `current`); the overview's for pages without their own. */
export async function socialImage(pageId?: string): Promise<SocialImage> {
	const { list, byId } = await cards();
	const page = (pageId === undefined ? undefined : byId.get(pageId)) ?? list[0]!;
	return { url: absolute(socialImagePath(page.id)), width: CARD_WIDTH, height: CARD_HEIGHT, alt: page.alt, type: 'image/png' };
}
