/**
 * Writes `_headers` (Netlify and Cloudflare Pages) into the built site from the one definition
 * in `security.ts`, so the header policy and the pages' `<meta>` policy cannot drift.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { type Sources, headersFile } from './security';

export function securityHeaders(sources: Sources): AstroIntegration {
	let assetsDir = '_astro';
	return {
		name: 'security-headers',
		hooks: {
			'astro:config:done': ({ config }) => {
				assetsDir = config.build.assets;
			},
			'astro:build:done': async ({ dir, logger }) => {
				await writeFile(new URL('_headers', dir), headersFile(assetsDir, sources));
				logger.info('wrote _headers');
			},
		},
	};
}
