/**
 * Points the build cache (`cache.ts`) at Astro's cache folder (`cacheDir`, `node_modules/.astro` unless
 * configured), where rebuilds find what expensive steps (images drawn per page, compressed copies) made before.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { setCacheRoot } from './cache';

export function buildCache(): AstroIntegration {
	return {
		name: 'build-cache',
		hooks: {
			'astro:config:done': ({ config }) => setCacheRoot(path.join(fileURLToPath(config.cacheDir), 'astro-long-read')),
		},
	};
}
