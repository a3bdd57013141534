/**
 * The benchmark's account of where a build's time goes (scripts/bench/steps.mjs) reads a real
 * build's log whole: a build one page at a time, as the benchmark runs it, gives every step's time
 * and attributes every page Astro wrote to a kind, with as many of each kind as the site has.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkSteps } from '../../scripts/bench/budgets.mjs';
import { timedBuild } from '../../scripts/bench/build.mjs';
import { remove, workFolder } from '../../scripts/bench/project.mjs';
import { PAGE_KINDS, buildSteps } from '../../scripts/bench/steps.mjs';
import { declaredSections } from '../helpers/build';

let work: string;
let steps: ReturnType<typeof buildSteps>;
let files: string[];
beforeAll(async () => {
	work = await workFolder('steps-');
	const outDir = path.join(work, 'dist');
	const build = await timedBuild({ outDir, cacheDir: path.join(work, 'cache'), env: { BUILD_CONCURRENCY: '1' } });
	steps = buildSteps(build.output);
	files = (await readdir(outDir, { recursive: true })).map((file) => `/${file}`);
});
afterAll(() => remove(work));

test('every step has its time in the log, and every page a kind', () => {
	expect(checkSteps([{ sections: 0, steps }])).toEqual([]);
	expect(steps.unclassified).toEqual([]);
});

test('each kind counts the pages the site has of it', async () => {
	const count = (kind: string) => steps.pages[kind]!.count;
	const sections = await declaredSections();
	for (const [kind] of PAGE_KINDS) expect(count(kind), kind).toBeGreaterThan(0);
	expect(count('social cards')).toBe(files.filter((file) => /^\/og\/.*\.png$/.test(file)).length);
	expect(count('EPUB')).toBe(files.filter((file) => file.endsWith('.epub')).length);
	expect(count('Markdown copies and llms.txt')).toBe(files.filter((file) => /\.md$|^\/llms(-full)?\.txt$/.test(file)).length);
	expect(count('reading and other pages')).toBeGreaterThanOrEqual(sections.length + 1);
	const total = PAGE_KINDS.reduce((sum, [kind]) => sum + count(kind), 0);
	expect(total).toBe(files.filter((file) => /\.(html|md|png|epub|bib|ris|json|txt)$/.test(file) && !file.startsWith('/pagefind/') && !file.startsWith('/_astro/') && !/^\/_redirects|^\/_headers/.test(file)).length);
});
