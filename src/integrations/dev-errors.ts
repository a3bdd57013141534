/**
 * In `astro dev`, a content file that an edit broke reloads the open pages, which then show
 * Astro's error overlay naming the file and the field (src/lib/content-errors.ts).
 */
import type { AstroIntegration } from 'astro';
import { onFailureReload } from '../lib/content-errors';

export function devErrors(): AstroIntegration {
	return {
		name: 'dev-content-errors',
		hooks: {
			'astro:server:setup': ({ server }) => onFailureReload(() => server.ws.send({ type: 'full-reload', path: '*' })),
		},
	};
}
