/**
 * The routes the integration adds to a site: the copies of the text that the build writes beside
 * its pages, each an endpoint in `routes/` that reads the page model. A site's own pages (the
 * overview, the sections, the timeline, the whole article) stay its own, in `src/pages/`.
 */
export const EXPORTS = ['markdown', 'llms', 'citations', 'epub', 'cards', 'timelineJson', 'robots'] as const;
export type ExportName = (typeof EXPORTS)[number];

const ROUTES: Record<ExportName, Record<string, string>> = {
	markdown: {
		'/index.md': 'overview.md.ts',
		'/[section]/index.md': 'section.md.ts',
		'/read/index.md': 'read.md.ts',
		'/timeline/index.md': 'timeline.md.ts',
	},
	llms: { '/llms.txt': 'llms.txt.ts', '/llms-full.txt': 'llms-full.txt.ts' },
	citations: { '/cite/[file]': 'cite.ts' },
	epub: { '/book/[file]': 'book.ts' },
	cards: { '/og/[page].png': 'card.png.ts' },
	timelineJson: { '/timeline.json': 'timeline.json.ts' },
	robots: { '/robots.txt': 'robots.txt.ts' },
};

/** The routes of the exports switched on, for Astro's `injectRoute`. */
export function exportRoutes(on: Record<ExportName, boolean>): { pattern: string; entrypoint: string; prerender: boolean }[] {
	return EXPORTS.filter((name) => on[name]).flatMap((name) =>
		Object.entries(ROUTES[name]).map(([pattern, file]) => ({ pattern, entrypoint: `astro-long-read/routes/${file}`, prerender: true })),
	);
}
