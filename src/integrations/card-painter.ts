/**
 * Draws the social cards in worker threads during `astro build` (`src/lib/card-painter.ts`):
 * started with the build, so their start-up overlaps the bundling, and stopped when it is done.
 */
import type { AstroIntegration } from 'astro';
import { hasCached } from 'astro-long-read/cache';
import { CARD_CACHE, type Painter, startPainter } from '../lib/card-painter';

export function cardPainter(): AstroIntegration {
	let running: Painter | undefined;
	return {
		name: 'card-painter',
		hooks: {
			'astro:build:start': () => {
				// Node runs the drawing module as it is: this file is the one place that knows where it is.
				// A cold build starts every thread at once; a rebuild, one when a card is not in the cache.
				running = startPainter(new URL('../lib/card-draw.ts', import.meta.url), { eager: !hasCached(CARD_CACHE) });
			},
			'astro:build:done': async () => {
				await running?.close();
				running = undefined;
			},
		},
	};
}
