/** An integration that works on the built site, once `astro build` has written it. */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** `work` gets the output folder as a path, whatever `outDir` is, and the integration's logger. */
export const afterBuild = (name: string, work: (site: string, logger: AstroIntegrationLogger) => Promise<void>): AstroIntegration => ({
	name,
	hooks: { 'astro:build:done': ({ dir, logger }) => work(fileURLToPath(dir), logger) },
});
