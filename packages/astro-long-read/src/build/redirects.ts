/**
 * Former section URLs and where they lead now, for every kind of host, written from one list
 * (the sections' `formerSlugs`, checked by the page model): `_redirects` for Netlify and
 * Cloudflare Pages, and rule files that a site's nginx, Caddy and Apache configurations include.
 * An HTTP redirect keeps the URL's fragment, so `/old-name/#s-the-river-rose-in-the` lands on the
 * sentence at its new address. Hosts that read none of these (GitHub Pages) need a static
 * redirect page at each old URL, which the site writes.
 *
 * The model hands the list to the build's last steps through `announceRedirects` below: the
 * pages render in the same process as the integrations that write these files.
 */
export interface Redirect {
	/** Paths from the site's root, without the base: `/old-name/` → `/new-name/`. */
	from: string;
	to: string;
	title: string;
}

const KEY = Symbol.for('astro-long-read.redirects');
type Holder = { [KEY]?: readonly Redirect[] };

/** Called once the model is derived: the build's redirects. */
export function announceRedirects(redirects: readonly Redirect[]) {
	(globalThis as Holder)[KEY] = redirects;
}

/** The build's redirects, once its pages have rendered; none when no page asked for the model. */
export const announcedRedirects = (): readonly Redirect[] => (globalThis as Holder)[KEY] ?? [];

/** `/sub/` and `/old-name/` → `/sub/old-name/`. */
const under = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files the build writes, by name, each a whole file. */
export function redirectFiles(redirects: readonly Redirect[], base: string): Record<string, string> {
	const header = (comment: string) => `${comment} Written by the build from the sections' formerSlugs: edit those, not this file.\n`;
	const pairs = redirects.map(({ from, to }) => ({ from: under(base, from), to: under(base, to) }));
	return {
		// Netlify and Cloudflare Pages: the old page and everything below it (its Markdown copy).
		_redirects: header('#') + pairs.map(({ from, to }) => `${from.replace(/\/$/, '')} ${to} 301\n${from}* ${to}:splat 301\n`).join(''),
		'_redirects.nginx.conf':
			header('#') +
			pairs
				.map(({ from, to }) => `rewrite ^${escapeRegex(from.replace(/\/$/, ''))}/?$ ${to} permanent;\nrewrite ^${escapeRegex(from)}(.+)$ ${to}$1 permanent;\n`)
				.join(''),
		'_redirects.caddy':
			header('#') +
			pairs
				.map(({ from, to }, index) => `redir ${from.replace(/\/$/, '')} ${to} 301\nredir ${from} ${to} 301\n@old${index} path_regexp old${index} ^${escapeRegex(from)}(.+)$\nredir @old${index} ${to}{re.old${index}.1} 301\n`)
				.join(''),
		'_redirects.apache.conf':
			header('#') +
			pairs.map(({ from, to }) => `RedirectMatch 301 ^${escapeRegex(from.replace(/\/$/, ''))}/?$ ${to}\nRedirectMatch 301 ^${escapeRegex(from)}(.+)$ ${to}$1\n`).join(''),
	};
}
