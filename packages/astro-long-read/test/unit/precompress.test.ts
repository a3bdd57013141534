/** Brotli's quality by the site's text (src/build/precompress.ts): 11, then 10, then its fast end. */
import { expect, test } from 'vitest';
import { BROTLI_QUALITY_BEYOND, PRECOMPRESS_DEFAULTS, brotliQuality } from '../../src/build/precompress';

test('quality 11 up to the first threshold, 10 up to the second, the fast end beyond', () => {
	const { brotli11UpTo, brotli10UpTo } = PRECOMPRESS_DEFAULTS;
	expect(brotliQuality(0)).toBe(11);
	expect(brotliQuality(brotli11UpTo)).toBe(11);
	expect(brotliQuality(brotli11UpTo + 1)).toBe(10);
	expect(brotliQuality(brotli10UpTo)).toBe(10);
	expect(brotliQuality(brotli10UpTo + 1)).toBe(BROTLI_QUALITY_BEYOND);
	expect(BROTLI_QUALITY_BEYOND).toBeLessThan(9);
});

test("the site's own thresholds; a second threshold below the first leaves no room for 10", () => {
	expect(brotliQuality(500, { brotli11UpTo: 100, brotli10UpTo: 1_000 })).toBe(10);
	expect(brotliQuality(500, { brotli11UpTo: 1_000, brotli10UpTo: 100 })).toBe(11);
	expect(brotliQuality(5_000, { brotli11UpTo: 1_000, brotli10UpTo: 100 })).toBe(BROTLI_QUALITY_BEYOND);
});
