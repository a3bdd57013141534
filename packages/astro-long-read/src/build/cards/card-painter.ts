/**
 * In `astro build`, the social cards are drawn in worker threads (a Piscina pool), beside the
 * build's own work instead of after it: the card-painter integration starts the pool when the
 * build starts (each thread's fonts and layout engine are ready by the time pages render) and
 * stops it when the build is done. Pages reach it through `painter()`; without one (tests,
 * `astro dev`) cards are drawn in-process.
 *
 * The integration and the pages are two copies of this module (Astro loads the config on its own,
 * and bundles the pages), so the painter lives on `globalThis`, under a registered symbol.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { CardJob } from './card-draw';

export interface Painter {
	paint(job: CardJob): Promise<Uint8Array>;
	close(): Promise<void>;
}

/** The cache folder of the cards' PNGs (astro-long-read's build cache). */
export const CARD_CACHE = 'social-cards';

const KEY = Symbol.for('astro-long-read.card-painter');
const registry = globalThis as { [KEY]?: Painter };

/** The build's painter, if one is running. */
export const painter = (): Painter | undefined => registry[KEY];

/**
 * Up to four threads, one per core: two on two cores still gain, since the pages wait for their
 * cards (a build of 120 sections: 35.6 s drawing in-process, 29.6 s with one thread, 27.3 s with
 * two), and each thread costs about 80 MB.
 */
const THREADS = Math.min(4, availableParallelism());

/**
 * Starts workers on `file` (card-draw.ts, as Node runs it) and makes them the build's painter.
 * `eager`: all `threads` start at once and draw a first small card, which a cold build wants (its
 * cards then start without satori's start-up); a rebuild, whose cards are mostly in the cache,
 * starts a thread only for a card it must draw (eager, that start-up cost a warm rebuild 0.35 s).
 */
export function startPainter(file: URL, { threads = THREADS, eager = true }: { threads?: number; eager?: boolean } = {}): Painter {
	// Each PNG's pixels (about 3 MB, resvg's) are freed when the garbage collector finalises their
	// JavaScript handle, which needs the thread's event loop to turn between cards. Piscina's
	// default waits for the next task with Atomics.wait, which never lets it: a build of 120
	// sections grew to 1.3 GB instead of 0.8 GB. So the workers take their tasks as messages.
	// Those pixels live outside the JavaScript heap, so they never hasten a collection: a young
	// generation of 2 MB (V8's default is several times that) makes each thread collect often. 400
	// sections peaked at 1,056–1,135 MB instead of 1,173–1,260 MB, for 0.5–1 s more (about 4 %) on 2 cores.
	const pool = new Piscina({
		filename: file.href,
		minThreads: eager ? threads : 0,
		maxThreads: threads,
		atomics: 'disabled',
		resourceLimits: { maxYoungGenerationSizeMb: 2 },
	});
	if (eager) for (let thread = 0; thread < threads; thread += 1) pool.run(undefined, { name: 'warmUp' }).catch(() => undefined);
	// sharp (which writes the PNGs) held by this thread too, as its documentation asks of worker
	// threads: otherwise glibc may unload its libraries when the last worker stops, under a thread
	// that still uses them.
	const sharp = import('sharp').catch(() => undefined);
	let closed = false;
	const painter: Painter = {
		paint: (job): Promise<Uint8Array> =>
			closed
				? Promise.reject(new Error('the social card could not be drawn: the build’s card painter is closed'))
				: pool.run(job).catch((error: unknown) => {
						throw new Error(`the social card could not be drawn: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
					}),
		async close() {
			closed = true;
			if (registry[KEY] === painter) delete registry[KEY];
			await sharp;
			await pool.destroy();
		},
	};
	registry[KEY] = painter;
	return painter;
}
