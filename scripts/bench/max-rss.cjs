/**
 * Preloaded into the build (`node --require scripts/bench/max-rss.cjs astro.mjs build`): when the
 * process exits, writes its peak resident set size (getrusage's ru_maxrss, in KiB, exact, as
 * the kernel counts it) to the file named by BENCH_MAX_RSS_FILE. It covers the Node process
 * that runs Astro and Vite; child processes (Pagefind's binary) are sampled by the parent.
 */
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
	// Only the build itself, not processes it spawns with the same environment.
	delete process.env.BENCH_MAX_RSS_FILE;
	process.on('exit', () => {
		try {
			writeFileSync(file, String(process.resourceUsage().maxRSS));
		} catch {
			// Nothing to report with: the parent falls back to its samples.
		}
	});
}
