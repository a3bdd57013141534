/**
 * Lighthouse 13 (pinned exactly; it needs Node 22.19 or later) on each page, one after another: its default config,
 * which is the mobile preset (Moto G Power viewport, simulated slow 4G, 4× CPU slowdown).
 * Chromium is started by chrome-launcher (Lighthouse's own dependency) with the benchmark's
 * flags; every URL is on 127.0.0.1, so nothing reaches for the internet.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { median } from './build.mjs';
import { CHROME_ARGS, CHROME_PATH } from './chrome.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One run's figures, and every scored audit that did not pass, so a lost point has a name. */
function summarise(lhr) {
	/** @type {Record<string, number>} */
	const scores = {};
	for (const id of CATEGORIES) scores[id] = Math.round((lhr.categories[id]?.score ?? 0) * 100);
	const failing = [];
	for (const id of CATEGORIES) {
		for (const ref of lhr.categories[id]?.auditRefs ?? []) {
			const audit = lhr.audits[ref.id];
			if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${id}: ${ref.id} = ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
		}
	}
	const numeric = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
	return {
		scores,
		fcp: numeric('first-contentful-paint'),
		lcp: numeric('largest-contentful-paint'),
		cls: numeric('cumulative-layout-shift'),
		tbt: numeric('total-blocking-time'),
		benchmarkIndex: lhr.environment?.benchmarkIndex ?? Number.NaN,
		failing,
	};
}

/**
 * Runs Lighthouse `runs` times on each URL; per URL, the median of each score and metric, and
 * the failing audits of the run with the median performance score.
 * @param {string[]} urls
 * @param {{ runs?: number, categories?: string[], progress?: (line: string) => void }} [options]
 */
export async function runLighthouse(urls, { runs = 1, categories = CATEGORIES, progress = () => {} } = {}) {
	const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_ARGS, logLevel: 'silent' });
	const results = [];
	try {
		for (const url of urls) {
			const all = [];
			for (let run = 0; run < runs; run += 1) {
				const started = Date.now();
				const runner = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories });
				const lhr = runner?.lhr;
				if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
				if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
				all.push(summarise(lhr));
				progress(`  lighthouse ${new URL(url).pathname} run ${run + 1}/${runs}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
			}
			const mid = (pick) => median(all.map(pick));
			const byPerformance = [...all].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(all.length / 2)];
			results.push({
				url,
				runs: all.length,
				scores: Object.fromEntries(CATEGORIES.map((id) => [id, mid((r) => r.scores[id])])),
				fcp: mid((r) => r.fcp),
				lcp: mid((r) => r.lcp),
				cls: mid((r) => r.cls),
				tbt: mid((r) => r.tbt),
				benchmarkIndex: mid((r) => r.benchmarkIndex),
				failing: byPerformance.failing,
				all,
			});
		}
	} finally {
		chrome.kill();
	}
	return results;
}
