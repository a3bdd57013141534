/** Reading order, page URLs under the configured base, and previous/next links. */
import { ContentError } from './errors';

/** A page of the site as navigation sees it. */
export interface PageLink {
	id: string;
	title: string;
	href: string;
}

/** URL segments the site uses for its own pages; a section may not take them. */
export const RESERVED_SLUGS = ['timeline', 'read', 'search', '404'] as const;

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
