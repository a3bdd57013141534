/**
 * A micro-benchmark of the timeline's own work, without a build: `buildTimeline` (the model),
 * `chartLayout` (the picture on /timeline/, at both widths) and, per page, what each section
 * page computes (`timelineGroups` for its entries and `stripLayout` at both widths, scoped as the
 * page scopes it: every era up to 12 sections, its own beyond).
 *
 * The modules are TypeScript with extensionless imports, which Node cannot import as they are.
 * esbuild (installed with Vite, which Astro uses) bundles astro-long-read's `model/timeline.ts`
 * and `model/timeline-groups.ts`, the two layouts of its `show/chart/` and the plot widths of
 * `src/site.config.ts` into one ES module in a temp
 * folder inside the project, leaving npm packages (edtf, d3) as imports; we import that. No
 * loader, no Vite server, the same code the build runs, at the widths the site uses.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT, bundleOptions } from './project.mjs';
import { sectionSource } from './synthetic.mjs';

async function loadModules(dir) {
	const entry = path.join(dir, 'entry.ts');
	const modules = ['packages/astro-long-read/src/model/timeline.ts', 'packages/astro-long-read/src/model/timeline-groups.ts', 'packages/astro-long-read/src/show/chart/chart-layout.ts', 'packages/astro-long-read/src/show/chart/strip-layout.ts', 'src/site.config.ts'];
	await writeFile(entry, modules.map((module) => `export * from ${JSON.stringify(path.join(ROOT, module))};\n`).join(''));
	const outfile = path.join(dir, 'timeline.mjs');
	await build({ entryPoints: [entry], outfile, ...bundleOptions() });
	return import(pathToFileURL(outfile).href);
}

/** Median time of `fn` in ms: runs it until 300 ms (at least 3 times) after one warm-up run. */
function time(fn) {
	fn();
	const samples = [];
	const until = performance.now() + 300;
	while (samples.length < 3 || performance.now() < until) {
		const start = performance.now();
		fn();
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	return samples[Math.floor(samples.length / 2)];
}

/**
 * @param {number[]} sizes numbers of sections (5 events each)
 * @returns {Promise<Array<{ sections: number, events: number, build: number, chart: number, page: number, allPages: number }>>}
 */
export async function microBenchmark(sizes) {
	await mkdir(path.join(ROOT, 'tmp'), { recursive: true });
	const dir = await mkdtemp(path.join(ROOT, 'tmp', 'bench-micro-'));
	try {
		const lib = await loadModules(path.join(dir));
		const rows = [];
		for (const n of sizes) {
			const sources = [
				{ id: 'introduction', file: 'introduction.mdx', title: 'Introduction', href: '/', events: [{ id: 'undated-event', label: 'Undated', when: 'For years', sentence: 'undated-sentence' }] },
				...Array.from({ length: n }, (_, i) => sectionSource(i)),
			];
			const options = { published: '2022-04', timelineHref: '/timeline/' };
			const timeline = lib.buildTimeline(sources, options);
			const build = time(() => lib.buildTimeline(sources, options));
			const chart = time(() => {
				for (const variant of lib.PLOT_VARIANTS) lib.chartLayout(timeline, lib.PLOT[variant]);
			});
			// One section page's share (its own entries, the strip at both widths); every page does it.
			const era = timeline.eras[Math.floor(timeline.eras.length / 2)].id;
			const page = time(() => {
				const scope = lib.stripScope(timeline, era);
				lib.timelineGroups(timeline, era);
				for (const variant of lib.PLOT_VARIANTS) lib.stripLayout(timeline, { minWidth: lib.PLOT[variant].minWidth, current: era, labels: lib.STRIP_LABELS[variant], scope });
			});
			rows.push({ sections: n, events: timeline.events.length, build, chart, page, allPages: page * n });
		}
		return rows;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
