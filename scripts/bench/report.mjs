/**
 * What `npm run bench` prints: a heading and a plain-text table (or a few lines) per
 * measurement, and the budgets at the end. Nothing here measures or checks; `index.mjs` calls
 * these in the order it measures.
 */
import path from 'node:path';
import { median } from './build.mjs';

const log = (line = '') => console.log(line);
const ms = (value) => (Number.isFinite(value) ? String(Math.round(value)) : '–');
const heading = (title) => log(`\n## ${title}\n`);

/** A plain-text table: numbers right-aligned, text left-aligned. */
function table(headers, rows) {
	const cells = [headers, ...rows].map((row) => row.map(String));
	const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
	const numeric = headers.map((_, i) => rows.every((row) => typeof row[i] === 'number' || /^[\d.,–-]+( %| s| MB)?$/.test(String(row[i]))));
	const line = (row) => row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * The rendering step's own time, from Astro's log ("generating static routes … ✓ Completed in
 * 1.17s."). Routes render several at a time (`build.concurrency`), so Astro's per-route times
 * overlap and no longer add up to it.
 */
export function renderingTime(output) {
	const from = output.indexOf('generating static routes');
	const done = from < 0 ? null : /✓ Completed in (\d+(?:\.\d+)?)(ms|s)/.exec(output.slice(from));
	return done ? `rendering ${(Number(done[1]) / (done[2] === 's' ? 1 : 1000)).toFixed(1)} s` : 'rendering: not in the log';
}

/** The machine, its load, and which budgets apply. */
export function printStart(machine, loadavg, budgetsFile) {
	log(`Benchmark: Node ${machine.node}, ${machine.cpus} × ${machine.cpu ?? 'CPU'}, ${machine.memoryGiB} GiB, load average ${loadavg.map((n) => n.toFixed(1)).join(' ')}`);
	log(`Budgets: ${path.relative(process.cwd(), budgetsFile)}`);
}

export function printBuildHeading(work, count) {
	heading(`Build (astro build, what \`npm run build\` runs, into ${path.relative(process.cwd(), work)}; ${count} cold run${count > 1 ? 's' : ''})`);
}

export function printBuildRun(run, build) {
	log(`run ${run}: ${build.seconds.toFixed(1)} s, peak RSS ${Math.round(build.peakRssMB)} MB (Node), ${Math.round(build.peakTreeMB)} MB (with child processes)`);
}

export function printBuild(summary) {
	log(`median ${summary.seconds.toFixed(1)} s; peak memory ${Math.round(summary.peakRssMB)} MB (Node), ${Math.round(summary.peakTreeMB)} MB (with Pagefind)`);
	log(`last run: ${summary.rendering}`);
}

export function printCompression(rows) {
	heading('Compression (every text file of the site, bytes)');
	const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
	const percent = (part, whole) => `${((100 * part) / whole).toFixed(0)} %`;
	log(
		table(
			['kind', 'files', 'as built', 'gzip -1 (nginx)', 'gzip -6 (Apache, Caddy)', '.gz (level 9)', '.br (as built)'],
			[...rows, { kind: 'all', files: total('files'), raw: total('raw'), gzip1: total('gzip1'), gzip6: total('gzip6'), gz: total('gz'), br: total('br') }].map((r) => [r.kind, r.files, r.raw, r.gzip1, r.gzip6, r.gz, r.br]),
		),
	);
	log(`\nPrecompressed .br is ${percent(total('br'), total('gzip1'))} of what nginx sends by default on the fly, ${percent(total('br'), total('gzip6'))} of gzip -6; .gz ${percent(total('gz'), total('gzip1'))} and ${percent(total('gz'), total('gzip6'))}.`);
}

/** Brotli's bytes against its CPU time, by quality, for one site (`brotliQualities`). */
export function printBrotliQualities(name, rows) {
	heading(`Brotli by quality: ${name} (${rows[0]?.files} text files, ${((rows[0]?.raw ?? 0) / 1e6).toFixed(1)} MB as built; one thread)`);
	const best = rows.at(-1);
	log(
		table(
			['quality', '.br bytes', 'vs the last', 'CPU s'],
			rows.map((r) => [r.quality, r.bytes, `${((100 * r.bytes) / best.bytes - 100).toFixed(1)} %`, r.cpuSeconds.toFixed(2)]),
		),
	);
}

export function printPagesHeading(origin) {
	heading(`Pages (${origin}, gzip level 9, fresh browser context per page, viewport 412 × 823)`);
}

export function printPages(rows) {
	log(
		table(
			['page', 'requests', 'bytes', 'repeat visit', 'wire', 'html', 'css', 'js', 'font', 'image', 'other', 'CLS'],
			rows.map((r) => [r.path, r.requests, r.body, r.repeat, r.wire, r.html, r.css, r.js, r.font, r.image, r.other, r.cls.toFixed(3)]),
		),
	);
	log('\nbytes: a first visit, response bodies as sent (gzip); repeat visit: the same page loaded again, less what the cache holds; wire: with response headers; html … other: bodies by kind. 1 KB = 1,000 bytes.');
	for (const r of rows) for (const shift of r.shifts) log(`layout shift on ${r.path}: ${shift.value.toFixed(4)} (${shift.sources.join(', ')})`);
}

export function printLighthouseHeading(runs) {
	heading(`Lighthouse 13 (mobile preset, simulated throttling; median of ${runs} run${runs > 1 ? 's' : ''} per page)`);
}

/** @param {string | undefined} bare a bare page's path, to name one */
export function printLighthouse(rows, bare) {
	log(
		table(
			['page', 'perf', 'a11y', 'best', 'seo', 'FCP ms', 'LCP ms', 'bare LCP ms', 'LCP ÷ bare', 'CLS', 'TBT ms', 'perf per run'],
			rows.map((r) => [new URL(r.url).pathname, r.scores.performance, r.scores.accessibility, r.scores['best-practices'], r.scores.seo, ms(r.fcp), ms(r.lcp), ms(r.bareLcp), r.bareLcp ? (r.lcp / r.bareLcp).toFixed(3) : '–', r.cls.toFixed(3), ms(r.tbt), r.all.map((a) => a.scores.performance).join(' ')]),
		),
	);
	log(`\nbare: a page of the same title and text with no stylesheet, header or script (${bare ?? '/bare/…'}), loaded from the same server in the same run.`);
	log(`Lighthouse's benchmarkIndex of this host (median): ${ms(median(rows.map((r) => r.benchmarkIndex)))}`);
	for (const r of rows) if (r.failing.length) log(`${new URL(r.url).pathname}: below 1 in the median run: ${r.failing.join('; ')}`);
}

export function printRebuildsHeading() {
	heading('Rebuilds (one cache folder: a cold build, a warm rebuild with nothing changed, a rebuild after editing one sentence)');
}

export function printRebuilds(rows) {
	log(
		table(
			['content', 'cold s', 'warm s', 'one edit s', 'edit ÷ cold', 'warm = cold, byte for byte'],
			rows.map((r) => [r.name, r.seconds.cold.toFixed(1), r.seconds.warm.toFixed(1), r.seconds.edit.toFixed(1), r.ratios.editToCold.toFixed(2), r.identical ? 'yes' : `no: ${r.changed.slice(0, 5).join(', ')}`]),
		),
	);
}

export function printDevHeading() {
	heading('Author loop (astro dev on a copy of the content, in Chromium: start to first page served; a saved edit to the open page showing it, three of each kind)');
}

export function printDev(loop) {
	const runs = (values) => values.map((value) => value.toFixed(2)).join(', ');
	log(table(['start to first page s', 'sentence edit to screen s (median)', 'event edit to screen s (median)'], [[loop.start.toFixed(2), loop.editSentence.toFixed(3), loop.editEvent.toFixed(3)]]));
	log(`each edit: sentences ${runs(loop.runs.sentence)} s; event labels ${runs(loop.runs.event)} s`);
}

export function printMicroHeading() {
	heading('Timeline work alone (median ms per call; astro-long-read model/timeline.ts, timeline-groups.ts and show/chart/ bundled by esbuild)');
}

export function printMicro(rows) {
	log(
		table(
			['sections', 'events', 'buildTimeline', 'per event', 'chartLayout ×2', 'one section page', 'all section pages'],
			rows.map((r) => [r.sections, r.events, r.build.toFixed(1), (r.build / r.events).toFixed(3), r.chart.toFixed(1), r.page.toFixed(2), r.allPages.toFixed(0)]),
		),
	);
	log('\n"one section page": its own entries (timelineGroups) and its strip at two widths (stripLayout: every event up to 12 sections, its own beyond); "all": × the number of sections.');
}

export function printScaleHeading(eventsPerSection) {
	heading(`Scaling: synthetic articles (${eventsPerSection} events per section, CONTENT_DIR in a temporary folder, one cold build each)`);
}

export function printScaleRow(row) {
	log(`${row.sections} sections: ${row.seconds.toFixed(1)} s, peak ${Math.round(row.peakRssMB)} MB (Node) / ${Math.round(row.peakTreeMB)} MB (with Pagefind); ${row.pages} pages, ${row.htmlMB.toFixed(1)} MB of HTML; ${row.rendering}`);
}

/** What each added section costs between one size and the next, and the table of all sizes. */
export function printScale(rows) {
	for (let i = 1; i < rows.length; i += 1) {
		const [a, b] = [rows[i - 1], rows[i]];
		const added = b.sections - a.sections;
		log(`${a.sections}→${b.sections} sections: each added section costs ${((b.seconds - a.seconds) / added).toFixed(3)} s of build and ${Math.round(((b.htmlMB - a.htmlMB) * 1e6) / added / 1000)} KB of HTML`);
	}
	log('');
	log(table(['sections', 'events', 'pages', 'build s', 'peak MB (Node)', 'peak MB (all)', 'HTML MB'], rows.map((r) => [r.sections, r.events, r.pages, r.seconds.toFixed(1), Math.round(r.peakRssMB), Math.round(r.peakTreeMB), r.htmlMB.toFixed(1)])));
}

/**
 * Where the time goes at each size (one page at a time, so each page's time is its own): Astro's
 * phases, the pages by kind, our steps on the built site, and what each added section costs in each.
 * @param {{ sections: number, steps: ReturnType<typeof import('./steps.mjs').buildSteps> }[]} rows
 */
export function printSteps(rows) {
	heading('Where the build time goes (seconds; a build per size with BUILD_CONCURRENCY=1, so each page is timed alone)');
	const [first, last] = [rows[0], rows.at(-1)];
	const names = [...new Set(rows.flatMap((row) => Object.keys(row.steps.phases)))].filter((name) => name !== 'total' && name !== 'rendering');
	const kinds = Object.keys(first.steps.pages);
	/** One line: the seconds `pick` reads from each size's steps, then what each added section costs. */
	const line = (label, pick) => {
		const seconds = rows.map((row) => pick(row.steps) ?? 0);
		const slope = rows.length > 1 ? ((seconds.at(-1) - seconds[0]) / (last.sections - first.sections)).toFixed(4) : '–';
		return [label, ...seconds.map((value) => value.toFixed(2)), slope];
	};
	const lines = [
		...names.map((name) => line(name, (steps) => steps.phases[name])),
		line('rendering, of which:', (steps) => steps.phases.rendering),
		...kinds.map((kind) => line(`  ${kind} (${rows.map((row) => row.steps.pages[kind].count).join('/')})`, (steps) => steps.pages[kind].seconds)),
		line('total', (steps) => steps.phases.total),
	];
	log(table(['step (pages per size)', ...rows.map((row) => `${row.sections} sections`), 's per added section'], lines));
	const unclassified = rows.flatMap((row) => row.steps.unclassified);
	if (unclassified.length) log(`
Not attributed to a kind: ${[...new Set(unclassified)].join(', ')}`);
}

/** Every broken budget (page, metric, value, budget), or that every one holds; and how long it all took. */
export function printBudgets(violations, budgetsFile, seconds) {
	heading(`Budgets (${path.relative(process.cwd(), budgetsFile)})`);
	if (violations.length) {
		log(table(['page', 'metric', 'value', 'budget'], violations.map((v) => [v.page, v.metric, v.value, v.budget])));
		log(`\n${violations.length} budget${violations.length > 1 ? 's' : ''} broken. (${seconds.toFixed(0)} s)`);
	} else {
		log(`Every budget holds. (${seconds.toFixed(0)} s)`);
	}
}
