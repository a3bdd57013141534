/**
 * The site's security policy, defined once (a site replaces any directive's sources with
 * `longRead({ csp: { … } })`). Astro writes the Content-Security-Policy into every
 * page as a `<meta http-equiv>` tag (`security.csp`, with hashes of what it emits), so it holds
 * on hosts that send no headers (GitHub Pages); `_headers`, written from the same definition,
 * adds what only a header can carry. Where a host sends both, a page lives under both policies,
 * and the two allow the same sources.
 */
import type { AstroUserConfig } from 'astro';

/** Where each kind of resource may come from. Scripts and styles come only from the site itself. */
export const defaultSources = {
	// 'self', not 'none', for one request: reading pages carry `<link rel="next">`, and Firefox
	// prefetches that page under default-src alone (CSP 3: a prefetch's effective directive is
	// default-src; Firefox has no prefetch-src). With 'none' it refused the prefetch and logged
	// "blocked the loading of a resource (default-src)"; frame-src, child-src, object-src,
	// media-src, worker-src or prefetch-src 'self' did not let it through, default-src 'self' did.
	// Every kind of resource the site loads has its own directive below, and the kinds it never
	// loads that would otherwise fall back to default-src stay 'none' by name.
	'default-src': ["'self'"],
	// Never loaded. (Workers fall back from worker-src to child-src, then script-src, and reach
	// default-src only without both: Pagefind's worker, /pagefind/pagefind-worker.js, is allowed
	// by script-src 'self', as before. So no child-src here: 'none' would refuse that worker.)
	'object-src': ["'none'"],
	'frame-src': ["'none'"],
	'media-src': ["'none'"],
	// Pagefind's search runs WebAssembly.
	'script-src': ["'self'", "'wasm-unsafe-eval'"],
	'style-src': ["'self'"],
	'img-src': ["'self'", 'data:'],
	'font-src': ["'self'"],
	'connect-src': ["'self'"],
	'manifest-src': ["'self'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

export type Sources = Record<string, readonly string[]>;

/**
 * The header's own directives: what a `<meta>` policy cannot carry (browsers honour
 * `frame-ancestors` only in a header), and inline styles. Pages inline their stylesheet, which
 * each page's `<meta>` policy allows by its hash; a header is the same for every page and every
 * build, so it allows inline styles as such. A page receives both policies and the browser
 * enforces both, so on every page only the hashed styles apply.
 */
export const headerOnlySources = (sources: Sources = defaultSources): Sources => ({
	'style-src': [...(sources['style-src'] ?? []), "'unsafe-inline'"],
	'frame-ancestors': ["'none'"],
});

/** Response headers every path gets, besides the policy. */
export const securityHeaders = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'X-Frame-Options': 'DENY',
} as const;

/** Fingerprinted build assets never change under their name. */
export const immutableAssets = 'public, max-age=31536000, immutable';

const directive = ([name, values]: [string, readonly string[]]) => `${name} ${values.join(' ')}`;

/** The policy as a header value: every directive, including those only a header can carry. */
export function headerPolicy(sources: Sources = defaultSources): string {
	return Object.entries({ ...sources, ...headerOnlySources(sources) })
		.map(directive)
		.join('; ');
}

/** The headers every response gets: the policy and the rest. */
export function responseHeaders(sources: Sources = defaultSources): Record<string, string> {
	return { 'Content-Security-Policy': headerPolicy(sources), ...securityHeaders };
}

type CspOptions = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;
type CspDirective = NonNullable<CspOptions['directives']>[number];

/** Astro's `security.csp` option: the same sources, which Astro completes with its hashes. */
export function astroCsp(sources: Sources = defaultSources): CspOptions & { algorithm: NonNullable<CspOptions['algorithm']> } {
	const { 'script-src': scripts = [], 'style-src': styles = [], ...rest } = sources;
	return {
		// Astro's default, stated: an integration's config is not completed by Astro's schema.
		algorithm: 'SHA-256',
		directives: Object.entries(rest).map(directive) as CspDirective[],
		scriptDirective: { resources: [...scripts] },
		styleDirective: { resources: [...styles] },
	};
}

/**
 * `_headers` as Netlify and Cloudflare Pages read it: the policy and the other headers on every
 * path, long caching on the fingerprinted assets in `assetsDir` (Astro's `build.assets`, `_astro`).
 */
export function headersFile(assetsDir: string, sources: Sources = defaultSources): string {
	const lines = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
	return [
		"# Written by the build (astro-long-read): change the policy with longRead()'s csp option.",
		'/*',
		...lines(responseHeaders(sources)),
		'',
		`/${assetsDir}/*`,
		...lines({ 'Cache-Control': immutableAssets }),
		'',
	].join('\n');
}
