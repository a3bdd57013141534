/**
 * The benchmark's budget checks (scripts/bench/budgets.mjs), on figures made up here: a figure
 * over its budget fails, and so does one that is missing (NaN > budget is false: it used to pass).
 */
import { describe, expect, test } from 'vitest';
import { LOGGED_STEPS, checkBuild, checkLighthouse, checkPageLoad, checkScale, checkSteps, checkTimings, missing } from '../../scripts/bench/budgets.mjs';

const lighthouse = (fields: Record<string, unknown>) => ({ url: 'http://127.0.0.1/soviet-era/', scores: { performance: 1 }, failing: [], cls: 0, lcp: 700, bareLcp: 650, ...fields });
const BUDGETS = {
	lighthouse: { '*': { minScores: { performance: 1 }, maxCLS: 0, maxLcpToBare: 1.2 } },
	rebuild: { 'the article': { 'max cold': 20, 'max warm': 10 }, '400 sections': { 'max editToCold': 0.2 } },
	peers: { '400 sections': { 'max coldToStarlight': 1, 'max peakMemoryToStarlight': 1 } },
	build: { maxSeconds: 120, maxPeakRssMB: 1024 },
	scale: { maxSecondsGrowth: 2, maxHtmlGrowth: 1.2 },
};
const scaleRow = (sections: number, seconds: number) => ({ sections, seconds, htmlMB: sections * 0.07 });

describe('budget checks', () => {
	test('missing: what is not a finite number', () => {
		expect([NaN, undefined, null, Infinity, '3'].every(missing)).toBe(true);
		expect(missing(0)).toBe(false);
	});

	test('figures within their budgets pass; over them, fail', () => {
		expect(checkLighthouse(BUDGETS, [lighthouse({})])).toEqual([]);
		expect(checkLighthouse(BUDGETS, [lighthouse({ lcp: 900 })]).map((b) => b.value)).toEqual([1.385]);
		expect(checkBuild(BUDGETS, { seconds: 6, peakTreeMB: 700 })).toEqual([]);
		expect(checkPageLoad('/', { maxBytes: 13000 }, { bytes: 13001, scriptBytes: 0, scriptRequests: 0, requests: [] })).toHaveLength(1);
	});

	test('a Lighthouse figure that did not come back fails, named', () => {
		const broken = checkLighthouse(BUDGETS, [lighthouse({ scores: {}, cls: undefined, lcp: NaN })]);
		expect(broken.map((b) => [b.metric.split(' (')[0], b.value])).toEqual([
			['Lighthouse performance', 'missing'],
			['Lighthouse CLS', 'missing'],
			['Lighthouse LCP ÷ LCP of the bare page of the same text', 'missing'],
		]);
	});

	test('a build, a page load or a timing not measured fails', () => {
		expect(checkBuild(BUDGETS, { seconds: NaN, peakTreeMB: undefined }).map((b) => b.value)).toEqual(['missing', 'missing']);
		expect(checkPageLoad('/', { maxBytes: 13000 }, { bytes: NaN, scriptBytes: 0, scriptRequests: 0, requests: [] })[0]?.value).toBe('missing');
		const timings = checkTimings(BUDGETS, 'rebuild', [{ name: 'the article', seconds: { cold: 5 } }]);
		expect(timings.map((b) => [b.page, b.metric, b.value])).toEqual([
			['(rebuild: the article)', 'warm', 'missing'],
			// A content the table names that the run did not measure at all.
			['(rebuild: 400 sections)', 'the run', 'missing'],
		]);
	});

	test('ratios: an edit against the cold build, ours against Starlight; over the budget or missing, named', () => {
		const rebuild = (editToCold: number): { name: string; seconds: Record<string, number>; ratios?: Record<string, number> }[] => [
			{ name: 'the article', seconds: { cold: 5, warm: 3 } },
			{ name: '400 sections', seconds: { cold: 20, edit: 20 * editToCold }, ratios: { editToCold } },
		];
		expect(checkTimings(BUDGETS, 'rebuild', rebuild(0.15))).toEqual([]);
		expect(checkTimings(BUDGETS, 'rebuild', rebuild(0.4))).toEqual([{ page: '(rebuild: 400 sections)', metric: 'editToCold', value: 0.4, budget: 0.2 }]);
		const peers = (ratios: Record<string, number>) => checkTimings(BUDGETS, 'peers', [{ name: '400 sections', ratios }]).map((b) => [b.metric, b.value]);
		expect(peers({ coldToStarlight: 0.9, peakMemoryToStarlight: 1 })).toEqual([]);
		expect(peers({ coldToStarlight: 2.75, peakMemoryToStarlight: NaN })).toEqual([
			['coldToStarlight', 2.75],
			['peakMemoryToStarlight', 'missing'],
		]);
		// A length no rule names is measured, not budgeted; one a rule names and the run left out fails.
		const other = checkTimings(BUDGETS, 'peers', [{ name: '40 sections', ratios: { coldToStarlight: 3 } }]);
		expect(other.map((b) => [b.page, b.metric, b.value])).toEqual([['(peers: 400 sections)', 'the run', 'missing']]);
	});

	test('scaling needs three sizes: with fewer, the budget fails saying what is missing', () => {
		expect(checkScale(BUDGETS, [scaleRow(4, 5), scaleRow(40, 10), scaleRow(400, 55)])).toEqual([]);
		const [broken] = checkScale(BUDGETS, [scaleRow(40, 10)]);
		expect(broken).toMatchObject({ metric: 'article sizes built', value: '1 (40)' });
		expect(checkScale(BUDGETS, [scaleRow(4, 5), scaleRow(40, 10), scaleRow(400, NaN)]).map((b) => b.value)).toEqual(['missing']);
	});

	test('where the time goes: a step missing from the log, or a page of no known kind, fails', () => {
		const phases = Object.fromEntries(LOGGED_STEPS.map((name, i) => [name, i + 0.5]));
		expect(checkSteps([{ sections: 4, steps: { phases, unclassified: [] } }])).toEqual([]);
		const { precompress: _, ...without } = phases;
		expect(checkSteps([{ sections: 4, steps: { phases: without, unclassified: [] } }])).toEqual([expect.objectContaining({ metric: 'precompress seconds', value: 'missing' })]);
		expect(checkSteps([{ sections: 40, steps: { phases, unclassified: ['/feed.rss'] } }])).toEqual([expect.objectContaining({ metric: 'pages of no known kind', value: '1 (/feed.rss)' })]);
	});
});
