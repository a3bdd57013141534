/** Brotli's quality by the site's text (src/build/precompress.ts): 11 up to the threshold, 10 beyond. */
import { expect, test } from 'vitest';
import { BROTLI_QUALITY_11_UP_TO, brotliQuality } from '../../src/build/precompress';

test('quality 11 up to the threshold, 10 beyond it', () => {
	expect(brotliQuality(0)).toBe(11);
	expect(brotliQuality(BROTLI_QUALITY_11_UP_TO)).toBe(11);
	expect(brotliQuality(BROTLI_QUALITY_11_UP_TO + 1)).toBe(10);
});
