/**
 * Draws a social card from satori's element tree: satori lays it out as SVG (text as paths), resvg
 * makes the PNG. Fonts come from the installed `@fontsource/inter` package, never from the network
 * or the system, so the same tree gives the same bytes on any machine and in any thread.
 *
 * The same module runs in two places: bundled into the pages (tests, `astro dev`), and as it is, in
 * the worker threads that `astro build` draws the cards in (`card-painter.ts`), where Node reads it
 * without a bundler. So it imports packages only, with type-only syntax Node can strip.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** A satori element: plain objects in the shape of React elements, no JSX needed. */
export interface CardNode {
	type: string;
	props: {
		style?: Record<string, string | number>;
		children?: CardNode | string | (CardNode | string)[];
		/** An `img`'s picture (a data URL) and its size. */
		src?: string;
		width?: number;
		height?: number;
	};
}

/** Everything a card's bytes depend on besides the fonts and the libraries. */
export interface CardJob {
	tree: CardNode;
	size: { width: number; height: number };
	resvg: ResvgRenderOptions;
}

// From the project's folder, where the build runs: bundling moves this module elsewhere.
const require = createRequire(path.join(process.cwd(), 'package.json'));

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
export function cardFonts() {
	const font = (file: string) => readFileSync(require.resolve(`@fontsource/inter/files/${file}`));
	return (fonts ??= [
		{ name: 'Inter', data: font('inter-latin-400-normal.woff'), weight: 400, style: 'normal' },
		{ name: 'Inter', data: font('inter-latin-700-normal.woff'), weight: 700, style: 'normal' },
	]);
}

/** The versions of the libraries that draw the card: a new one may draw other bytes. */
export const drawnBy = () => ['satori', '@resvg/resvg-js'].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`).join(' ');

// Loaded when the first card is drawn (about 0.15 s): in `astro build` the pages' own thread, whose
// cards the workers draw, never needs them.
const satori = async () => (await import('satori')).default;
const resvg = async () => (await import('@resvg/resvg-js')).Resvg;

export async function drawSvg(job: Pick<CardJob, 'tree' | 'size'>): Promise<string> {
	const layout = await satori();
	return layout(job.tree as unknown as Parameters<typeof layout>[0], { ...job.size, fonts: cardFonts() });
}

export async function drawPng(job: CardJob): Promise<Uint8Array> {
	const [svg, Resvg] = await Promise.all([drawSvg(job), resvg()]);
	return new Uint8Array(new Resvg(svg, job.resvg).render().asPng());
}

/** In the build's worker threads (`card-painter.ts`, a Piscina pool) a task is a job, and its answer the PNG. */
export default drawPng;

/**
 * Satori's first card costs about 0.3 s more than the next (its layout engine and the fonts start
 * up): each worker thread pays it as it starts, while the build is still bundling.
 */
export async function warmUp(): Promise<void> {
	await drawSvg({ tree: { type: 'div', props: { style: { display: 'flex', fontWeight: 700 }, children: 'Aa 1900' } }, size: { width: 100, height: 40 } });
}
