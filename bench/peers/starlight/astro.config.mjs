/**
 * Starlight as it comes, with the article's title (our header's, from content/introduction.mdx)
 * and nothing else: its default Markdown pipeline, search (Pagefind) and sidebar.
 * `scripts/bench/peers.mjs` writes the pages into src/content/docs/ and, like the project's own
 * builds, gives a cold build a fresh cache folder through ASTRO_CACHE_DIR (and turns telemetry off
 * through the environment).
 */
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
	integrations: [starlight({ title: 'Russia’s Taliban policy' })],
});
