/**
 * An integration that works on the built site, once `astro build` has written it. Its one line
 * in the build's log says what it did and how long it took (`[precompress] wrote … in 0.62 s`),
 * which the benchmark reads to report the cost of each step (`scripts/bench/steps.mjs`).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** `work` gets the output folder as a path, whatever `outDir` is, and returns what it did. */
export const afterBuild = (name: string, work: (site: string) => Promise<string>): AstroIntegration => ({
	name,
	hooks: {
		'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
			const started = performance.now();
			const done = await work(fileURLToPath(dir));
			logger.info(`${done} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
		},
	},
});
