/** Reading order, page URLs under the configured base, and previous/next links. */
import { ContentError } from '../content/errors';

/** A page of the site as navigation sees it. */
export interface PageLink {
	id: string;
	title: string;
	href: string;
}

/**
 * Up to this many sections, every page's header lists them all and each section's timeline
 * strip draws every era. Beyond it, the header links to the overview's list of sections and a
 * section's strip draws its own era and events on the whole axis: every page then weighs the
 * same however long the article grows, and the build grows linearly with it, not with its square.
 */
export const LIST_SECTIONS_UP_TO = 12;

/** Whether every page can list all `count` sections (see `LIST_SECTIONS_UP_TO`). */
export const listsEverySection = (count: number) => count <= LIST_SECTIONS_UP_TO;

/**
 * URL segments the site uses for its own pages and files (`src/pages/`, and Pagefind's index);
 * a section may not take them.
 */
export const RESERVED_SLUGS = ['timeline', 'read', 'search', '404', 'og', 'book', 'cite', 'pagefind'] as const;

/**
 * Joins the site's base (`/` or `/sub/`, with or without its trailing slash) and a path inside
 * the site. Page paths end in `/`; fragments and files are kept as given.
 */
export function withBase(base: string, path = ''): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	return `${root}${path.replace(/^\/+/, '')}`;
}

interface Ordered {
	id: string;
	file: string;
	order: number;
	slug: string;
}

/** The sections in reading order; two sections with one order, or one slug, stop the build. */
export function inReadingOrder<T extends Ordered>(sections: readonly T[]): T[] {
	const byOrder = new Map<number, T>();
	const bySlug = new Map<string, T>();
	for (const section of sections) {
		const sameOrder = byOrder.get(section.order);
		if (sameOrder) {
			throw new ContentError(section.file, 'order', `is ${section.order}, as in ${sameOrder.file}; each section needs its own place in reading order`);
		}
		const sameSlug = bySlug.get(section.slug);
		if (sameSlug) throw new ContentError(section.file, 'slug', `"${section.slug}" is also the URL of ${sameSlug.file}`);
		if ((RESERVED_SLUGS as readonly string[]).includes(section.slug)) {
			throw new ContentError(section.file, 'slug', `"${section.slug}" is the URL of one of the site's own pages; choose another`);
		}
		byOrder.set(section.order, section);
		bySlug.set(section.slug, section);
	}
	return [...sections].sort((a, b) => a.order - b.order);
}

/** The neighbours of a page in reading order. */
export function prevNext<T extends { id: string }>(pages: readonly T[], id: string): { prev?: T; next?: T } {
	const index = pages.findIndex((page) => page.id === id);
	if (index === -1) return {};
	return { prev: pages[index - 1], next: pages[index + 1] };
}
