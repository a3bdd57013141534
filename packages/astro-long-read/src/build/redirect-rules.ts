/**
 * Writes the redirects of former section URLs for every kind of host (`redirects.ts`):
 * `_redirects` for Netlify and Cloudflare Pages, and the files nginx, Caddy and Apache
 * configurations include. The list comes from the page model, derived as the pages rendered.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { announcedRedirects, redirectFiles } from './redirects';

export function redirectRules(): AstroIntegration {
	let base = '/';
	return {
		name: 'redirect-rules',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': async ({ dir, logger }) => {
				const redirects = announcedRedirects();
				const files = redirectFiles(redirects, base.endsWith('/') ? base : `${base}/`);
				await Promise.all(Object.entries(files).map(([name, text]) => writeFile(new URL(name, dir), text)));
				logger.info(`wrote ${Object.keys(files).join(', ')}: ${redirects.length} former URLs`);
			},
		},
	};
}
