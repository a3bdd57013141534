/**
 * Builds the production site into a folder of the benchmark's own (never the shared `dist/`),
 * timing it and measuring its memory in two ways:
 * - `peakRssMB`: the build's Node process's peak resident set size, exact (getrusage's
 *   ru_maxrss, reported by `max-rss.cjs`, which the build preloads with `node --require`);
 * - `peakTreeMB`: the peak of the build's RSS and the memory of its own of every process it
 *   started (Pagefind's indexer is a separate binary), sampled from /proc every 50 ms on Linux.
 * This is what `npm run build` runs (`astro build`), with `--outDir` pointed elsewhere.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, astroEnv, astroOf } from './project.mjs';

const MAX_RSS = path.join(import.meta.dirname, 'max-rss.cjs');

/**
 * A child's own memory (KiB): the pages no other process shares (`Private_Clean` + `Private_Dirty`
 * of /proc/PID/smaps_rollup), its VmRSS where that cannot be read. Not its RSS: a child caught
 * between fork and exec shares every page of the build it was forked from, and its RSS counts the
 * build a second time: the likely cause of the 520 MB by which one 400-section run's tree once
 * exceeded its Node process (no child of its own came near that size when sampled).
 * @param {number} pid
 * @param {number} rss
 */
function ownKiB(pid, rss) {
	try {
		const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
		const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
		return field('Private_Clean') + field('Private_Dirty');
	} catch {
		return rss;
	}
}

/**
 * The memory (KiB) of a process and all its descendants, from /proc: the process's RSS and each
 * descendant's own pages (`ownKiB`); 0 where /proc is missing.
 */
function treeRssKiB(rootPid) {
	if (!existsSync('/proc/self/status')) return 0;
	/** @type {Map<number, number[]>} */
	const children = new Map();
	/** @type {Map<number, number>} */
	const rss = new Map();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const status = readFileSync(`/proc/${name}/status`, 'utf8');
			const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
			rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid).push(Number(name));
		} catch {
			// The process ended while we looked.
		}
	}
	let total = rss.get(rootPid) ?? 0;
	const stack = [...(children.get(rootPid) ?? [])];
	while (stack.length) {
		const pid = stack.pop();
		total += ownKiB(pid, rss.get(pid) ?? 0);
		stack.push(...(children.get(pid) ?? []));
	}
	return total;
}

/**
 * @param {{ outDir: string, cacheDir: string, contentDir?: string, base?: string, root?: string, env?: Record<string, string> }} options
 * `root`: the Astro project to build (this one by default; the benchmark's peers are others),
 * with its own `node_modules/astro`; `env`: more variables for the build (`BUILD_CONCURRENCY`).
 * @returns {Promise<{ seconds: number, peakRssMB: number, peakTreeMB: number, output: string }>}
 */
export async function timedBuild({ outDir, cacheDir, contentDir, base, root = ROOT, env: more = {} }) {
	const rssFile = path.join(path.dirname(outDir), `max-rss-${process.hrtime.bigint()}.txt`);
	await mkdir(path.dirname(outDir), { recursive: true });
	const env = astroEnv({ CONTENT_DIR: contentDir || undefined, BASE_PATH: base || undefined, ASTRO_CACHE_DIR: cacheDir, BENCH_MAX_RSS_FILE: rssFile, ...more });

	const started = process.hrtime.bigint();
	const child = spawn(process.execPath, ['--require', MAX_RSS, astroOf(root), 'build', '--outDir', outDir], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	let peakTree = 0;
	const sampler = setInterval(() => {
		peakTree = Math.max(peakTree, treeRssKiB(child.pid));
	}, 50);
	const code = await new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	clearInterval(sampler);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (code !== 0) throw new Error(`The build failed (exit ${code}):\n${output.split('\n').slice(-40).join('\n')}`);
	const maxRss = Number(await readFile(rssFile, 'utf8').catch(() => '0'));
	await rm(rssFile, { force: true });
	return { seconds, peakRssMB: maxRss / 1024, peakTreeMB: Math.max(peakTree, maxRss) / 1024, output };
}

/** The median of numbers. */
export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
