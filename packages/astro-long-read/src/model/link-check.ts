/**
 * Links the author writes in the MDX (`[the timeline](/timeline/)`) must lead somewhere: a page
 * of the site, and on it an id that exists. Site links are written from the root (`/timeline/`)
 * and placed under the deploy's base by the site; other sites' links (`https://…`) are left as
 * they are. Checked as the model is derived, where every page and its ids are known.
 */
import { PAGE_IDS } from '../content/anchor-clashes';
import { ContentError } from '../content/errors';
import type { WrittenLink } from '../content/markdown/parse';

/** A page of the site that content may link to: its path from the root, and the ids on it. */
export interface LinkTarget {
	path: string;
	ids: ReadonlySet<string>;
}

export interface LinkSource {
	file: string;
	/** The path of the page the file is shown on (`/the-ferry/`), for links to `#an-id` on it. */
	page: string;
	links: readonly WrittenLink[];
}

/** An id a page gives its own part, or a timeline era's: not the content's to check. */
const pageOwn = (id: string) => (PAGE_IDS as readonly string[]).includes(id) || id.startsWith('era-');

/** A scheme (`https:`, `mailto:`): another site's link, not ours to check. */
const ELSEWHERE = /^[a-z][a-z0-9+.-]*:/i;

/** The first link that leads nowhere, naming the file and the link; undefined when all lead somewhere. */
export function brokenLink(sources: readonly LinkSource[], targets: readonly LinkTarget[]): ContentError | undefined {
	const byPath = new Map(targets.map((target) => [target.path, target]));
	for (const { file, page, links } of sources) {
		for (const { url, field } of links) {
			if (ELSEWHERE.test(url) || url.startsWith('//')) continue;
			if (!url.startsWith('/') && !url.startsWith('#')) {
				return new ContentError(file, field, `is relative, so it would lead elsewhere from each page that shows it: write site links from the root, e.g. /timeline/`);
			}
			const [pathPart, fragment] = url.startsWith('#') ? [page, url.slice(1)] : (url.split('#', 2) as [string, string | undefined]);
			const path = pathPart.split('?')[0]!;
			// A file of the site (the book, a citation, the timeline's JSON): its name is not checked here.
			if (/\.[a-z0-9]+$/i.test(path)) continue;
			const target = byPath.get(path.endsWith('/') ? path : `${path}/`);
			if (!target) {
				const pages = targets.map((candidate) => candidate.path).join(', ');
				return new ContentError(file, field, `leads to ${path}, which is not a page of the site (its pages: ${pages})`);
			}
			if (fragment && !target.ids.has(decodeURIComponent(fragment)) && !pageOwn(fragment)) {
				return new ContentError(file, field, `leads to #${fragment} on ${target.path}, which has no such id`);
			}
		}
	}
	return undefined;
}
