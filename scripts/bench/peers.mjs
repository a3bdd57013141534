#!/usr/bin/env node
/**
 * `npm run bench:peers`: our site beside Starlight on the same article, measured here, the same
 * way, in one run. The issue that asked for it quoted Starlight at about 2.4 s for a cold build
 * and 170 ms from saving an edit to seeing it; figures from elsewhere, on another machine and
 * another article, cannot be weighed against ours, so this builds a stock Starlight site
 * (`bench/peers/starlight/`: Astro and Starlight at pinned versions, nothing added) with our
 * article's words and times both projects side by side, interleaved (ours, Starlight, ours, …):
 *
 * - cold build: `astro build` with a fresh, empty cache folder (`ASTRO_CACHE_DIR`), as
 *   `timedBuild` in build.mjs times ours; warm rebuild: the same build again, same cache;
 * - the author's loop in headless Chromium, as dev.mjs measures ours: from starting `astro dev`
 *   to the first page served, then from saving a changed sentence of the first section to the
 *   open page showing it, several edits apart (the first edit after start, then the median of
 *   the later ones).
 *
 * Starlight is installed with `npm ci` from its lockfile into `tmp/peer-starlight-<hash>/` (kept,
 * and reused while the lockfile is the same). Its pages are written from our content (CONTENT_DIR,
 * or content/) by the project's own Markdown export (`mdxToMarkdown`: our components dropped,
 * their words kept, the pull quote as a block quote), one page per section in reading order;
 * every Starlight build is checked to hold one page per section and the introduction, each with
 * exactly the author's words of its file, as our parser reads them (`authorText`). Edits go to
 * copies, never to content/. Prints a table of medians; writes every figure to tmp/bench-peers.json.
 *
 *   npm run bench:peers                  3 runs of each measurement
 *   npm run bench:peers -- --runs 1      one run (about two minutes with the 400 sections, once Starlight is installed)
 *   npm run bench:peers -- --edits 5     edits per dev loop (default 5, 1.5 s apart)
 *   npm run bench:peers -- --sections 40 the synthetic article's length (default 400; 0: none)
 *   npm run bench:peers -- --keep        keep the builds and copies (tmp/bench-peers-*)
 *
 * Then the same at length: the synthetic article of `npm run bench:scale` (400 sections by
 * default), its text written as Starlight pages the same way and checked word for word, built
 * cold by both projects, interleaved: each build's time and peak memory (Node, and with every
 * process it started: both run Pagefind's indexer).
 *
 * Then checks the `peers` budgets of bench/budgets.json (ours ÷ Starlight: the article's cold
 * build; the long article's cold build and peak memory) and exits 1 naming every broken one.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build as esbuild } from 'esbuild';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { chromium } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { stringify as toYaml } from 'yaml';
import { median, timedBuild } from './build.mjs';
import { BUDGETS_FILE, checkTimings, readBudgets } from './budgets.mjs';
import { CHROME_ARGS, CHROME_PATH, assertChrome } from './chrome.mjs';
import { replaceInFile, serveDev, startDev } from './dev.mjs';
import { fileFor, sitePages } from './dist.mjs';
import { printBudgets } from './report.mjs';
import { ROOT, astroEnv, bodyOf, bundleOptions, frontmatterOf, remove, workFolder } from './project.mjs';
import { writeSyntheticContent } from './synthetic.mjs';

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		edits: { type: 'string', default: '5' },
		sections: { type: 'string', default: '400' },
		keep: { type: 'boolean', default: false },
	},
});
const runs = Math.max(1, Number(args.runs));
/** The synthetic articles (bench:scale's) both projects also build, cold: `--sections 400,40`, or 0 for none. */
const lengths = args.sections.split(',').map(Number).filter((n) => n !== 0);
if (lengths.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sections wants positive whole numbers (or 0), got ${args.sections}`);
const edits = Math.max(2, Number(args.edits));
/** Between one edit showing and the next save (and between the page loading and the first). */
const EDIT_GAP_MS = 1500;

const CONTENT = process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : path.join(ROOT, 'content');
const PEER = path.join(ROOT, 'bench/peers/starlight');
const JSON_FILE = path.join(ROOT, 'tmp/bench-peers.json');

const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;
const relative = (dir) => path.relative(process.cwd(), dir);

/**
 * The project's own Markdown export and text reading. astro-long-read's `build/export/markdown.ts` imports its
 * neighbours without extensions, which Node's type stripping cannot resolve, so esbuild bundles it
 * with astro-long-read's `parse.ts` and `text.ts` into one module in `dir` (inside the project, so npm packages,
 * left as imports, resolve from its node_modules), as micro.mjs does for the timeline.
 * @param {string} dir
 * @returns {Promise<{ mdxToMarkdown: (body: string, file: string) => string, parseArticle: (body: string) => import('mdast').Root, authorText: (tree: import('mdast').Root) => string, flat: (text: string) => string }>}
 */
async function loadMarkdown(dir) {
	const entry = path.join(dir, 'markdown-entry.ts');
	const modules = ['packages/astro-long-read/src/build/export/markdown.ts', 'packages/astro-long-read/src/content/markdown/parse.ts', 'packages/astro-long-read/src/content/markdown/text.ts'];
	await writeFile(entry, modules.map((module) => `export * from ${JSON.stringify(path.join(ROOT, module))};\n`).join(''));
	const outfile = path.join(dir, 'markdown.mjs');
	await esbuild({ entryPoints: [entry], outfile, ...bundleOptions() });
	return import(pathToFileURL(outfile).href);
}

/**
 * The article as our content declares it: the introduction, then the sections in reading order
 * (`order`), each with its URL's slug (`slug`, or the file name, as the site gives it), title and body.
 * @returns {Promise<Array<{ file: string, slug: string, title: string, order: number, body: string }>>}
 */
async function readArticle(content = CONTENT) {
	const read = async (file) => {
		const source = await readFile(path.join(content, file), 'utf8');
		const data = frontmatterOf(source);
		return { file, slug: data.slug ?? path.basename(file, '.mdx'), title: data.title, order: data.order ?? 0, body: bodyOf(source) };
	};
	const sections = (await readdir(path.join(content, 'sections'))).filter((file) => file.endsWith('.mdx'));
	const entries = await Promise.all(sections.map((file) => read(path.join('sections', file))));
	return [{ ...(await read('introduction.mdx')), slug: '' }, ...entries.sort((a, b) => a.order - b.order)];
}

/**
 * Starlight's folder: `bench/peers/starlight/` with its dependencies installed by `npm ci`, in
 * `tmp/peer-starlight-<hash of package.json and package-lock.json>/`. An install with the same
 * hash is reused; others are removed. The project's files are copied again each time.
 * @returns {Promise<string>}
 */
async function installPeer() {
	const hash = createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) hash.update(await readFile(path.join(PEER, file)));
	const name = `peer-starlight-${hash.digest('hex').slice(0, 12)}`;
	const dir = path.join(ROOT, 'tmp', name);
	const copy = (to) => cp(PEER, to, { recursive: true, filter: (from) => !/[/\\](node_modules|\.astro|dist)$/.test(from) });
	await mkdir(path.join(ROOT, 'tmp'), { recursive: true });
	const stale = (await readdir(path.join(ROOT, 'tmp'))).filter((entry) => entry.startsWith('peer-starlight-') && entry !== name);
	await remove(...stale.map((entry) => path.join(ROOT, 'tmp', entry)));
	if (!existsSync(dir)) {
		const work = await workFolder('peer-starlight-');
		try {
			await copy(work);
			console.error(`Installing Starlight (npm ci) into ${relative(dir)} …`);
			// npm's own variables (set when this runs under `npm run`) would point npm at this project.
			const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
			const code = await new Promise((resolve, reject) => {
				const child = spawn('npm', ['ci', '--no-audit', '--no-fund'], { cwd: work, env, stdio: ['ignore', process.stderr, process.stderr] });
				child.on('error', reject);
				child.on('close', resolve);
			});
			if (code !== 0) throw new Error(`npm ci for Starlight failed (exit ${code})`);
			// Only a complete install gets the name that is reused.
			await rename(work, dir);
		} finally {
			await remove(work);
		}
	}
	await copy(dir);
	return dir;
}

/**
 * Writes Starlight's pages from the article: `index.mdx` from the introduction, `<slug>.mdx` per
 * section, each with its title and its place in the sidebar (`order`). Replaces what was there.
 * @returns {Promise<string>} the folder of the pages
 */
async function writePeerPages(peer, article, markdown) {
	const docs = path.join(peer, 'src/content/docs');
	await remove(docs);
	await mkdir(docs, { recursive: true });
	for (const entry of article) {
		const frontmatter = toYaml({ title: entry.title, sidebar: { order: entry.order } });
		await writeFile(path.join(docs, `${entry.slug || 'index'}.mdx`), `---\n${frontmatter}---\n\n${markdown.mdxToMarkdown(entry.body, entry.file)}\n`);
	}
	return docs;
}

/**
 * The text a Starlight page shows of its Markdown: its content area (`.sl-markdown-content`),
 * headings and their anchor links left out, as a browser lays it out, on one line.
 */
function shownText(html, flat) {
	let content;
	visit(fromHtml(html), 'element', (node) => {
		if (!content && /** @type {string[]} */ (node.properties.className ?? []).includes('sl-markdown-content')) content = node;
	});
	if (!content) throw new Error('no .sl-markdown-content in the page');
	visit(content, 'element', (node, index, parent) => {
		const heading = /^h[1-6]$/.test(node.tagName) || /** @type {string[]} */ (node.properties.className ?? []).includes('sl-heading-wrapper');
		if (heading && parent && index !== undefined) {
			parent.children.splice(index, 1);
			return index;
		}
	});
	return flat(toText(content));
}

/**
 * Checks a Starlight build: exactly the introduction and one page per section (and its 404 page),
 * each showing the author's words of its file, word for word. Throws, naming the first difference.
 */
async function checkPeerBuild(outDir, article, markdown) {
	const pages = (await sitePages(outDir)).filter((page) => page !== '/404.html').sort();
	const expected = article.map((entry) => (entry.slug ? `/${entry.slug}/` : '/')).sort();
	if (pages.join(' ') !== expected.join(' ')) {
		throw new Error(`Starlight built ${pages.length} pages (${pages.join(', ')}); expected ${expected.length}: ${expected.join(', ')}`);
	}
	for (const entry of article) {
		const page = entry.slug ? `/${entry.slug}/` : '/';
		const ours = markdown.authorText(markdown.parseArticle(entry.body)).split(' ');
		const theirs = shownText(await readFile(fileFor(outDir, '/', page), 'utf8'), markdown.flat).split(' ');
		const at = ours.findIndex((word, i) => word !== theirs[i]);
		if (at !== -1 || theirs.length !== ours.length) {
			const i = at === -1 ? ours.length : at;
			const around = (words) => words.slice(Math.max(0, i - 6), i + 6).join(' ');
			throw new Error(`Starlight's ${page} does not show the words of ${entry.file} (word ${i + 1} of ${ours.length}; it shows ${theirs.length}):\n  ours:      … ${around(ours)} …\n  Starlight: … ${around(theirs)} …`);
		}
	}
}

/**
 * Opens `url` in Chromium and saves `count` edits to `sentence` in `file`, each waiting until the
 * page's text shows it (`… (edit 1)`, then `… (edit 2)`, …), `EDIT_GAP_MS` apart.
 * @returns {Promise<number[]>} milliseconds from each save to the page showing it
 */
async function editsToScreen({ url, file, sentence, count }) {
	const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
	try {
		const page = await browser.newPage();
		await page.goto(url, { waitUntil: 'load' });
		const times = [];
		let shown = sentence;
		for (let k = 1; k <= count; k += 1) {
			await new Promise((resolve) => setTimeout(resolve, EDIT_GAP_MS));
			const next = `${sentence} (edit ${k})`;
			const started = process.hrtime.bigint();
			await replaceInFile(file, shown, next);
			await page.waitForFunction((wanted) => document.body.innerText.includes(wanted), next, { timeout: 30_000, polling: 'raf' });
			times.push(seconds(started) * 1000);
			shown = next;
		}
		return times;
	} finally {
		await browser.close();
	}
}

/** A failed dev loop's error, with what the dev server printed. */
const withOutput = (dev) => (error) => {
	throw new Error(`${error.message}\nastro dev printed:\n${dev.output().split('\n').slice(-40).join('\n')}`, { cause: error });
};

/** One project's figures from its runs: medians, and the runs themselves. */
function summarise(rows) {
	const of = (key) => median(rows.map((row) => row[key]));
	return { cold: of('cold'), warm: of('warm'), devStart: of('devStart'), firstEdit: of('firstEdit'), laterEdits: of('laterEdits'), runs: rows };
}

function printTable(results) {
	const headers = ['', 'cold build s', 'warm rebuild s', 'dev start s', 'first edit ms', 'later edits ms'];
	const rows = Object.entries(results).map(([name, r]) => [name, r.cold.toFixed(2), r.warm.toFixed(2), r.devStart.toFixed(2), Math.round(r.firstEdit), Math.round(r.laterEdits)].map(String));
	const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
	const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
	console.log(`\n## Ours beside Starlight (median of ${runs} run${runs > 1 ? 's' : ''}; edits: the first after start, then the median of the other ${edits - 1})\n`);
	console.log([line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
}

/** The synthetic articles' cold builds, both projects: median time, highest peak memory. */
function printLengths(rows) {
	const headers = ['sections', 'ours s', 'Starlight s', 'ours ÷ Starlight', 'ours peak MB (Node / all)', 'Starlight peak MB (Node / all)'];
	const lines = rows.map((r) => [
		String(r.sections),
		r.ours.seconds.toFixed(1),
		r.starlight.seconds.toFixed(1),
		(r.ours.seconds / r.starlight.seconds).toFixed(2),
		`${Math.round(r.ours.peakRssMB)} / ${Math.round(r.ours.peakTreeMB)}`,
		`${Math.round(r.starlight.peakRssMB)} / ${Math.round(r.starlight.peakTreeMB)}`,
	]);
	const widths = headers.map((header, i) => Math.max(header.length, ...lines.map((row) => row[i].length)));
	const line = (row) => row.map((cell, i) => cell.padStart(widths[i])).join('  ');
	console.log(`\n## At length: the synthetic article (npm run bench:scale's), cold builds (median of ${runs}; peak: the highest)\n`);
	console.log([line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n'));
}

/**
 * Ours over Starlight, the figures `peers` in bench/budgets.json bounds: the article's cold build,
 * and at each length the cold build and the peak memory of the build with its processes.
 */
function peerRatios(results, atLength) {
	return [
		{ name: 'the article', ratios: { coldToStarlight: results.ours.cold / results.starlight.cold } },
		...atLength.map((r) => ({
			name: `${r.sections} sections`,
			ratios: { coldToStarlight: r.ours.seconds / r.starlight.seconds, peakMemoryToStarlight: r.ours.peakTreeMB / r.starlight.peakTreeMB },
		})),
	];
}

// ———

assertChrome();
const started = Date.now();
const peer = await installPeer();
const work = await workFolder('bench-peers-');
const version = async (dir, name) => JSON.parse(await readFile(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
const machine = {
	node: process.version,
	cpus: os.cpus().length,
	cpu: os.cpus()[0]?.model,
	loadavg: os.loadavg(),
	ours: { astro: await version(ROOT, 'astro') },
	starlight: { astro: await version(peer, 'astro'), starlight: await version(peer, '@astrojs/starlight') },
	content: relative(CONTENT) || '.',
};
console.log(`Ours (Astro ${machine.ours.astro}) beside Starlight ${machine.starlight.starlight} (Astro ${machine.starlight.astro}) on ${machine.content}/: Node ${machine.node}, ${machine.cpus} × ${machine.cpu ?? 'CPU'}, load average ${machine.loadavg.map((n) => n.toFixed(1)).join(' ')}`);
if (machine.ours.astro !== machine.starlight.astro) console.log(`Note: not the same Astro; pin ${machine.ours.astro} in ${relative(PEER)}/package.json (and its lockfile) to compare like with like.`);

try {
	const markdown = await loadMarkdown(work);
	const article = await readArticle();
	const docs = await writePeerPages(peer, article, markdown);
	/** Each project's figures, run by run. @type {Record<'ours' | 'starlight', Array<Record<string, any>>>} */
	const measured = { ours: Array.from({ length: runs }, () => ({})), starlight: Array.from({ length: runs }, () => ({})) };

	// Builds: cold (fresh cache folder), then warm (the same cache), interleaved.
	for (let i = 0; i < runs; i += 1) {
		const dir = path.join(work, `build-${i + 1}`);
		const build = {
			ours: (outDir) => timedBuild({ outDir: path.join(dir, 'ours', outDir), cacheDir: path.join(dir, 'ours/cache'), contentDir: CONTENT }),
			starlight: (outDir) => timedBuild({ root: peer, outDir: path.join(dir, 'starlight', outDir), cacheDir: path.join(dir, 'starlight/cache') }),
		};
		for (const kind of ['cold', 'warm']) {
			for (const name of ['ours', 'starlight']) {
				const { seconds: time } = await build[name](kind);
				measured[name][i][kind] = time;
				console.error(`  run ${i + 1}: ${name} ${kind} build ${time.toFixed(2)} s`);
			}
			await checkPeerBuild(path.join(dir, 'starlight', kind), article, markdown);
		}
		if (!args.keep) await remove(dir);
	}

	// The author's loop: start, then edits to a sentence of the first section (the sentence
	// dev.mjs edits: the first marked one), on copies of the content.
	const [first] = article.slice(1);
	const sentence = /<S id="[^"]+">([^<]{20,}?)[.?!]/.exec(first.body)?.[1];
	if (!sentence) throw new Error(`${first.file}: no marked sentence to edit`);
	const pathname = `/${first.slug}/`;
	for (let i = 0; i < runs; i += 1) {
		const loops = {
			ours: async () => {
				await mkdir(path.join(work, `dev-${i + 1}-ours`));
				const dev = await startDev({ work: path.join(work, `dev-${i + 1}-ours`), content: CONTENT, pathname });
				try {
					const times = await editsToScreen({ url: `${dev.origin}${pathname}`, file: path.join(dev.contentDir, first.file), sentence, count: edits }).catch(withOutput(dev));
					return { devStart: dev.startSeconds, times };
				} finally {
					await dev.stop();
				}
			},
			starlight: async () => {
				const dev = await serveDev({ root: peer, env: astroEnv({ ASTRO_CACHE_DIR: path.join(work, `dev-${i + 1}-starlight`, 'cache') }), pathname });
				try {
					const times = await editsToScreen({ url: `${dev.origin}${pathname}`, file: path.join(docs, `${first.slug}.mdx`), sentence, count: edits }).catch(withOutput(dev));
					return { devStart: dev.startSeconds, times };
				} finally {
					await dev.stop();
					// Its pages as the content has them again, without the edits.
					await writePeerPages(peer, article, markdown);
				}
			},
		};
		for (const name of ['ours', 'starlight']) {
			const { devStart, times } = await loops[name]();
			Object.assign(measured[name][i], { devStart, firstEdit: times[0], laterEdits: median(times.slice(1)), edits: times });
			console.error(`  run ${i + 1}: ${name} dev start ${devStart.toFixed(2)} s, edits ${times.map(Math.round).join(', ')} ms`);
		}
	}

	const results = { ours: summarise(measured.ours), starlight: summarise(measured.starlight) };
	printTable(results);

	// At length: the synthetic article, cold builds, interleaved.
	const atLength = [];
	for (const n of lengths) {
		const content = path.join(work, `length-${n}`, 'content');
		await writeSyntheticContent(content, n);
		const long = await readArticle(content);
		await writePeerPages(peer, long, markdown);
		const builds = { ours: [], starlight: [] };
		for (let i = 0; i < runs; i += 1) {
			const dir = path.join(work, `length-${n}`, `build-${i + 1}`);
			const build = {
				ours: () => timedBuild({ outDir: path.join(dir, 'ours/dist'), cacheDir: path.join(dir, 'ours/cache'), contentDir: content }),
				starlight: () => timedBuild({ root: peer, outDir: path.join(dir, 'starlight/dist'), cacheDir: path.join(dir, 'starlight/cache') }),
			};
			for (const name of ['ours', 'starlight']) {
				const { seconds: time, peakRssMB, peakTreeMB } = await build[name]();
				builds[name].push({ seconds: time, peakRssMB, peakTreeMB });
				console.error(`  ${n} sections, run ${i + 1}: ${name} cold build ${time.toFixed(2)} s, peak ${Math.round(peakRssMB)} MB (${Math.round(peakTreeMB)} MB with its processes)`);
			}
			await checkPeerBuild(path.join(dir, 'starlight/dist'), long, markdown);
			if (!args.keep) await remove(dir);
		}
		const of = (rows, key) => median(rows.map((row) => row[key]));
		const summary = (rows) => ({ seconds: of(rows, 'seconds'), peakRssMB: Math.max(...rows.map((row) => row.peakRssMB)), peakTreeMB: Math.max(...rows.map((row) => row.peakTreeMB)), runs: rows });
		atLength.push({ sections: n, ours: summary(builds.ours), starlight: summary(builds.starlight) });
	}
	if (lengths.length) {
		// Starlight's pages as the article has them again.
		await writePeerPages(peer, article, markdown);
		printLengths(atLength);
	}
	const violations = checkTimings(await readBudgets(), 'peers', peerRatios(results, atLength));
	await writeFile(JSON_FILE, JSON.stringify({ machine, runs, edits, editGapMs: EDIT_GAP_MS, sentence, ...results, atLength, violations }, null, '\t'));
	console.log(`\nEvery figure: ${relative(JSON_FILE)}.`);
	printBudgets(violations, BUDGETS_FILE, (Date.now() - started) / 1000);
	if (violations.length) process.exitCode = 1;
} finally {
	if (!args.keep) await remove(work);
}
