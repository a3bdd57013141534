#!/usr/bin/env node
/**
 * `npm run bench:lcp-parts`: where a reading page's first paint goes, part by part. The benchmark
 * compares each reading page's Lighthouse LCP with a bare page of the same text (`bare.mjs`);
 * this takes a built page apart to show what each of its parts adds on top of that floor.
 *
 * For each page it writes copies beside the build under `/lcp-parts/<variant>/`: the page as
 * built; the page without one part (the site header, the timeline strip, the section's timeline,
 * the pager, the footer, the sentences' timeline markers); the page's own prose and heading
 * alone, with its stylesheet and head untouched, with and then without the markers; and the bare
 * page, all in a copy of the build under `tmp/` (removed afterwards; `dist/` is never written). It
 * serves them from the same server and runs Lighthouse (mobile, as the benchmark) on
 * all of them in turn, `--runs` rounds (each after a throwaway run: a new Chromium's first run is
 * slower), so host load falls on every variant alike. It prints each
 * variant's median LCP over the bare page's. Every copy drops the Content-Security-Policy meta
 * tag, as the bare page has none.
 *
 *   npm run bench:lcp-parts                       every reading page of dist/, 5 rounds
 *   npm run bench:lcp-parts -- /soviet-era/       one page
 *   npm run bench:lcp-parts -- --runs 9 --dist tmp/site /soviet-era/
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as cheerio from 'cheerio';
import { startServer } from '../serve.mjs';
import { writeBarePages } from './bare.mjs';
import { median } from './build.mjs';
import { fileFor, sitePages } from './dist.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { ROOT, remove, workFolder } from './project.mjs';

const PREFIX = '/lcp-parts';

/** The parts of a reading page we add to the author's text, by the selector that finds them. */
const PARTS = {
	header: 'body > .skip-link, body > header',
	strip: 'figure.timeline-strip',
	'section timeline': '.section-timeline',
	pager: 'nav.pager',
	footer: 'body > footer',
	markers: 'a.marker',
};

/** @type {Record<string, (page: cheerio.CheerioAPI) => void>} */
const VARIANTS = {
	page: () => {},
	...Object.fromEntries(Object.entries(PARTS).map(([name, selector]) => [`without ${name}`, ($) => $(selector).remove()])),
	'prose and styles': proseOnly,
	'prose and styles, no markers': ($) => {
		proseOnly($);
		$(PARTS.markers).remove();
	},
};

/** The page's h1 and prose in its `<main>`, nothing else in the body; the head as built. */
function proseOnly($) {
	const kept = $('main h1').first().add('main .prose');
	const main = $('main').first();
	main.empty().append(kept);
	$('body').children().not(main).remove();
}

const { values: args, positionals } = parseArgs({
	allowPositionals: true,
	options: { runs: { type: 'string', default: '5' }, dist: { type: 'string', default: 'dist' } },
});
const built = path.resolve(ROOT, args.dist);
if (!existsSync(path.join(built, 'index.html'))) throw new Error(`${built}: no built site here; run \`npm run build\` first (or pass --dist)`);
const runs = Math.max(1, Number(args.runs));

const site = await workFolder('lcp-parts-');
await cp(built, site, { recursive: true });
const pages = [];
for (const pathname of positionals.length ? positionals : await sitePages(built)) {
	const file = fileFor(built, '/', pathname);
	if (!file || !existsSync(file)) throw new Error(`${built}: no page at ${pathname}`);
	const html = await readFile(file, 'utf8');
	if (cheerio.load(html)('main .prose').length) pages.push({ pathname, html });
}
if (!pages.length) throw new Error(`${built}: none of ${positionals.join(', ') || 'its pages'} is a reading page (no .prose in <main>)`);

/** @type {{ page: string, variant: string, url: string }[]} */
const targets = [];
for (const { pathname, html } of pages) {
	for (const [variant, edit] of Object.entries(VARIANTS)) {
		const $ = cheerio.load(html);
		$('meta[http-equiv="content-security-policy" i]').remove();
		edit($);
		const url = `${PREFIX}/${variant.replace(/[^a-z]+/g, '-')}${pathname}`;
		await mkdir(path.join(site, url), { recursive: true });
		await writeFile(path.join(site, url, 'index.html'), $.html());
		targets.push({ page: pathname, variant, url });
	}
}
const twins = await writeBarePages(site, pages.map((page) => page.pathname));
for (const { pathname } of pages) targets.push({ page: pathname, variant: 'bare', url: /** @type {string} */ (twins.get(pathname)) });

const server = await startServer({ dir: site, gzip: true, headers: false });
/** @type {Map<string, number[]>} */
const lcps = new Map();
try {
	for (let round = 1; round <= runs; round += 1) {
		// Each round starts a new Chromium, whose first run is slower: a throwaway run goes first.
		const urls = targets.map((target) => server.origin + target.url);
		const [, ...results] = await runLighthouse([urls[0], ...urls], { categories: ['performance'] });
		for (const result of results) {
			const url = new URL(result.url).pathname;
			lcps.set(url, [...(lcps.get(url) ?? []), result.lcp]);
		}
		console.error(`round ${round}/${runs} done`);
	}
} finally {
	await server.close();
	await remove(site);
}

for (const { pathname } of pages) {
	const rows = targets.filter((target) => target.page === pathname).map((target) => ({ ...target, lcp: median(lcps.get(target.url) ?? []) }));
	const bare = rows.find((row) => row.variant === 'bare')?.lcp ?? Number.NaN;
	console.log(`\n${pathname} (Lighthouse LCP, median of ${runs}; bare page ${Math.round(bare)} ms)`);
	for (const row of rows) console.log(`  ${row.variant.padEnd(30)} ${String(Math.round(row.lcp)).padStart(5)} ms  ${(row.lcp / bare).toFixed(3)}×`);
}
