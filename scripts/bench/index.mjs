#!/usr/bin/env node
/**
 * `npm run bench`: builds the production site into a temporary folder, serves it gzip-compressed
 * on 127.0.0.1, measures every page in headless Chromium (requests and bytes by kind) and with
 * Lighthouse (mobile), times the build (median of 3, with peak memory), times the timeline's own
 * work, builds synthetic articles of 4, 40 and 400 sections, reports what the precompressed
 * `.gz`/`.br` copies save, and checks `bench/budgets.json`:
 * it exits 1 naming every broken budget (page, metric, value, budget).
 *
 *   npm run bench                          everything
 *   npm run bench -- --quick               bytes and budgets only: one build, no Lighthouse, no scaling
 *   npm run bench -- --skip-lighthouse     also --skip-pages, --skip-build, --skip-micro, --skip-scale,
 *                                          --skip-rebuild, --skip-dev
 *   npm run bench -- --runs 5              builds to time (default 3)
 *   npm run bench -- --lighthouse-runs 1   Lighthouse runs per page (default 3; the median counts)
 *   npm run bench:scale                    only the synthetic articles (4, 40, 400 sections)
 *   npm run bench -- --sections 40         only a synthetic article of 40 sections (repeatable, or 4,40)
 *   npm run bench -- --json tmp/bench.json also write every figure as JSON
 *   npm run bench -- --keep                keep the temporary builds (tmp/bench-*)
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rm, stat, writeFile } from 'node:fs/promises';
import { startServer } from '../serve.mjs';
import { median, timedBuild } from './build.mjs';
import { BUDGETS_FILE, checkBuild, checkLighthouse, checkPages, checkScale, checkTimings, readBudgets } from './budgets.mjs';
import { CHROME_PATH, assertChrome } from './chrome.mjs';
import { sitePages } from './dist.mjs';
import { workFolder } from './project.mjs';
import { EVENTS_PER_SECTION, writeSyntheticContent } from './synthetic.mjs';

const { values: args } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		'skip-pages': { type: 'boolean', default: false },
		'skip-lighthouse': { type: 'boolean', default: false },
		'skip-build': { type: 'boolean', default: false },
		'skip-micro': { type: 'boolean', default: false },
		'skip-scale': { type: 'boolean', default: false },
		'skip-rebuild': { type: 'boolean', default: false },
		'skip-dev': { type: 'boolean', default: false },
		scale: { type: 'boolean', default: false },
		sections: { type: 'string', multiple: true },
		runs: { type: 'string', default: '3' },
		'lighthouse-runs': { type: 'string', default: '3' },
		json: { type: 'string' },
		keep: { type: 'boolean', default: false },
	},
});

const scaleOnly = args.scale || Boolean(args.sections?.length);
const sizes = args.sections?.length ? args.sections.flatMap((value) => value.split(',')).map(Number) : [4, 40, 400];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sections wants positive whole numbers, got ${args.sections}`);
const skip = {
	pages: scaleOnly || args['skip-pages'],
	lighthouse: scaleOnly || args.quick || args['skip-lighthouse'],
	build: scaleOnly || args.quick || args['skip-build'],
	micro: scaleOnly || args.quick || args['skip-micro'],
	scale: args.quick || args['skip-scale'],
	rebuild: scaleOnly || args.quick || args['skip-rebuild'],
	dev: scaleOnly || args.quick || args['skip-dev'],
};
const runs = Math.max(1, Number(args.runs));
const lighthouseRuns = Math.max(1, Number(args['lighthouse-runs']));

// ——— printing ———

const log = (line = '') => console.log(line);
const ms = (value) => (Number.isFinite(value) ? String(Math.round(value)) : '–');

/** A plain-text table: numbers right-aligned, text left-aligned. */
function table(headers, rows) {
	const cells = [headers, ...rows].map((row) => row.map(String));
	const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
	const numeric = headers.map((_, i) => rows.every((row) => typeof row[i] === 'number' || /^[\d.,–-]+( %| s| MB)?$/.test(String(row[i]))));
	const line = (row) => row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Where a build's time went: Astro's per-file times ("├─ /og/overview.png (+232ms)"), summed by kind. */
function routeTimes(output) {
	const totals = new Map();
	const kindOf = (file) => (file.endsWith('.png') ? 'social cards' : file.endsWith('.html') ? 'pages' : 'data files');
	for (const line of output.split('\n')) {
		const page = /[├└]─ (\S+).*\(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(line);
		if (page) totals.set(kindOf(page[1]), (totals.get(kindOf(page[1])) ?? 0) + Number(page[2]) * (page[3] === 's' ? 1000 : 1));
	}
	return [...totals].sort((a, b) => b[1] - a[1]).map(([name, total]) => `${name} ${(total / 1000).toFixed(1)} s`).join(', ');
}

// ——— the run ———

const budgets = await readBudgets();
const violations = [];
const results = { machine: {}, pages: [], lighthouse: [], build: undefined, compression: [], rebuild: [], dev: undefined, micro: [], scale: [] };
const made = [];
const started = Date.now();

results.machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), chromium: CHROME_PATH };
log(`Benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${results.machine.memoryGiB} GiB, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
log(`Budgets: ${path.relative(process.cwd(), BUDGETS_FILE)}`);

try {
	// 1. The real site: built `runs` times (each cold, with its own cache) for the timings; the last one is served.
	let site;
	if (!skip.pages || !skip.lighthouse || !skip.build) {
		const work = await workFolder('bench-');
		made.push(work);
		const count = skip.build ? 1 : runs;
		log(`\n## Build (astro build, what \`npm run build\` runs, into ${path.relative(process.cwd(), work)}; ${count} cold run${count > 1 ? 's' : ''})\n`);
		const builds = [];
		for (let i = 0; i < count; i += 1) {
			const dir = path.join(work, `run-${i + 1}`);
			const build = await timedBuild({ outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, 'cache') });
			builds.push(build);
			log(`run ${i + 1}: ${build.seconds.toFixed(1)} s, peak RSS ${Math.round(build.peakRssMB)} MB (Node), ${Math.round(build.peakTreeMB)} MB (with child processes)`);
			if (i < count - 1) await rm(dir, { recursive: true, force: true });
			site = path.join(dir, 'dist');
		}
		const summary = { runs: count, seconds: median(builds.map((b) => b.seconds)), peakRssMB: Math.max(...builds.map((b) => b.peakRssMB)), peakTreeMB: Math.max(...builds.map((b) => b.peakTreeMB)), routes: routeTimes(builds.at(-1).output) };
		results.build = summary;
		log(`median ${summary.seconds.toFixed(1)} s; peak memory ${Math.round(summary.peakRssMB)} MB (Node), ${Math.round(summary.peakTreeMB)} MB (with Pagefind)`);
		log(`page rendering by kind (last run): ${summary.routes}`);
		if (!skip.build) violations.push(...checkBuild(budgets, summary));

		log('\n## Compression (every text file of the site, bytes)\n');
		const { compressionSavings } = await import('./compression.mjs');
		const rows = await compressionSavings(site);
		results.compression = rows;
		const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
		const percent = (part, whole) => `${((100 * part) / whole).toFixed(0)} %`;
		log(
			table(
				['kind', 'files', 'as built', 'gzip -1 (nginx)', 'gzip -6 (Apache, Caddy)', '.gz (level 9)', '.br (quality 11)'],
				[...rows, { kind: 'all', files: total('files'), raw: total('raw'), gzip1: total('gzip1'), gzip6: total('gzip6'), gz: total('gz'), br: total('br') }].map((r) => [r.kind, r.files, r.raw, r.gzip1, r.gzip6, r.gz, r.br]),
			),
		);
		log(`\nPrecompressed .br is ${percent(total('br'), total('gzip1'))} of what nginx sends by default on the fly, ${percent(total('br'), total('gzip6'))} of gzip -6; .gz ${percent(total('gz'), total('gzip1'))} and ${percent(total('gz'), total('gzip6'))}.`);
	}

	// 2. Every page in Chromium, gzip-compressed as a host would send it.
	if (site && (!skip.pages || !skip.lighthouse)) {
		assertChrome();
		const { measurePages } = await import('./pages.mjs');
		const server = await startServer({ dir: site, gzip: true });
		try {
			const paths = await sitePages(site);
			if (!skip.pages) {
				log(`\n## Pages (${server.origin}, gzip level 9, fresh browser context per page, viewport 412 × 823)\n`);
				const rows = await measurePages(server.origin, paths);
				results.pages = rows;
				log(
					table(
						['page', 'requests', 'bytes', 'repeat visit', 'wire', 'html', 'css', 'js', 'font', 'image', 'other', 'CLS'],
						rows.map((r) => [r.path, r.requests, r.body, r.repeat, r.wire, r.html, r.css, r.js, r.font, r.image, r.other, r.cls.toFixed(3)]),
					),
				);
				log('\nbytes: a first visit, response bodies as sent (gzip); repeat visit: the same page loaded again, less what the cache holds; wire: with response headers; html … other: bodies by kind. 1 KB = 1,000 bytes.');
				for (const r of rows) for (const shift of r.shifts) log(`layout shift on ${r.path}: ${shift.value.toFixed(4)} (${shift.sources.join(', ')})`);
				violations.push(...checkPages(budgets, rows));
			}
			if (!skip.lighthouse) {
				log(`\n## Lighthouse 13 (mobile preset, simulated throttling; median of ${lighthouseRuns} run${lighthouseRuns > 1 ? 's' : ''} per page)\n`);
				const { runLighthouse } = await import('./lighthouse.mjs');
				// Each reading page beside a bare page of the same text: the floor its first paint is measured against.
				const { writeBarePages } = await import('./bare.mjs');
				const twins = await writeBarePages(site, paths);
				const all = await runLighthouse([...paths, ...twins.values()].map((p) => `${server.origin}${p}`), { runs: lighthouseRuns, progress: (line) => console.error(line) });
				const byPath = new Map(all.map((r) => [new URL(r.url).pathname, r]));
				const lh = paths.map((p) => ({ ...byPath.get(p), bareLcp: twins.has(p) ? byPath.get(twins.get(p)).lcp : undefined }));
				results.lighthouse = lh;
				log(
					table(
						['page', 'perf', 'a11y', 'best', 'seo', 'FCP ms', 'LCP ms', 'bare LCP ms', 'LCP ÷ bare', 'CLS', 'TBT ms', 'perf per run'],
						lh.map((r) => [new URL(r.url).pathname, r.scores.performance, r.scores.accessibility, r.scores['best-practices'], r.scores.seo, ms(r.fcp), ms(r.lcp), ms(r.bareLcp), r.bareLcp ? (r.lcp / r.bareLcp).toFixed(3) : '–', r.cls.toFixed(3), ms(r.tbt), r.all.map((a) => a.scores.performance).join(' ')]),
					),
				);
				log(`\nbare: a page of the same title and text with no stylesheet, header or script (${[...twins.values()][0] ?? '/bare/…'}), loaded from the same server in the same run.`);
				log(`Lighthouse's benchmarkIndex of this host (median): ${ms(median(lh.map((r) => r.benchmarkIndex)))}`);
				for (const r of lh) if (r.failing.length) log(`${new URL(r.url).pathname}: below 1 in the median run: ${r.failing.join('; ')}`);
				violations.push(...checkLighthouse(budgets, lh));
			}
		} finally {
			await server.close();
		}
	}

	// 2b. Rebuilds with one cache folder: cold, warm with nothing changed, after a one-sentence edit.
	if (!skip.rebuild) {
		log('\n## Rebuilds (one cache folder: a cold build, a warm rebuild with nothing changed, a rebuild after editing one sentence)\n');
		const { rebuildTimings } = await import('./rebuild.mjs');
		const rows = [];
		const real = await workFolder('bench-rebuild-');
		made.push(real);
		rows.push(await rebuildTimings({ name: 'the article', work: real }));
		if (!args.quick) {
			const synthetic = await workFolder('bench-rebuild-400-');
			made.push(synthetic);
			await writeSyntheticContent(path.join(synthetic, 'source'), 400);
			console.error('  rebuilding 400 sections …');
			rows.push(await rebuildTimings({ name: '400 sections', work: synthetic, content: path.join(synthetic, 'source') }));
		}
		results.rebuild = rows;
		log(table(['content', 'cold s', 'warm s', 'one edit s', 'warm = cold, byte for byte'], rows.map((r) => [r.name, r.seconds.cold.toFixed(1), r.seconds.warm.toFixed(1), r.seconds.edit.toFixed(1), r.identical ? 'yes' : `no: ${r.changed.slice(0, 5).join(', ')}`])));
		for (const row of rows) if (!row.identical) violations.push({ page: `(rebuild: ${row.name})`, metric: 'warm rebuild differs from the cold build', value: row.changed.slice(0, 5).join(', '), budget: 'identical' });
		violations.push(...checkTimings(budgets, 'rebuild', rows));
	}

	// 2c. The author's loop: `astro dev`, an edit saved, the open page showing it.
	if (!skip.dev) {
		log('\n## Author loop (astro dev on a copy of the content, in Chromium: start to first page served; a saved edit to the open page showing it)\n');
		const { devLoop } = await import('./dev.mjs');
		const work = await workFolder('bench-dev-');
		made.push(work);
		const loop = await devLoop({ work });
		results.dev = loop;
		log(table(['start to first page s', 'sentence edit to screen s', 'event edit to screen s'], [[loop.start.toFixed(2), loop.editSentence.toFixed(3), loop.editEvent.toFixed(3)]]));
		violations.push(...checkTimings(budgets, 'dev', [{ name: 'the article', seconds: loop }]));
	}

	// 3. The timeline's own work, without a build.
	if (!skip.micro) {
		log('\n## Timeline work alone (median ms per call; src/lib/timeline.ts and chart.ts bundled by esbuild)\n');
		const { microBenchmark } = await import('./micro.mjs');
		const rows = await microBenchmark([4, 40, 400, 4000]);
		results.micro = rows;
		log(
			table(
				['sections', 'events', 'buildTimeline', 'per event', 'chartLayout ×2', 'one section page', 'all section pages'],
				rows.map((r) => [r.sections, r.events, r.build.toFixed(1), (r.build / r.events).toFixed(3), r.chart.toFixed(1), r.page.toFixed(2), r.allPages.toFixed(0)]),
			),
		);
		log('\n"one section page": its own entries (timelineGroups) and its strip at two widths (stripLayout: every event up to 12 sections, its own beyond); "all": × the number of sections.');
	}

	// 4. Synthetic articles of N sections, 5 events each.
	if (!skip.scale) {
		log(`\n## Scaling: synthetic articles (${EVENTS_PER_SECTION} events per section, CONTENT_DIR in a temporary folder, one cold build each)\n`);
		const rows = [];
		for (const n of sizes) {
			const work = await workFolder(`bench-scale-${n}-`);
			made.push(work);
			const content = path.join(work, 'content');
			await writeSyntheticContent(content, n);
			console.error(`  building ${n} sections …`);
			const build = await timedBuild({ outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache'), contentDir: content });
			const pages = await sitePages(path.join(work, 'dist'));
			let html = 0;
			for (const p of pages) html += (await stat(path.join(work, 'dist', p.endsWith('/') ? `${p}index.html` : p))).size;
			const row = { sections: n, events: n * EVENTS_PER_SECTION + 1, pages: pages.length, seconds: build.seconds, peakRssMB: build.peakRssMB, peakTreeMB: build.peakTreeMB, htmlMB: html / 1e6, routes: routeTimes(build.output) };
			rows.push(row);
			log(`${n} sections: ${build.seconds.toFixed(1)} s, peak ${Math.round(build.peakRssMB)} MB (Node) / ${Math.round(build.peakTreeMB)} MB (with Pagefind); ${pages.length} pages, ${row.htmlMB.toFixed(1)} MB of HTML; by route: ${row.routes}`);
			if (!args.keep) await rm(work, { recursive: true, force: true });
		}
		results.scale = rows;
		for (let i = 1; i < rows.length; i += 1) {
			const [a, b] = [rows[i - 1], rows[i]];
			const added = b.sections - a.sections;
			log(`${a.sections}→${b.sections} sections: each added section costs ${((b.seconds - a.seconds) / added).toFixed(3)} s of build and ${Math.round(((b.htmlMB - a.htmlMB) * 1e6) / added / 1000)} KB of HTML`);
		}
		violations.push(...checkScale(budgets, rows));
		log('');
		log(table(['sections', 'events', 'pages', 'build s', 'peak MB (Node)', 'peak MB (all)', 'HTML MB'], rows.map((r) => [r.sections, r.events, r.pages, r.seconds.toFixed(1), Math.round(r.peakRssMB), Math.round(r.peakTreeMB), r.htmlMB.toFixed(1)])));
	}
} finally {
	if (!args.keep) await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
}

if (args.json) await writeFile(args.json, JSON.stringify({ ...results, violations }, null, '\t'));

log(`\n## Budgets (${path.relative(process.cwd(), BUDGETS_FILE)})\n`);
if (violations.length) {
	log(table(['page', 'metric', 'value', 'budget'], violations.map((v) => [v.page, v.metric, v.value, v.budget])));
	log(`\n${violations.length} budget${violations.length > 1 ? 's' : ''} broken. (${((Date.now() - started) / 1000).toFixed(0)} s)`);
	process.exitCode = 1;
} else {
	log(`Every budget holds. (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
