/**
 * The ids a content file gives the page: its sentences (`<S id>`), its headings (from their
 * text, as the rehype step makes them) and, for a section, its slug (the section's heading on
 * `/read/`). `/read/` shows every file on one page, so each id must be unique across the article
 * and differ from the ids the pages give their own parts; else a link lands on the wrong element.
 */
import { ContentError } from './errors';

/**
 * The ids the site's pages give their own parts (src/pages, src/components), and the names its
 * timeline groups take beside the sections' (`era-undated`, `era-after-publication`).
 */
export const PAGE_IDS = [
	'main',
	'sections',
	'timeline',
	'toc-heading',
	'cite-heading',
	'section-timeline',
	'search-query',
	'chart-narrow',
	'chart-wide',
	'chart-narrow-hatch',
	'chart-wide-hatch',
	'undated',
	'after-publication',
] as const;

/** Prefixes of ids the site derives: paragraphs (`p-…`), the timeline's era headings (`era-…`). */
export const DERIVED_PREFIXES = ['p-', 'era-'] as const;

/** Whether a page may hold `id` without the content naming it: one of its own parts, a paragraph's, an era's. */
export const isSiteOwnId = (id: string) => (PAGE_IDS as readonly string[]).includes(id) || DERIVED_PREFIXES.some((prefix) => id.startsWith(prefix));

export interface Anchor {
	id: string;
	kind: 'sentence' | 'heading' | 'slug';
	/** How the file declares it: `<S id="x">`, `## A heading`, `slug`. */
	field: string;
}

export interface AnchorSource {
	file: string;
	anchors: readonly Anchor[];
}

/** The first id of the article that is given twice or that the site uses itself, naming the file and the field. */
export function anchorClash(sources: readonly AnchorSource[]): ContentError | undefined {
	const first = new Map<string, Omit<Anchor, 'id'> & { file: string }>();
	for (const { file, anchors } of sources) {
		for (const { id, kind, field } of anchors) {
			if ((PAGE_IDS as readonly string[]).includes(id)) {
				return new ContentError(file, field, `gives the id "${id}", which the site's pages use for their own part; choose another`);
			}
			const prefix = DERIVED_PREFIXES.find((start) => id.startsWith(start));
			// A heading's id comes from its words: one may well start "era-".
			if (prefix && kind !== 'heading') {
				return new ContentError(file, field, `gives the id "${id}": ids starting "${prefix}" are the site's own (paragraphs, timeline eras); choose another`);
			}
			const other = first.get(id);
			if (other) {
				const what = other.kind === 'slug' ? 'the slug' : other.field;
				const where = other.file === file ? `${what} in this file` : `${what} in ${other.file}`;
				return new ContentError(file, field, `gives the id "${id}", as ${where} does; /read/ shows the whole article on one page, so each id must be unique: choose other words`);
			}
			first.set(id, { file, kind, field });
		}
	}
	return undefined;
}
