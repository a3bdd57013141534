/**
 * Reading a build's log (scripts/bench/steps.mjs) at lengths no test builds: Astro writes a
 * duration as `731ms`, `4.09s`, or from a minute on as `1m 2s` (its getTimeStat). The lines are
 * Astro's own, as a one-page-at-a-time build prints them (tests/build/steps.test.ts reads a real one).
 */
import { expect, test } from 'vitest';
import { buildSteps } from '../../scripts/bench/steps.mjs';

const log = (routes: string, rendering: string, total: string) =>
	[
		'15:06:07 [build] Collecting build info...',
		'15:06:07 [build] ✓ Completed in 1.47s.',
		'15:06:07 [build] Building static entrypoints...',
		'15:06:08 [vite] ✓ built in 1.25s',
		'15:06:08 [vite] ✓ built in 131ms',
		'',
		' generating static routes ',
		routes,
		`15:06:09 ✓ Completed in ${rendering}.`,
		'',
		'15:06:09 [build] ✓ Completed in 2.19s.',
		'15:06:09 [pagefind-index] indexed 9 pages in 0.25 s',
		'15:06:09 [precompress] wrote 52 compressed copies of 27 text files in 31.02 s',
		`15:06:09 [build] 9 page(s) built in ${total}`,
	].join('\n');

test('durations in milliseconds, seconds and minutes', () => {
	const routes = ['15:06:08   ├─ /og/overview.png (+1m 3s) ', '15:06:09   ├─ /read/index.html (+27ms) ', '15:06:09   └─ /index.html (+1.50s) '].join('\n');
	const { phases, pages, unclassified } = buildSteps(log(routes, '1m 5s', '1m 42s'));
	expect(phases).toEqual({ setup: 1.47, bundling: 1.381, rendering: 65, 'pagefind-index': 0.25, precompress: 31.02, total: 102 });
	expect(pages['social cards']).toEqual({ count: 1, seconds: 63 });
	expect(pages['whole article (/read/)']).toEqual({ count: 1, seconds: 0.027 });
	expect(pages['reading and other pages']).toEqual({ count: 1, seconds: 1.5 });
	expect(unclassified).toEqual([]);
});

test('a page of no known kind is named, not dropped', () => {
	const { unclassified } = buildSteps(log('15:06:08   ├─ /feed.rss (+3ms) ', '731ms', '3.98s'));
	expect(unclassified).toEqual(['/feed.rss']);
});
