#!/usr/bin/env node
/**
 * `npm run bench`: builds the production site into a temporary folder, serves it gzip-compressed
 * on 127.0.0.1, measures every page in headless Chromium (requests and bytes by kind) and with
 * Lighthouse (mobile), times the build (median of 3, with peak memory), times the timeline's own
 * work, builds synthetic articles of 4, 40 and 400 sections (and each again one page at a time, to
 * report where the time goes: scripts/bench/steps.mjs), reports what the precompressed
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
import { stat, writeFile } from 'node:fs/promises';
import { startServer } from '../serve.mjs';
import { median, timedBuild } from './build.mjs';
import { BUDGETS_FILE, checkBuild, checkLighthouse, checkPages, checkRebuilds, checkScale, checkSteps, checkTimings, readBudgets } from './budgets.mjs';
import { CHROME_PATH, assertChrome } from './chrome.mjs';
import { brotliQualities, compressionSavings } from './compression.mjs';
import { fileFor, sitePages } from './dist.mjs';
import { remove, workFolder } from './project.mjs';
import * as report from './report.mjs';
import { buildSteps } from './steps.mjs';
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

const budgets = await readBudgets();
const violations = [];
const results = { machine: {}, pages: [], lighthouse: [], build: undefined, compression: [], rebuild: [], dev: undefined, micro: [], scale: [] };
const made = [];
const started = Date.now();

results.machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), chromium: CHROME_PATH };
report.printStart(results.machine, os.loadavg(), BUDGETS_FILE);

try {
	// 1. The real site: built `runs` times (each cold, with its own cache) for the timings; the last one is served.
	let site;
	if (!skip.pages || !skip.lighthouse || !skip.build) {
		const work = await workFolder('bench-');
		made.push(work);
		const count = skip.build ? 1 : runs;
		report.printBuildHeading(work, count);
		const builds = [];
		for (let i = 0; i < count; i += 1) {
			const dir = path.join(work, `run-${i + 1}`);
			const build = await timedBuild({ outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, 'cache') });
			builds.push(build);
			report.printBuildRun(i + 1, build);
			if (i < count - 1) await remove(dir);
			site = path.join(dir, 'dist');
		}
		const summary = { runs: count, seconds: median(builds.map((b) => b.seconds)), peakRssMB: Math.max(...builds.map((b) => b.peakRssMB)), peakTreeMB: Math.max(...builds.map((b) => b.peakTreeMB)), rendering: report.renderingTime(builds.at(-1).output) };
		results.build = summary;
		report.printBuild(summary);
		if (!skip.build) violations.push(...checkBuild(budgets, summary));

		// What the precompressed copies save over compressing on the fly.
		results.compression = await compressionSavings(site);
		report.printCompression(results.compression);
		results.brotli = { 'the article': await brotliQualities(site) };
		report.printBrotliQualities('the article', results.brotli['the article']);
	}

	// 2. Every page in Chromium, gzip-compressed as a host would send it.
	if (site && (!skip.pages || !skip.lighthouse)) {
		assertChrome();
		const { measurePages } = await import('./pages.mjs');
		const server = await startServer({ dir: site, gzip: true });
		try {
			const paths = await sitePages(site);
			if (!skip.pages) {
				report.printPagesHeading(server.origin);
				results.pages = await measurePages(server.origin, paths);
				report.printPages(results.pages);
				violations.push(...checkPages(budgets, results.pages));
			}
			if (!skip.lighthouse) {
				report.printLighthouseHeading(lighthouseRuns);
				const { runLighthouse } = await import('./lighthouse.mjs');
				// Each reading page beside a bare page of the same text: the floor its first paint is measured against.
				const { writeBarePages } = await import('./bare.mjs');
				const twins = await writeBarePages(site, paths);
				const all = await runLighthouse([...paths, ...twins.values()].map((p) => `${server.origin}${p}`), { runs: lighthouseRuns, progress: (line) => console.error(line) });
				const byPath = new Map(all.map((r) => [new URL(r.url).pathname, r]));
				results.lighthouse = paths.map((p) => ({ ...byPath.get(p), bareLcp: twins.has(p) ? byPath.get(twins.get(p)).lcp : undefined }));
				report.printLighthouse(results.lighthouse, [...twins.values()][0]);
				violations.push(...checkLighthouse(budgets, results.lighthouse));
			}
		} finally {
			await server.close();
		}
	}

	// 2b. Rebuilds with one cache folder: cold, warm with nothing changed, after a one-sentence edit.
	if (!skip.rebuild) {
		report.printRebuildsHeading();
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
		report.printRebuilds(rows);
		violations.push(...checkRebuilds(budgets, rows));
	}

	// 2c. The author's loop: `astro dev`, an edit saved, the open page showing it.
	if (!skip.dev) {
		report.printDevHeading();
		const { devLoop } = await import('./dev.mjs');
		const work = await workFolder('bench-dev-');
		made.push(work);
		results.dev = await devLoop({ work });
		report.printDev(results.dev);
		violations.push(...checkTimings(budgets, 'dev', [{ name: 'the article', seconds: results.dev }]));
	}

	// 3. The timeline's own work, without a build.
	if (!skip.micro) {
		report.printMicroHeading();
		const { microBenchmark } = await import('./micro.mjs');
		results.micro = await microBenchmark([4, 40, 400, 4000]);
		report.printMicro(results.micro);
	}

	// 4. Synthetic articles of N sections, 5 events each.
	if (!skip.scale) {
		report.printScaleHeading(EVENTS_PER_SECTION);
		const rows = [];
		const steps = [];
		for (const n of sizes) {
			const work = await workFolder(`bench-scale-${n}-`);
			made.push(work);
			const content = path.join(work, 'content');
			await writeSyntheticContent(content, n);
			console.error(`  building ${n} sections …`);
			const dist = path.join(work, 'dist');
			const build = await timedBuild({ outDir: dist, cacheDir: path.join(work, 'cache'), contentDir: content });
			const pages = await sitePages(dist);
			let html = 0;
			for (const p of pages) html += (await stat(fileFor(dist, '/', p))).size;
			const row = { sections: n, events: n * EVENTS_PER_SECTION + 1, pages: pages.length, seconds: build.seconds, peakRssMB: build.peakRssMB, peakTreeMB: build.peakTreeMB, htmlMB: html / 1e6, rendering: report.renderingTime(build.output) };
			rows.push(row);
			report.printScaleRow(row);
			// The same content again, cold, one page at a time: the log then times each page alone.
			console.error(`  building ${n} sections one page at a time, to see where the time goes …`);
			const serial = await timedBuild({ outDir: path.join(work, 'dist-serial'), cacheDir: path.join(work, 'cache-serial'), contentDir: content, env: { BUILD_CONCURRENCY: '1' } });
			steps.push({ sections: n, steps: buildSteps(serial.output) });
			if (n === Math.max(...sizes)) {
				results.brotli = { ...results.brotli, [`${n} sections`]: await brotliQualities(dist) };
				report.printBrotliQualities(`${n} sections`, results.brotli[`${n} sections`]);
			}
			if (!args.keep) await remove(work);
		}
		results.scale = rows;
		results.steps = steps;
		report.printScale(rows);
		report.printSteps(steps);
		violations.push(...checkSteps(steps));
		violations.push(...checkScale(budgets, rows));
	}
} finally {
	if (!args.keep) await remove(...made);
}

if (args.json) await writeFile(args.json, JSON.stringify({ ...results, violations }, null, '\t'));

report.printBudgets(violations, BUDGETS_FILE, (Date.now() - started) / 1000);
if (violations.length) process.exitCode = 1;
