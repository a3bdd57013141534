/**
 * Draws a social card from satori's element tree: satori lays it out as SVG (text as paths), resvg
 * draws its pixels and sharp (Astro's own image library) writes the PNG. Fonts come from the
 * installed `@fontsource/inter` package, never from the network or the system, so the same tree
 * gives the same bytes on any machine and in any thread.
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
	/** `background` is an opaque colour (`#rrggbb`), under everything: the card has no transparent pixel. */
	resvg: ResvgRenderOptions & { background: string };
	/** The `src` of each SVG picture in the tree that draws nothing outside its box (`inlinePictures`). */
	inPlace?: string[];
}

/** resvg's options for a card on `background`: its own size, and no font but the ones satori drew as paths. */
export const resvgOptions = (background: string): CardJob['resvg'] => ({ fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, background });

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

/** The versions of the libraries that draw the card: a new one may draw other bytes. Read once. */
let versions: string | undefined;
export const drawnBy = () =>
	(versions ??= [
		...['satori', '@resvg/resvg-js'].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`),
		// sharp's own package.json is not exported; it says its version and libvips's.
		...Object.entries((require('sharp') as typeof import('sharp')).versions)
			.filter(([name]) => name === 'sharp' || name === 'vips')
			.map(([name, version]) => `${name}@${version}`),
	].join(' '));

// Loaded when the first card is drawn (about 0.15 s): in `astro build` the pages' own thread, whose
// cards the workers draw, never needs them.
const satori = async () => (await import('satori')).default;
const resvg = async () => (await import('@resvg/resvg-js')).Resvg;
const sharp = async () => (await import('sharp')).default;

export async function drawSvg(job: Pick<CardJob, 'tree' | 'size'>): Promise<string> {
	const layout = await satori();
	return layout(job.tree as unknown as Parameters<typeof layout>[0], { ...job.size, fonts: cardFonts() });
}

const attributesOf = (tag: string) => new Map([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!]));

/**
 * The SVG pictures of a job that draw nothing outside their box (the strip's lines), by `src`:
 * drawn in place rather than as images. resvg draws an image's SVG into a pixmap of its own, under
 * the clip and the mask satori gives every image (its box), and composites it: about 3.5 ms of a
 * card's 28, 23 ms on a card whose strip reaches far below it. In place, a picture of its box's
 * size (nothing scaled) that stays inside it gives the same pixels. (A clip reaching past the card
 * also stops resvg: the nested `<svg>` that would keep it crashes it.)
 */
export function inlinePictures(svg: string, inPlace: readonly string[]): string {
	if (inPlace.length === 0) return svg;
	const sources = new Set(inPlace);
	return svg.replace(/<image ([^>]*?)href="(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+)"([^>]*?)\/>/g, (image, before: string, src: string, after: string) => {
		if (!sources.has(src)) return image;
		const picture = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString();
		const [, own = '', content] = /^<svg\b([^>]*)>([\s\S]*)<\/svg>$/.exec(picture) ?? [];
		const box = attributesOf(`${before} ${after}`);
		const size = attributesOf(own);
		const [x, y] = [box.get('x'), box.get('y')];
		if (content === undefined || x === undefined || y === undefined || box.get('preserveAspectRatio') !== 'none' || ['width', 'height'].some((name) => box.get(name) !== size.get(name) || !size.has(name))) {
			return image;
		}
		return `<g transform="translate(${x} ${y})">${content}</g>`;
	});
}

export async function drawPng(job: CardJob): Promise<Uint8Array> {
	const [svg, Resvg, encoder] = await Promise.all([drawSvg(job), resvg(), sharp()]);
	const image = new Resvg(inlinePictures(svg, job.inPlace ?? []), job.resvg).render();
	// resvg's own PNG keeps the alpha channel, at its encoder's default. Every pixel is opaque (the
	// background is), so three channels at zlib's level 7: cards 37 % smaller, 4 ms faster to write
	// (level 6: 5 ms faster, 23 % smaller; 9: 2 ms slower, 45 % smaller).
	const png = await encoder(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
		.removeAlpha()
		.png({ compressionLevel: 7 })
		.toBuffer();
	return new Uint8Array(png);
}

/** In the build's worker threads (`card-painter.ts`, a Piscina pool) a task is a job, and its answer the PNG. */
export default drawPng;

/**
 * A thread's first card costs about 0.3 s more than the next (satori's layout engine and the fonts
 * start up, resvg and sharp load): each worker thread pays it as it starts, drawing a small picture
 * the whole way while the build is still bundling.
 */
export async function warmUp(): Promise<void> {
	await drawPng({
		tree: { type: 'div', props: { style: { display: 'flex', fontWeight: 700 }, children: 'Aa 1900' } },
		size: { width: 100, height: 40 },
		resvg: resvgOptions('#ffffff'),
	});
}
