// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkGfm from 'remark-gfm';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { remarkArticle } from './src/lib/markdown/remark-article.ts';
import { rehypeParagraphIds } from './src/lib/markdown/rehype-paragraph-ids.ts';

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
	integrations: [mdx()],
	devToolbar: { enabled: false },
});
