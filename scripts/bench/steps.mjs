/**
 * Where a build's time goes, read from the log of `astro build`: Astro's own phases, each page's
 * rendering time grouped by what the page is (social cards, the EPUB, the Markdown copies, the
 * whole-article page …), and the steps our integrations run on the built site, which log their
 * time (`packages/astro-long-read/src/build/after-build.ts`). A page's time is only its own when pages render one at
 * a time: the benchmark reads it from a build with BUILD_CONCURRENCY=1.
 */

/**
 * What a built file is, by its path: the first kind whose pattern matches. Order matters.
 * @type {[string, RegExp][]}
 */
export const PAGE_KINDS = [
	['social cards', /^\/og\/.*\.png$/],
	['EPUB', /\.epub\/?$/],
	['citation files', /^\/cite\//],
	['Markdown copies and llms.txt', /(\.md|^\/llms(-full)?\.txt)$/],
	['whole article (/read/)', /^\/read\/index\.html$/],
	['timeline page and timeline.json', /^\/timeline(\/index\.html|\.json)$/],
	['reading and other pages', /\.(html|txt|xml|json)\/?$|\/$/],
];

/** A duration as Astro logs it: `731ms`, `4.09s`, or `1m 2s` from a minute on. */
const DURATION = String.raw`(?:(\d+)m )?(\d+(?:\.\d+)?)(ms|s)`;
/** The seconds of a match of DURATION, from its three groups. */
const seconds = (minutes, value, unit) => Number(minutes ?? 0) * 60 + Number(value) / (unit === 's' ? 1 : 1000);

/**
 * @param {string} output the build's log (without colours)
 * @returns {{ phases: Record<string, number>, pages: Record<string, { count: number, seconds: number }>, unclassified: string[] }}
 * `phases` in seconds: `setup` (content, types, build info), `bundling` (Vite), `rendering`
 * (every page), one per after-build step (`pagefind-index`, `precompress` …) and `total`.
 */
export function buildSteps(output) {
	const text = output.replace(/\x1b\[[0-9;]*m/g, '');
	const phases = {};
	const pages = Object.fromEntries(PAGE_KINDS.map(([kind]) => [kind, { count: 0, seconds: 0 }]));
	const unclassified = [];
	const routesAt = text.indexOf('generating static routes');
	const add = (name, value) => (phases[name] = (phases[name] ?? 0) + value);

	const info = new RegExp(String.raw`\[build\] Collecting build info\.\.\.\n.*?✓ Completed in ${DURATION}`, 's').exec(text);
	if (info) add('setup', seconds(info[1], info[2], info[3]));
	for (const [, minutes, value, unit] of text.matchAll(new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`, 'g'))) add('bundling', seconds(minutes, value, unit));
	if (routesAt >= 0) {
		const routes = text.slice(routesAt);
		// The first "✓ Completed" after the routes that is not Astro's own `[build]` line.
		const done = new RegExp(String.raw`^[^[\n]*✓ Completed in ${DURATION}`, 'm').exec(routes);
		if (done) add('rendering', seconds(done[1], done[2], done[3]));
		for (const [, page, minutes, value, unit] of routes.slice(0, done?.index).matchAll(new RegExp(String.raw`[├└]─ (\S+) \(\+${DURATION}\)`, 'g'))) {
			const kind = PAGE_KINDS.find(([, pattern]) => pattern.test(page))?.[0];
			if (!kind) {
				unclassified.push(page);
				continue;
			}
			pages[kind].count += 1;
			pages[kind].seconds += seconds(minutes, value, unit);
		}
	}
	for (const [, step, value] of text.matchAll(/\[([\w-]+)\] .* in (\d+(?:\.\d+)?) s$/gm)) {
		if (step !== 'build' && step !== 'vite') add(step, Number(value));
	}
	const total = new RegExp(String.raw`\[build\] \d+ page\(s\) built in ${DURATION}`).exec(text);
	if (total) add('total', seconds(total[1], total[2], total[3]));
	return { phases, pages, unclassified };
}
