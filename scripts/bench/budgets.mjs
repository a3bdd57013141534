/**
 * The budgets of `scripts/bench/budgets.json` and the checks against them. Each broken budget
 * is `{ page, metric, value, budget }`, printed as `page metric value > budget`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const BUDGETS_FILE = path.join(import.meta.dirname, 'budgets.json');

export async function readBudgets(file = BUDGETS_FILE) {
	return JSON.parse(await readFile(file, 'utf8'));
}

/** Reading pages: every page but the search page and the 404 page. */
export const isReadingPage = (budgets, pathname) => pathname !== budgets.search.path && pathname !== '/404.html';

const broken = (page, metric, value, budget) => ({ page, metric, value, budget });

/** Checks what Chromium fetched on each page's load (rows from `measurePages`). */
export function checkPages(budgets, rows) {
	const out = [];
	for (const row of rows) {
		if (row.status !== 200) out.push(broken(row.path, 'status', row.status, 200));
		for (const failure of row.failed) out.push(broken(row.path, 'failed-request', failure, 'none'));
		if (isReadingPage(budgets, row.path)) {
			const rule = budgets.reading;
			if (row.transfer > rule.transfer) out.push(broken(row.path, 'transfer', row.transfer, rule.transfer));
			if (row.js > rule.js) out.push(broken(row.path, 'js', row.js, rule.js));
		} else if (row.path === budgets.search.path) {
			const rule = budgets.search;
			const scripts = row.resources.filter((r) => r.kind === 'js');
			if (row.transfer > rule.transfer) out.push(broken(row.path, 'transfer', row.transfer, rule.transfer));
			if (row.js > rule.js) out.push(broken(row.path, 'js', row.js, rule.js));
			if (scripts.length > rule.scriptRequests) out.push(broken(row.path, 'script-requests', scripts.length, rule.scriptRequests));
			for (const prefix of rule.forbid) {
				const hits = row.resources.filter((r) => new URL(r.url).pathname.includes(prefix));
				if (hits.length) out.push(broken(row.path, `requests-to-${prefix}-on-load`, hits.length, 0));
			}
		}
	}
	return out;
}

/** Checks Lighthouse's scores (×100) and CLS on every page (results from `runLighthouse`). */
export function checkLighthouse(budgets, results) {
	const out = [];
	const rule = budgets.lighthouse;
	for (const result of results) {
		const page = new URL(result.url).pathname;
		if (result.error) {
			out.push(broken(page, 'lighthouse-error', JSON.stringify(result.error), 'none'));
			continue;
		}
		for (const category of ['performance', 'accessibility', 'best-practices', 'seo']) {
			const value = result.scores[category];
			// A score is a floor: "value > budget" reads as "missed it"; the metric says so.
			if (value < rule[category]) out.push(broken(page, `lighthouse-${category} (below; failing: ${result.failing.filter((f) => f.startsWith(`${category}:`)).map((f) => f.slice(category.length + 2)).join(', ') || '–'})`, value, rule[category]));
		}
		if (result.cls > rule.cls) out.push(broken(page, 'lighthouse-CLS', Number(result.cls.toFixed(4)), rule.cls));
	}
	return out;
}

/** One line per broken budget: `page metric value > budget` (for a score, `value < budget`). */
export function formatViolation(v) {
	const below = v.metric.startsWith('lighthouse-') && v.metric !== 'lighthouse-CLS' && v.metric !== 'lighthouse-error';
	return `${v.page} ${v.metric} ${v.value} ${below ? '<' : '>'} ${v.budget}`;
}
