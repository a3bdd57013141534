import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, STRIP_WIDTH, cardSvg, lines, renderCard } from '../../src/build/cards/card';
import { Resvg } from '@resvg/resvg-js';
import { type CardNode, drawPng, inlinePictures, resvgOptions } from '../../src/build/cards/card-draw';
import { timeline } from '../fixtures/timeline';

const content = { kicker: 'The river and the town · Section 1 of 3', title: 'The ferry', dates: '1815–1931', summary: 'From the first ferry to the great flood of 1841, when the town nearly moved.', current: 'the-ferry' };

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Uint8Array) => {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('social cards', () => {
	test('are 1200×630 PNGs under 100 KB, the same bytes for the same input', async () => {
		const png = await renderCard(content, timeline);
		expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
		expect(png.byteLength).toBeLessThan(100 * 1024);
		const again = await renderCard(content, timeline);
		const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
		expect(hash(again)).toBe(hash(png));
	});

	test('set their text as paths, with no font left for the rasteriser to find', async () => {
		const svg = await cardSvg(content, timeline);
		expect(svg).toMatch(/^<svg[^>]*width="1200"[^>]*height="630"/);
		expect(svg).not.toMatch(/<text/);
	});

	test("draw the strip's lines as one picture, with the pixels of a box per line", async () => {
		// Lines every 8.57 px (in tenths, as the strip places them, and halves), from its start to its end, where they reach a pixel past it.
		const xs = Array.from({ length: 122 }, (_, k) => Math.round(k * 8.57 * 10) / 10).concat([0.5, 142.4, 260.4, STRIP_WIDTH]);
		const stripHeight = 104;
		const card = (children: CardNode[]): CardNode => ({
			type: 'div',
			props: {
				style: { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', flexDirection: 'column', justifyContent: 'flex-end', padding: '0 80px 44px', backgroundColor: '#fdfcf9' },
				children: [{ type: 'div', props: { style: { position: 'relative', display: 'flex', width: STRIP_WIDTH, height: stripHeight }, children } }],
			},
		});
		const draw = (tree: CardNode) => drawPng({ tree, size: { width: CARD_WIDTH, height: CARD_HEIGHT }, resvg: resvgOptions('#fdfcf9') });
		// The second top is a hair under a half, as sums of fractions come out: satori's layout, in
		// 32-bit floats, rounds it up.
		for (const [top, height] of [
			[30.5, 40.25],
			[30.499999999999996, 40.25],
		] as const) {
			const boxes = xs.map((x): CardNode => ({ type: 'div', props: { style: { position: 'absolute', left: x - 1, top, width: 2, height, backgroundColor: '#d9d4c7' } } }));
			const [asBoxes, asPicture] = await Promise.all([draw(card(boxes)), draw(card([lines(xs, top, height, stripHeight, '#d9d4c7')]))]);
			expect(Buffer.from(asPicture).equals(Buffer.from(asBoxes)), `lines from ${top} px, ${height} px high`).toBe(true);
		}
	});

	test('draw the pictures that stay inside their box in place, with the pixels resvg gives them as images', async () => {
		const svg = await cardSvg(content, timeline);
		const src = /<image [^>]*href="(data:image\/svg\+xml;base64,[^"]+)"/.exec(svg)?.[1];
		expect(src).toBeDefined();
		const inlined = inlinePictures(svg, [src!]);
		expect(inlined).not.toMatch(/<image/);
		const pixels = (drawing: string) => new Resvg(drawing, resvgOptions('#fdfcf9')).render().pixels;
		expect(pixels(inlined).equals(pixels(svg))).toBe(true);
		// Only the pictures named; and one its box would scale stays an image.
		expect(inlinePictures(svg, [])).toBe(svg);
		const scaled = svg.replace(/(<image [^>]*?)width="(\d+)"/, (_, start: string, width: string) => `${start}width="${Number(width) - 10}"`);
		expect(inlinePictures(scaled, [src!])).toBe(scaled);
	});
});
