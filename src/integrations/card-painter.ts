/**
 * Draws the social cards in worker threads during `astro build` (`src/lib/card-painter.ts`):
 * started with the build, so their start-up overlaps the bundling, and stopped when it is done.
 */
import type { AstroIntegration } from 'astro';
import { type Painter, startPainter } from '../lib/card-painter';

export function cardPainter(): AstroIntegration {
	let running: Painter | undefined;
	return {
		name: 'card-painter',
		hooks: {
			'astro:build:start': () => {
				// Node runs the drawing module as it is: this file is the one place that knows where it is.
				running = startPainter(new URL('../lib/card-draw.ts', import.meta.url));
			},
			'astro:build:done': async () => {
				await running?.close();
				running = undefined;
			},
		},
	};
}
