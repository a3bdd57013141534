/**
 * The budgets of `bench/budgets.json` and the check against them. Rules apply by page: "*"
 * for every page, then the page's own entry (its keys win; score tables merge).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './project.mjs';

export const BUDGETS_FILE = path.join(ROOT, 'bench/budgets.json');

/**
 * A page's byte budget (`pages` in the file).
 * @typedef {{ maxBytes?: number, maxScriptBytes?: number, maxScriptRequests?: number, forbidRequests?: string[] }} PageRule
 */
/**
 * The budgets: `pages` and `lighthouse` are tables of a `"*"` rule and per-page rules; `rebuild`
 * and `dev` tables of `"*"` and per-content rules (`"max <metric>"` in seconds).
 * @typedef {{ pages: Record<string, PageRule>, lighthouse?: Record<string, any>, build?: Record<string, any>, scale?: Record<string, any>, rebuild?: Record<string, any>, dev?: Record<string, any> }} Budgets
 */
/**
 * A broken budget: which page, which metric, its value and its budget.
 * @typedef {{ page: string, metric: string, value: unknown, budget: unknown }} Broken
 */

/**
 * @param {string} [file]
 * @returns {Promise<Budgets>}
 */
export async function readBudgets(file = BUDGETS_FILE) {
	return JSON.parse(await readFile(file, 'utf8'));
}

/**
 * The rule for a page (or a content) from a table of `"*"` and per-page rules: the page's keys
 * win, and score tables (`minScores`) merge.
 * @template {object} Rule
 * @param {Record<string, Rule> | undefined} table
 * @param {string} name
 * @returns {Rule & { minScores: Record<string, number> }}
 */
export function ruleFor(table, name) {
	/** @type {any} */
	const base = table?.['*'] ?? {};
	/** @type {any} */
	const own = table?.[name] ?? {};
	return { ...base, ...own, minScores: { ...base.minScores, ...own.minScores } };
}

/**
 * @param {string} page
 * @param {string} metric
 * @param {unknown} value
 * @param {unknown} budget
 * @returns {Broken}
 */
const broken = (page, metric, value, budget) => ({ page, metric, value, budget });

/**
 * Checks one page's load against its rule: the bytes of everything it fetched, its scripts
 * (bytes and requests) and the paths it must not request. The benchmark measures the load in a
 * browser; the tests (`tests/build/budgets.test.ts`) count it from the built files.
 * @param {string} page
 * @param {PageRule} rule
 * @param {{ bytes: number, scriptBytes: number, scriptRequests: number, requests: string[] }} load
 *   bytes: response bodies as sent (gzip); requests: the path of each request
 * @returns {Broken[]}
 */
export function checkPageLoad(page, rule, { bytes, scriptBytes, scriptRequests, requests }) {
	const out = [];
	if (rule.maxBytes !== undefined && bytes > rule.maxBytes) out.push(broken(page, 'transferred bytes (gzip bodies)', bytes, rule.maxBytes));
	if (rule.maxScriptBytes !== undefined && scriptBytes > rule.maxScriptBytes) out.push(broken(page, 'JavaScript bytes (gzip)', scriptBytes, rule.maxScriptBytes));
	if (rule.maxScriptRequests !== undefined && scriptRequests > rule.maxScriptRequests) out.push(broken(page, 'script requests', scriptRequests, rule.maxScriptRequests));
	for (const pattern of rule.forbidRequests ?? []) {
		for (const request of requests.filter((request) => request.includes(pattern))) out.push(broken(page, `request to ${pattern} on load`, request, 'none'));
	}
	return out;
}

/** Checks what the browser measured on each page. */
export function checkPages(budgets, rows) {
	const out = [];
	for (const row of rows) {
		const rule = ruleFor(budgets.pages, row.path);
		const scripts = row.urls.filter((u) => u.kind === 'js');
		out.push(...checkPageLoad(row.path, rule, { bytes: row.body, scriptBytes: row.js, scriptRequests: scripts.length, requests: row.urls.map((u) => new URL(u.url).pathname) }));
		for (const url of row.external) out.push(broken(row.path, 'request off 127.0.0.1', url, 'none'));
		for (const failure of row.failed) out.push(broken(row.path, 'failed request', failure, 'none'));
		if (row.status !== 200) out.push(broken(row.path, 'HTTP status', row.status, 200));
	}
	return out;
}

/** Checks Lighthouse's median scores and CLS. */
export function checkLighthouse(budgets, results) {
	const out = [];
	for (const result of results) {
		const page = new URL(result.url).pathname;
		const rule = ruleFor(budgets.lighthouse, page);
		for (const [category, min] of Object.entries(rule.minScores ?? {})) {
			if (result.scores[category] < min) out.push(broken(page, `Lighthouse ${category} (failing: ${result.failing.filter((f) => f.startsWith(`${category}:`)).map((f) => f.slice(category.length + 2)).join('; ') || 'none in the median run'})`, result.scores[category], min));
		}
		if (rule.maxCLS !== undefined && result.cls > rule.maxCLS) out.push(broken(page, 'Lighthouse CLS', Number(result.cls.toFixed(4)), rule.maxCLS));
		if (rule.maxLcpToBare !== undefined && result.bareLcp !== undefined && result.lcp > rule.maxLcpToBare * result.bareLcp) {
			out.push(broken(page, `Lighthouse LCP ÷ LCP of the bare page of the same text (${Math.round(result.lcp)} ÷ ${Math.round(result.bareLcp)} ms)`, Number((result.lcp / result.bareLcp).toFixed(3)), rule.maxLcpToBare));
		}
	}
	return out;
}

/** Checks that each warm rebuild gave the same bytes as its cold build, and the rebuild times. */
export function checkRebuilds(budgets, rows) {
	const out = [];
	for (const row of rows) if (!row.identical) out.push(broken(`(rebuild: ${row.name})`, 'warm rebuild differs from the cold build', row.changed.slice(0, 5).join(', '), 'identical'));
	return [...out, ...checkTimings(budgets, 'rebuild', rows)];
}

/** Checks rebuild times (cold, warm, after a one-sentence edit) and the author's dev loop. */
export function checkTimings(budgets, section, rows) {
	const out = [];
	for (const row of rows) {
		const rule = ruleFor(budgets[section], row.name);
		for (const [metric, value] of Object.entries(row.seconds)) {
			const max = rule[`max ${metric}`];
			if (max !== undefined && value > max) out.push(broken(`(${section}: ${row.name})`, `${metric} seconds`, Number(value.toFixed(2)), max));
		}
	}
	return out;
}

/** Checks the real site's build time and memory. */
export function checkBuild(budgets, build) {
	const out = [];
	const rule = budgets.build ?? {};
	if (rule.maxSeconds !== undefined && build.seconds > rule.maxSeconds) out.push(broken('(build)', 'median build seconds', Number(build.seconds.toFixed(1)), rule.maxSeconds));
	if (rule.maxPeakRssMB !== undefined && build.peakTreeMB > rule.maxPeakRssMB) out.push(broken('(build)', 'peak memory (MB, build and children)', Math.round(build.peakTreeMB), rule.maxPeakRssMB));
	return out;
}

/**
 * Checks that the synthetic builds grow linearly: the cost of each added section, from the
 * middle size to the largest, may exceed its cost from the smallest to the middle by at most the
 * budget's factor (time is noisy, HTML bytes are not). Needs three sizes or more.
 */
export function checkScale(budgets, rows) {
	const out = [];
	const rule = budgets.scale ?? {};
	const sorted = [...rows].sort((a, b) => a.sections - b.sections);
	if (sorted.length < 3) return out;
	const [first, middle, last] = [sorted[0], sorted[Math.floor(sorted.length / 2)], sorted.at(-1)];
	const perSection = (from, to, pick) => (pick(to) - pick(from)) / (to.sections - from.sections);
	const growth = (pick) => perSection(middle, last, pick) / perSection(first, middle, pick);
	const span = `${first.sections}→${middle.sections}→${last.sections} sections`;
	const seconds = growth((row) => row.seconds);
	if (rule.maxSecondsGrowth !== undefined && seconds > rule.maxSecondsGrowth) out.push(broken(`(scaling, ${span})`, 'build seconds per added section, later ÷ earlier', Number(seconds.toFixed(2)), rule.maxSecondsGrowth));
	const html = growth((row) => row.htmlMB);
	if (rule.maxHtmlGrowth !== undefined && html > rule.maxHtmlGrowth) out.push(broken(`(scaling, ${span})`, 'HTML bytes per added section, later ÷ earlier', Number(html.toFixed(2)), rule.maxHtmlGrowth));
	return out;
}
