/** What the search page needs from a Pagefind result, and where a result should link. */

export interface PagefindAnchor {
	/** The element's tag name, e.g. `p` or `h2`. */
	element: string;
	id: string;
	/** The word position where the element starts. */
	location: number;
}

export interface PagefindData {
	url: string;
	excerpt: string;
	meta: { title?: string };
	/** Word positions of the matches. */
	locations: number[];
	anchors: PagefindAnchor[];
}

/** The URL of the paragraph that holds the first match; the page itself when none does. */
export function paragraphUrl(data: Pick<PagefindData, 'url' | 'locations' | 'anchors'>): string {
	if (data.locations.length === 0) return data.url;
	const first = Math.min(...data.locations);
	const page = data.url.replace(/#.*$/, '');
	let best: PagefindAnchor | undefined;
	for (const anchor of data.anchors) {
		if (anchor.element === 'p' && anchor.location <= first && (!best || anchor.location >= best.location)) best = anchor;
	}
	return best ? `${page}#${best.id}` : data.url;
}
