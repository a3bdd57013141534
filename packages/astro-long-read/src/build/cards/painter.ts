/**
 * Draws the social cards in worker threads during `astro build` (`card-painter.ts`): started with
 * the build, so their start-up overlaps the bundling, and stopped when it is done.
 */
import type { AstroIntegration } from 'astro';
import { hasCached } from '../cache';
import { CARD_CACHE, type Painter, startPainter } from './card-painter';

/**
 * The drawing module, which the worker threads run as it is (Node strips its types): this file,
 * loaded with the config and never bundled, is the one place that knows where it is.
 */
export const DRAWING_MODULE = new URL('./card-draw.ts', import.meta.url);

export function cardPainter(): AstroIntegration {
	let running: Painter | undefined;
	return {
		name: 'card-painter',
		hooks: {
			'astro:build:start': () => {
				// A cold build starts every thread at once; a rebuild, one when a card is not in the cache.
				running = startPainter(DRAWING_MODULE, { eager: !hasCached(CARD_CACHE) });
			},
			'astro:build:done': async () => {
				await running?.close();
				running = undefined;
			},
		},
	};
}
