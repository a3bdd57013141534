// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { remarkArticle } from './src/lib/markdown/remark-article.ts';
import { rehypeParagraphIds } from './src/lib/markdown/rehype-paragraph-ids.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

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
		// One cached stylesheet for every page, and a Content-Security-Policy without inline styles.
		inlineStylesheets: 'never',
	},
	// The author's punctuation is kept as written: no "smart" quotes or dashes.
	markdown: {
		smartypants: false,
		gfm: false,
		remarkPlugins: [remarkGfm, remarkArticle],
		rehypePlugins: [rehypeHeadingIds, rehypeParagraphIds],
	},
	integrations: [
		mdx(),
		// Needs SITE_URL for absolute URLs; without it the integration skips the sitemap.
		sitemap({ filter: (page) => !/\/404\/?$/.test(page) }),
		pagefindIndex(),
	],
	// Scripts as files, never inline: the Content-Security-Policy allows no inline script.
	// One stylesheet for the whole site: fetched once, cached for every page after.
	vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
	devToolbar: { enabled: false },
});
