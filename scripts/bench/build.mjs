/**
 * Builds the production site (`astro build`, what `npm run build` runs) into a temporary folder
 * of the benchmark's own under `os.tmpdir()` (never the shared `dist/`), timing it and sampling
 * its peak memory.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(ROOT, 'node_modules/astro/astro.js');

/** A fresh folder under the system's temporary directory. */
export function workFolder(prefix = 'bench-') {
	return mkdtemp(path.join(os.tmpdir(), `rtp-${prefix}`));
}

/** VmRSS of one process in KiB, or 0 once it has gone (or where /proc is missing). */
function rssKiB(pid) {
	try {
		return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
	} catch {
		return 0;
	}
}

/** The direct children of a process: the union of `/proc/<pid>/task/<tid>/children` over its threads. */
function childrenOf(pid) {
	const out = [];
	try {
		for (const tid of readdirSync(`/proc/${pid}/task`)) {
			try {
				for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) if (child) out.push(Number(child));
			} catch {
				// The thread ended while we looked.
			}
		}
	} catch {
		// The process ended while we looked.
	}
	return out;
}

/**
 * The resident memory of a process tree in KiB: the build's Node process plus everything it
 * started (Pagefind's indexer is a separate binary, esbuild a Go service), each found through
 * `/proc/<pid>/task/*\/children` and each counted by its VmRSS from `/proc/<pid>/status`.
 * Summing RSS counts pages shared between processes (libc, …) more than once, so this is an
 * upper bound of what the tree holds at that instant.
 */
export function treeRssKiB(rootPid) {
	let total = 0;
	const seen = new Set();
	const stack = [rootPid];
	while (stack.length) {
		const pid = stack.pop();
		if (seen.has(pid)) continue;
		seen.add(pid);
		total += rssKiB(pid);
		stack.push(...childrenOf(pid));
	}
	return total;
}

/**
 * Runs one cold build (its own cache folder) and returns its wall-clock seconds and peak memory.
 *
 * Peak memory: there is no portable way to ask the kernel for the peak of a whole process tree
 * (getrusage's RUSAGE_CHILDREN reports the largest single child, and only after it has been
 * reaped), so a timer polls the tree every 100 ms while the build runs: for the build's pid and,
 * recursively, the children listed in `/proc/<pid>/task/<tid>/children`, it sums VmRSS from
 * `/proc/<pid>/status`, and keeps the largest sum seen. A spike shorter than 100 ms can be
 * missed; the figure is a sampled peak of the tree, not an exact one. Linux only (0 elsewhere).
 *
 * @param {{ outDir: string, cacheDir: string, contentDir?: string, timeoutMs?: number }} options
 * @returns {Promise<{ ok: boolean, timedOut: boolean, code: number | null, seconds: number, peakRssMB: number, output: string }>}
 */
export async function timedBuild({ outDir, cacheDir, contentDir, timeoutMs }) {
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: cacheDir, NO_COLOR: '1', FORCE_COLOR: '0' };
	// Vite's own variables (present when this runs under Vitest or vite-node) must not reach the build,
	// nor a deploy's settings from the caller's shell.
	for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_PATH', 'SITE_URL', 'CONTENT_DIR', 'SITE', 'ASSETS_PREFIX']) delete env[key];
	if (contentDir) env.CONTENT_DIR = contentDir;

	const started = process.hrtime.bigint();
	// Its own process group (detached), so a timeout can end the build and whatever it started.
	const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', outDir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	let peak = 0;
	const sample = () => {
		peak = Math.max(peak, treeRssKiB(child.pid));
	};
	const sampler = setInterval(sample, 100);
	let timedOut = false;
	const timer = timeoutMs
		? setTimeout(() => {
				timedOut = true;
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}, timeoutMs)
		: undefined;
	const code = await new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	clearInterval(sampler);
	clearTimeout(timer);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return { ok: code === 0 && !timedOut, timedOut, code, seconds, peakRssMB: (peak * 1024) / 1e6, output };
}

/** Removes a folder and everything in it. */
export const remove = (dir) => rm(dir, { recursive: true, force: true });

/** The median of numbers. */
export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
