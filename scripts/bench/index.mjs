#!/usr/bin/env node
/**
 * `npm run bench`: builds the production site 3 times into a temporary folder (median seconds,
 * peak memory), serves the last build gzip-compressed on 127.0.0.1 (`scripts/serve.mjs`),
 * measures every page in headless Chromium (requests, bytes by kind, from the DevTools
 * protocol) and with Lighthouse (mobile), builds synthetic articles of 4, 40 and 400 sections,
 * then checks `scripts/bench/budgets.json` and exits 1 naming every broken budget as
 * `page metric value > budget` (0 when all hold).
 *
 *   npm run bench                         everything
 *   npm run bench -- --skip-lighthouse    without Lighthouse
 *   npm run bench -- --skip-scale         without the synthetic articles
 *   npm run bench -- --sections 40        only a synthetic article of 40 sections (repeatable)
 *   npm run bench -- --scale              only the synthetic articles of 4, 40 and 400 sections
 *   npm run bench -- --runs 5             builds to time (default 3)
 *   npm run bench -- --lighthouse-runs 3  Lighthouse runs per page, median (default 1)
 *   npm run bench -- --keep               keep the temporary folders (printed)
 */
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { readdir, stat } from 'node:fs/promises';
import { startServer } from '../serve.mjs';
import { median, remove, timedBuild, workFolder } from './build.mjs';
import { BUDGETS_FILE, checkLighthouse, checkPages, formatViolation, readBudgets } from './budgets.mjs';
import { CHROME_PATH, assertChrome } from './chrome.mjs';
import { KINDS, measurePages, sitePages } from './pages.mjs';
import { EVENTS_PER_SECTION, writeSyntheticContent } from './synthetic.mjs';

const { values: args } = parseArgs({
	options: {
		'skip-lighthouse': { type: 'boolean', default: false },
		'skip-scale': { type: 'boolean', default: false },
		scale: { type: 'boolean', default: false },
		sections: { type: 'string', multiple: true },
		runs: { type: 'string', default: '3' },
		'lighthouse-runs': { type: 'string', default: '1' },
		'scale-timeout': { type: 'string', default: '360' },
		keep: { type: 'boolean', default: false },
	},
});

const scaleOnly = args.scale || Boolean(args.sections?.length);
const sizes = args.sections?.length ? args.sections.flatMap((value) => value.split(',')).map(Number) : [4, 40, 400];
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
	console.error(`--sections wants positive whole numbers, got ${args.sections}`);
	process.exit(2);
}
const runs = Math.max(1, Number(args.runs) || 3);
const lighthouseRuns = Math.max(1, Number(args['lighthouse-runs']) || 1);
const scaleTimeoutMs = Number(args['scale-timeout']) * 1000;

const log = (line = '') => console.log(line);
const progress = (line) => console.error(line);
const ms = (value) => (Number.isFinite(value) ? String(Math.round(value)) : '–');
const mb = (value) => `${Math.round(value)} MB`;

/** A plain-text table: numbers right-aligned, text left-aligned. */
function table(headers, rows) {
	const cells = [headers, ...rows].map((row) => row.map(String));
	const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
	const numeric = headers.map((_, i) => rows.every((row) => /^[\d.,–-]+( s| MB)?$/.test(String(row[i]))));
	const line = (row) => row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function chromiumVersion() {
	try {
		return execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return CHROME_PATH;
	}
}

const budgets = await readBudgets();
const violations = [];
const made = [];
const started = Date.now();

log(`Benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${chromiumVersion()}`);
log(`Load average at start: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);

try {
	if (!scaleOnly) {
		// 1. Build time and memory: `runs` cold builds (each with its own cache); the last one is served.
		const work = await workFolder('bench-');
		made.push(work);
		log(`\n## Build (astro build into ${work}, ${runs} cold run${runs > 1 ? 's' : ''})\n`);
		const builds = [];
		let site;
		for (let i = 0; i < runs; i += 1) {
			const dir = path.join(work, `run-${i + 1}`);
			const build = await timedBuild({ outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, 'cache') });
			if (!build.ok) throw new Error(`The build failed (exit ${build.code}):\n${build.output.split('\n').slice(-40).join('\n')}`);
			builds.push(build);
			log(`run ${i + 1}: ${build.seconds.toFixed(1)} s, peak RSS ${mb(build.peakRssMB)} (process tree)`);
			if (i < runs - 1) await remove(dir);
			site = path.join(dir, 'dist');
		}
		log(`median ${median(builds.map((b) => b.seconds)).toFixed(1)} s; peak RSS ${mb(Math.max(...builds.map((b) => b.peakRssMB)))} (astro build and its child processes, /proc sampled every 100 ms)`);

		// 2. Every page in Chromium, gzip-compressed as a host would send it.
		assertChrome();
		const server = await startServer({ dir: site, gzip: true });
		try {
			const paths = await sitePages(site);
			log(`\n## Page loads (Chromium, fresh context per page, ${server.origin}, gzip)\n`);
			const rows = await measurePages(server.origin, paths);
			log(table(['page', 'requests', 'transfer', ...KINDS], rows.map((r) => [r.path, r.requests, r.transfer, ...KINDS.map((k) => r[k])])));
			log('\nBytes on the wire (CDP Network.loadingFinished encodedDataLength: gzip bodies plus response headers); 1 KB = 1,000 bytes.');
			for (const r of rows) log(`  ${r.path}: ${r.resources.map((x) => `${new URL(x.url).pathname} ${x.bytes}`).join(', ')}`);
			violations.push(...checkPages(budgets, rows));

			// 3. Lighthouse, one page after another.
			if (args['skip-lighthouse']) {
				log('\n## Lighthouse: skipped (--skip-lighthouse)');
			} else {
				log(`\n## Lighthouse 12 (default mobile config, simulated throttling${lighthouseRuns > 1 ? `, median of ${lighthouseRuns} runs` : ', one run per page'})\n`);
				const { runLighthouse } = await import('./lighthouse.mjs');
				const results = await runLighthouse(paths.map((p) => `${server.origin}${p}`), { runs: lighthouseRuns, progress });
				log(
					table(
						['page', 'perf', 'a11y', 'best-pr', 'seo', 'LCP ms', 'CLS', 'TBT ms'],
						results.map((r) => (r.error ? [new URL(r.url).pathname, '–', '–', '–', '–', '–', '–', '–'] : [new URL(r.url).pathname, r.scores.performance, r.scores.accessibility, r.scores['best-practices'], r.scores.seo, ms(r.lcp), r.cls.toFixed(3), ms(r.tbt)])),
					),
				);
				const index = median(results.filter((r) => !r.error).map((r) => r.benchmarkIndex));
				log(`\nLighthouse's benchmarkIndex of this machine (median): ${ms(index)}; load average now ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
				for (const r of results) {
					if (r.error) log(`${new URL(r.url).pathname}: Lighthouse failed: ${r.error}`);
					else if (r.failing.length) log(`${new URL(r.url).pathname}: audits below 1: ${r.failing.join('; ')}`);
				}
				violations.push(...checkLighthouse(budgets, results));
			}
		} finally {
			await server.close();
		}
	}

	// 4. Synthetic articles of N sections, 5 events each.
	if (scaleOnly || !args['skip-scale']) {
		log(`\n## Scaling (synthetic articles, ${EVENTS_PER_SECTION} events per section, CONTENT_DIR in a temporary folder, one cold build each, time limit ${scaleTimeoutMs / 1000} s)\n`);
		const rows = [];
		for (const n of sizes) {
			const work = await workFolder(`bench-scale-${n}-`);
			made.push(work);
			const content = path.join(work, 'content');
			await writeSyntheticContent(content, n);
			progress(`  building ${n} sections …`);
			const build = await timedBuild({ outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache'), contentDir: content, timeoutMs: scaleTimeoutMs });
			if (build.timedOut) {
				log(`${n} sections: timed out after ${build.seconds.toFixed(0)} s (peak RSS so far ${mb(build.peakRssMB)}); stopped`);
				rows.push([n, n * EVENTS_PER_SECTION + 1, '–', `> ${build.seconds.toFixed(0)} s`, mb(build.peakRssMB), '–']);
				continue;
			}
			if (!build.ok) {
				log(`${n} sections: the build failed (exit ${build.code}):\n${build.output.split('\n').slice(-20).join('\n')}`);
				rows.push([n, n * EVENTS_PER_SECTION + 1, '–', 'failed', mb(build.peakRssMB), '–']);
				continue;
			}
			const dist = path.join(work, 'dist');
			const pages = await sitePages(dist);
			let html = 0;
			for (const p of pages) html += (await stat(path.join(dist, p.endsWith('/') ? `${p}index.html` : p))).size;
			const cards = (await readdir(path.join(dist, 'og'), { recursive: true }).catch(() => [])).filter((file) => file.endsWith('.png')).length;
			rows.push([n, n * EVENTS_PER_SECTION + 1, pages.length, `${build.seconds.toFixed(1)} s`, mb(build.peakRssMB), `${(html / 1e6).toFixed(2)} MB`, cards]);
			log(`${n} sections: ${build.seconds.toFixed(1)} s, peak RSS ${mb(build.peakRssMB)}, ${pages.length} pages, ${(html / 1e6).toFixed(2)} MB of HTML`);
			if (!args.keep) await remove(work);
		}
		log('');
		log(table(['sections', 'events', 'pages', 'build', 'peak RSS', 'HTML', 'social cards'], rows.map((r) => (r.length === 6 ? [...r, '–'] : r))));
	}
} finally {
	if (args.keep) log(`\nKept: ${made.join(', ')}`);
	else await Promise.all(made.map(remove));
}

log(`\n## Budgets (${path.relative(process.cwd(), BUDGETS_FILE)})\n`);
if (violations.length) {
	for (const v of violations) log(formatViolation(v));
	log(`\n${violations.length} budget${violations.length > 1 ? 's' : ''} broken (${((Date.now() - started) / 1000).toFixed(0)} s in all).`);
	process.exitCode = 1;
} else {
	log(`Every budget holds (${((Date.now() - started) / 1000).toFixed(0)} s in all).`);
}
