/**
 * A reader's browser walking a served site: every page reached by following same-site links from
 * the home page (plus the 404 page), every link, asset and `#fragment` checked, and what went
 * wrong on the way — console and page errors, failed requests, Content-Security-Policy violations.
 */
import { type Hosted, session, visit } from './served';

export interface Crawl {
	/** Every page reached, with the ids it holds. */
	pages: Map<string, Set<string>>;
	/** Every same-site URL a page refers to, with the first page that refers to it. */
	refs: Map<string, string>;
	/** Links and assets that do not resolve, leave the base, or name a missing #fragment. */
	broken: string[];
	errors: string[];
	violations: string[];
	/** Searches on the search page; the address of the first result. */
	search(query: string): Promise<string | null>;
}

export async function crawl(served: Hosted): Promise<Crawl> {
	const { base } = served;
	const pages = new Map<string, Set<string>>();
	const refs = new Map<string, string>();
	const errors: string[] = [];
	const violations: string[] = [];
	const v = await session(served);
	const queue = [base, `${base}404.html`];
	while (queue.length) {
		const requested = queue.shift()!;
		if (pages.has(requested)) continue;
		await v.goto(requested);
		// Where the host put us: a host may redirect (Cloudflare Pages serves /404.html as /404).
		const pathname = new URL(v.page.url()).pathname;
		if (pathname !== requested && pages.has(pathname)) continue;
		const found = await v.page.evaluate(() => {
			// Attributes, not properties: an SVG link's `href` is not a string.
			const urls = (selector: string, attribute: string) =>
				[...document.querySelectorAll(selector)].map((el) => new URL(el.getAttribute(attribute)!, location.href).href);
			return {
				ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
				links: urls('a[href]', 'href'),
				assets: [...urls('link[href]', 'href'), ...urls('[src]', 'src')],
				meta: [...urls('meta[property="og:image"]', 'content'), ...urls('meta[name="twitter:image"]', 'content')],
			};
		});
		pages.set(pathname, new Set(found.ids));
		violations.push(...(await v.violations()).map((violation) => `${pathname}: ${violation}`));
		errors.push(...v.errors.splice(0).map((error) => `${pathname}: ${error}`));
		for (const href of [...found.links, ...found.assets, ...found.meta]) {
			const target = new URL(href);
			if (target.origin !== served.origin) continue;
			if (!refs.has(target.href)) refs.set(target.href, pathname);
			const page = target.pathname;
			if (page.endsWith('/') && target.href.startsWith(served.url) && !pages.has(page)) queue.push(page);
		}
	}
	await v.close();

	const broken: string[] = [];
	for (const [href, from] of refs) {
		const target = new URL(href);
		if (!target.pathname.startsWith(base)) {
			broken.push(`${from} → ${href} escapes ${base}`);
			continue;
		}
		const response = await fetch(`${target.origin}${target.pathname}`);
		await response.arrayBuffer();
		if (response.status !== 200) broken.push(`${from} → ${href}: HTTP ${response.status}`);
		if (target.hash) {
			const ids = pages.get(target.pathname);
			const id = decodeURIComponent(target.hash.slice(1));
			if (!ids?.has(id)) broken.push(`${from} → ${href}: no #${id}`);
		}
	}

	async function search(query: string): Promise<string | null> {
		const s = await visit(served, `${base}search/?q=${encodeURIComponent(query)}`);
		try {
			const first = s.page.locator('.results li a').first();
			await first.waitFor({ timeout: 30_000 });
			violations.push(...(await s.violations()).map((violation) => `${base}search/: ${violation}`));
			errors.push(...s.errors.map((error) => `${base}search/: ${error}`));
			return await first.getAttribute('href');
		} finally {
			await s.close();
		}
	}

	return { pages, refs, broken, errors, violations, search };
}
