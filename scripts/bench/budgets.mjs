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
 * The budgets: `pages` and `lighthouse` are tables of a `"*"` rule and per-page rules; `rebuild`,
 * `dev` and `peers` tables of `"*"` and per-content rules (`"max <metric>"`: seconds, or a ratio).
 * @typedef {{ pages: Record<string, PageRule>, lighthouse?: Record<string, any>, build?: Record<string, any>, scale?: Record<string, any>, rebuild?: Record<string, any>, dev?: Record<string, any>, peers?: Record<string, any> }} Budgets
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
 * Whether a measured figure is missing: not a finite number (a Lighthouse audit that did not come
 * back, a timing never taken). `NaN > max` is false, so without this a missing figure would pass.
 * @param {unknown} value
 */
export const missing = (value) => typeof value !== 'number' || !Number.isFinite(value);

/** A figure over its maximum, or missing: the value to report, else undefined. */
const over = (value, max) => (missing(value) ? 'missing' : value > max ? value : undefined);
/** A figure under its minimum, or missing. */
const under = (value, min) => (missing(value) ? 'missing' : value < min ? value : undefined);

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
	const check = (metric, value, max) => {
		const bad = max === undefined ? undefined : over(value, max);
		if (bad !== undefined) out.push(broken(page, metric, bad, max));
	};
	check('transferred bytes (gzip bodies)', bytes, rule.maxBytes);
	check('JavaScript bytes (gzip)', scriptBytes, rule.maxScriptBytes);
	check('script requests', scriptRequests, rule.maxScriptRequests);
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
			const bad = under(result.scores?.[category], min);
			if (bad !== undefined) out.push(broken(page, `Lighthouse ${category} (failing: ${(result.failing ?? []).filter((f) => f.startsWith(`${category}:`)).map((f) => f.slice(category.length + 2)).join('; ') || 'none in the median run'})`, bad, min));
		}
		if (rule.maxCLS !== undefined) {
			const bad = over(result.cls, rule.maxCLS);
			if (bad !== undefined) out.push(broken(page, 'Lighthouse CLS', typeof bad === 'number' ? Number(bad.toFixed(4)) : bad, rule.maxCLS));
		}
		// Only pages that have a bare twin (the reading pages) are measured against it.
		if (rule.maxLcpToBare !== undefined && result.bareLcp !== undefined) {
			const ratio = result.lcp / result.bareLcp;
			const bad = over(ratio, rule.maxLcpToBare);
			if (bad !== undefined) {
				out.push(broken(page, `Lighthouse LCP ÷ LCP of the bare page of the same text (${Math.round(result.lcp)} ÷ ${Math.round(result.bareLcp)} ms)`, typeof bad === 'number' ? Number(bad.toFixed(3)) : bad, rule.maxLcpToBare));
			}
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

/**
 * Checks timed figures against a table of `"*"` and per-content rules: `"max <name>"` bounds a
 * row's `seconds[name]` (rebuilds: cold, warm, after a one-sentence edit; the dev loop) or its
 * `ratios[name]` (an edit's rebuild over the cold build; ours over Starlight's). Every figure a
 * rule budgets must be there and be a number, and every content the table names must have been
 * measured: a missing one fails, named.
 * @param {Partial<Budgets>} budgets
 * @param {'rebuild' | 'dev' | 'peers'} section the table
 * @param {{ name: string, seconds?: Record<string, number>, ratios?: Record<string, number> }[]} rows
 */
export function checkTimings(budgets, section, rows) {
	const out = [];
	for (const row of rows) {
		const rule = ruleFor(budgets[section], row.name);
		for (const [key, max] of Object.entries(rule).filter(([name]) => name.startsWith('max '))) {
			const name = key.slice(4);
			const seconds = row.seconds !== undefined && name in row.seconds;
			const bad = over(seconds ? row.seconds?.[name] : row.ratios?.[name], max);
			if (bad !== undefined) out.push(broken(`(${section}: ${row.name})`, seconds ? `${name} seconds` : name, typeof bad === 'number' ? Number(bad.toFixed(2)) : bad, max));
		}
	}
	const measured = new Set(rows.map((row) => row.name));
	for (const name of Object.keys(budgets[section] ?? {}).filter((key) => key !== '*' && !key.startsWith('$') && !measured.has(key))) {
		out.push(broken(`(${section}: ${name})`, 'the run', 'missing', 'a measurement of it'));
	}
	return out;
}

/** Checks the real site's build time and memory. */
export function checkBuild(budgets, build) {
	const out = [];
	const rule = budgets.build ?? {};
	const seconds = rule.maxSeconds === undefined ? undefined : over(build.seconds, rule.maxSeconds);
	if (seconds !== undefined) out.push(broken('(build)', 'median build seconds', typeof seconds === 'number' ? Number(seconds.toFixed(1)) : seconds, rule.maxSeconds));
	const memory = rule.maxPeakRssMB === undefined ? undefined : over(build.peakTreeMB, rule.maxPeakRssMB);
	if (memory !== undefined) out.push(broken('(build)', 'peak memory (MB, build and children)', typeof memory === 'number' ? Math.round(memory) : memory, rule.maxPeakRssMB));
	return out;
}

/**
 * Checks that the synthetic builds grow linearly: the cost of each added section, from the
 * middle size to the largest, may exceed its cost from the smallest to the middle by at most the
 * budget's factor (time is noisy, HTML bytes are not). Needs three sizes or more: with fewer,
 * the growth cannot be measured, and the budget fails saying so.
 */
export function checkScale(budgets, rows) {
	const out = [];
	const rule = budgets.scale ?? {};
	const sorted = [...rows].sort((a, b) => a.sections - b.sections);
	const sizes = new Set(sorted.map((row) => row.sections));
	if (rule.maxSecondsGrowth === undefined && rule.maxHtmlGrowth === undefined) return out;
	if (sizes.size < 3) {
		out.push(broken('(scaling)', 'article sizes built', `${sizes.size} (${[...sizes].join(', ') || 'none'})`, 'three or more: npm run bench:scale builds 4, 40 and 400 sections'));
		return out;
	}
	const [first, middle, last] = [sorted[0], sorted[Math.floor(sorted.length / 2)], sorted.at(-1)];
	const perSection = (from, to, pick) => (pick(to) - pick(from)) / (to.sections - from.sections);
	const growth = (pick) => perSection(middle, last, pick) / perSection(first, middle, pick);
	const span = `${first.sections}→${middle.sections}→${last.sections} sections`;
	const seconds = rule.maxSecondsGrowth === undefined ? undefined : over(growth((row) => row.seconds), rule.maxSecondsGrowth);
	if (seconds !== undefined) out.push(broken(`(scaling, ${span})`, 'build seconds per added section, later ÷ earlier', typeof seconds === 'number' ? Number(seconds.toFixed(2)) : seconds, rule.maxSecondsGrowth));
	const html = rule.maxHtmlGrowth === undefined ? undefined : over(growth((row) => row.htmlMB), rule.maxHtmlGrowth);
	if (html !== undefined) out.push(broken(`(scaling, ${span})`, 'HTML bytes per added section, later ÷ earlier', typeof html === 'number' ? Number(html.toFixed(2)) : html, rule.maxHtmlGrowth));
	return out;
}

/** The figures every build's log must give, in seconds (`scripts/bench/steps.mjs`). */
export const LOGGED_STEPS = ['setup', 'bundling', 'rendering', 'pagefind-index', 'precompress', 'total'];

/**
 * Where the build time goes is only worth reading whole: each step's time must be in the log (a
 * step renamed or silent would otherwise vanish from the report), and every page attributed to a kind.
 * @param {{ sections: number, steps: { phases: Record<string, number>, unclassified: string[] } }[]} rows
 */
export function checkSteps(rows) {
	const out = [];
	for (const { sections, steps } of rows) {
		const page = `(where the time goes, ${sections} sections)`;
		for (const name of LOGGED_STEPS) if (missing(steps.phases[name])) out.push(broken(page, `${name} seconds`, 'missing', 'in the build log'));
		if (steps.unclassified.length) out.push(broken(page, 'pages of no known kind', `${steps.unclassified.length} (${steps.unclassified.slice(0, 3).join(', ')})`, 'none: add a kind to PAGE_KINDS in scripts/bench/steps.mjs'));
	}
	return out;
}
