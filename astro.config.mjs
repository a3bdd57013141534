// @ts-check
import { defineConfig } from 'astro/config';
import longRead from 'astro-long-read';
import sitemap from '@astrojs/sitemap';
import { announcedRedirects } from 'astro-long-read/redirects';
import { LANGUAGE, ORIGINAL } from './src/site.config.ts';

/** `SITE_URL` and `BASE_PATH` place the build on any host, at the root or under a sub-path. */
const base = process.env.BASE_PATH || '/';

export default defineConfig({
	site: process.env.SITE_URL || undefined,
	base,
	trailingSlash: 'always',
	// Tests and the benchmark give each build its own cache, so builds can run side by side.
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
	build: {
		format: 'directory',
		// Pages render sixteen at a time: while one waits for its social card (drawn in a worker
		// thread), the others go on. The output is the same as one at a time, which the benchmark
		// sets (BUILD_CONCURRENCY=1) to read what each page costs from the build's log.
		concurrency: Number(process.env.BUILD_CONCURRENCY) || 16,
		// Each page's styles (3–4 KB compressed) go inside it: a first visit paints from the HTML
		// alone, with no render-blocking request. Each page's <meta> policy allows them by their hash.
		inlineStylesheets: 'always',
	},
	integrations: [
		// First: the long read's machinery (packages/astro-long-read). It reads the article from
		// content/ (tests and the benchmark point CONTENT_DIR at fixtures of their own) and adds MDX
		// with the steps that check and shape it. It sets the Content-Security-Policy, which every page carries in a <meta> tag with Astro's hashes of
		// what it emits (it holds where a host sends no headers: GitHub Pages), and which `_headers`
		// and `astro preview` repeat with what only a header can say (not the dev server: Vite's
		// live reload needs what the policy forbids). It puts the cache that the social cards and
		// compressed copies share right after itself, and adds `_headers`, the redirect rules of
		// former URLs, the Pagefind index and the compressed copies of everything at the end of this list.
		longRead({
			content: process.env.CONTENT_DIR || './content',
			language: { tag: LANGUAGE.tag, locale: LANGUAGE.region },
			genre: { name: 'an op-ed', label: 'Opinion' },
			original: ORIGINAL,
			search: true,
			precompress: { brotli11UpTo: 8_000_000 },
		}),
		// Needs SITE_URL for absolute URLs; without it the integration skips the sitemap.
		// Former URLs only redirect: they are no page of their own.
		sitemap({ filter: (page) => !/\/404\/?$/.test(page) && !announcedRedirects().some((redirect) => page.endsWith(redirect.from)) }),
	],
	// Scripts as files, never inline: the Content-Security-Policy allows no inline script.
	// Each page inlines only the styles of the components it uses (Vite's CSS code splitting).
	vite: {
		build: {
			assetsInlineLimit: 0,
		},
	},
	devToolbar: { enabled: false },
});
