/**
 * In `astro build`, the social cards are drawn in a worker thread, beside the build's own work
 * instead of after it: the card-painter integration starts the worker when the build starts (its
 * fonts and layout engine are ready by the time pages render) and stops it when the build is done.
 * Pages reach it through `painter()`; without one (tests, `astro dev`) cards are drawn in-process.
 *
 * The integration and the pages are two copies of this module (Astro loads the config on its own,
 * and bundles the pages), so the painter lives on `globalThis`, under a registered symbol.
 */
import { Worker } from 'node:worker_threads';
import type { CardJob, PaintReply, PaintRequest } from './card-draw';

export interface Painter {
	paint(job: CardJob): Promise<Uint8Array>;
	close(): Promise<void>;
}

const KEY = Symbol.for('russia-taliban.card-painter');
const registry = globalThis as { [KEY]?: Painter };

/** The build's painter, if one is running. */
export const painter = (): Painter | undefined => registry[KEY];

/** Starts a worker on `file` (card-draw.ts, as Node runs it) and makes it the build's painter. */
export function startPainter(file: URL): Painter {
	const worker = new Worker(file);
	// The build's end stops it; until then it must not keep the process alive on its own.
	worker.unref();
	const waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
	let next = 0;
	let broken: Error | undefined;
	const failAll = (error: Error) => {
		broken = error;
		for (const { reject } of waiting.values()) reject(error);
		waiting.clear();
	};
	worker.on('message', (reply: PaintReply) => {
		const job = waiting.get(reply.id);
		waiting.delete(reply.id);
		if ('png' in reply) job?.resolve(reply.png);
		else job?.reject(new Error(`the social card could not be drawn: ${reply.error}`));
	});
	worker.on('error', (error: unknown) => failAll(new Error(`the social cards' worker stopped: ${error instanceof Error ? error.message : String(error)}`, { cause: error })));
	worker.on('exit', (code) => failAll(new Error(`the social cards' worker exited (code ${code})`)));
	const painter: Painter = {
		paint(job) {
			if (broken) return Promise.reject(broken);
			const id = next++;
			return new Promise((resolve, reject) => {
				waiting.set(id, { resolve, reject });
				worker.postMessage({ id, job } satisfies PaintRequest);
			});
		},
		async close() {
			if (registry[KEY] === painter) delete registry[KEY];
			await worker.terminate();
		},
	};
	registry[KEY] = painter;
	return painter;
}
