/**
 * What the site publishes that a link can point at, page by page, each anchor with its words:
 * the overview and each section (headings, paragraphs, sentences, then the headings of the
 * timeline it lists), `/read/` (the texts' anchors, and each section's heading by its slug),
 * `/timeline/` (its groups' headings and its entries) and `/search/`. Read from the
 * parsed MDX, as the pages render it; `links.ts` compares it with what was published before.
 */
import type { PublishedAnchor, PublishedPage } from './links';
import { quoteIn } from './links';
import type { TreeParagraph } from '../content/markdown/paragraphs';
import type { TreeHeading } from '../content/markdown/parse';
import type { TreeSentence } from '../content/markdown/sentences';

/** A content file's page and what it shows. */
export interface TextPage {
	path: string;
	file: string;
	title: string;
	/** For a section: its slug, the id of its heading on `/read/`. */
	slug?: string | undefined;
	headings: readonly TreeHeading[];
	paragraphs: readonly TreeParagraph[];
	sentences: readonly TreeSentence[];
	/** Its sentences' ids, by number. */
	sentenceIds: readonly string[];
	/** Every block's text in order: the context of its quotes. */
	blocks: readonly string[];
	/** The timeline groups the page lists after its text (their headings' ids are `era-<id>`). */
	eras: readonly EraAnchor[];
}

/** A timeline group's heading: `era-<id>`, named by its title. */
export interface EraAnchor {
	id: string;
	title: string;
}

/** The anchors of a page's timeline headings, in order, quoted by their titles. */
export function eraAnchors(eras: readonly EraAnchor[]): PublishedAnchor[] {
	const titles = eras.map((era) => era.title).join(' · ');
	let from = 0;
	return eras.map((era) => {
		const quote = quoteIn(titles, era.title, from);
		from = quote.at + 1;
		return { id: `era-${era.id}`, kind: 'era', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
	});
}

const RANK = { heading: 0, paragraph: 1, sentence: 2 } as const;

/** A file's anchors in document order, each with its words and their context. */
export function textAnchors(text: TextPage): PublishedAnchor[] {
	const all = text.blocks.join(' ');
	const found: (PublishedAnchor & { at: number })[] = [];
	const find = <T>(items: readonly T[], kind: keyof typeof RANK, id: (item: T) => string, exact: (item: T) => string) => {
		let from = 0;
		for (const item of items) {
			const quote = quoteIn(all, exact(item), from);
			from = quote.at + 1;
			found.push({ id: id(item), kind, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, at: quote.at });
		}
	};
	find(text.headings, 'heading', (heading) => heading.id, (heading) => heading.text);
	find(text.paragraphs, 'paragraph', (paragraph) => paragraph.id, (paragraph) => paragraph.text);
	find(text.sentences, 'sentence', (sentence) => text.sentenceIds[sentence.n] ?? '', (sentence) => sentence.text);
	return found.sort((a, b) => a.at - b.at || RANK[a.kind as keyof typeof RANK] - RANK[b.kind as keyof typeof RANK]).map(({ at: _, ...anchor }) => anchor);
}

/** A timeline entry: its id and its label. */
export interface EntryAnchor {
	id: string;
	label: string;
	file: string;
}

export interface SitePages {
	home: { path: string; title: string };
	/** The overview's text first, then the sections in reading order. */
	texts: readonly TextPage[];
	read: { path: string; title: string; file: string };
	timeline: { path: string; title: string; file: string; entries: readonly EntryAnchor[]; eras: readonly EraAnchor[] };
	/** The search page, when the site has one. */
	search?: { path: string; title: string; file: string } | undefined;
}

/** Every page a link can point at, with its anchors. */
export function publishedPages({ texts, read, timeline, search }: SitePages): PublishedPage[] {
	const perText = texts.map((text) => ({ text, anchors: textAnchors(text) }));
	const labels = timeline.entries.map((entry) => entry.label).join(' · ');
	let from = 0;
	const entries: PublishedAnchor[] = timeline.entries.map((entry) => {
		const quote = quoteIn(labels, entry.label, from);
		from = quote.at + 1;
		return { id: entry.id, kind: 'event', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, file: entry.file };
	});
	return [
		...perText.map(({ text, anchors }) => ({ path: text.path, file: text.file, title: text.title, anchors: [...anchors, ...eraAnchors(text.eras)] })),
		{
			...read,
			anchors: perText.flatMap(({ text, anchors }): PublishedAnchor[] => [
				...(text.slug ? [{ id: text.slug, kind: 'section' as const, exact: text.title, prefix: '', suffix: '' }] : []),
				...anchors,
			].map((anchor) => ({ ...anchor, file: text.file }))),
		},
		{ ...timeline, anchors: [...eraAnchors(timeline.eras), ...entries] },
		...(search ? [{ ...search, anchors: [] }] : []),
	].map(({ path, file, title, anchors }) => ({ path, file, title, anchors }));
}
