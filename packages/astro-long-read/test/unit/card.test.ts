import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, renderCard } from '../../src/build/cards/card';
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
});
