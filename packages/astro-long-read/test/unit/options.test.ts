/** The integration's options: defaults for what is left out, and a message naming each wrong one. */
import { expect, test } from 'vitest';
import { parseOptions } from '../../src/index';
import { BROTLI_QUALITY_11_UP_TO } from '../../src/build/precompress';

test('every option may be left out', () => {
	expect(parseOptions(undefined)).toEqual({ search: true, precompress: { brotli11UpTo: BROTLI_QUALITY_11_UP_TO }, csp: {} });
	expect(parseOptions({ search: false, precompress: false })).toEqual({ search: false, precompress: false, csp: {} });
	expect(parseOptions({ precompress: {} })).toEqual({ search: true, precompress: { brotli11UpTo: BROTLI_QUALITY_11_UP_TO }, csp: {} });
});

test('a wrong option stops with a message that names it', () => {
	expect(() => parseOptions({ serch: true })).toThrow(/invalid options in longRead\(\{ … \}\) in astro\.config\.mjs:\n {2}- the options: .*"serch"/);
	expect(() => parseOptions({ search: 'yes' })).toThrow(/- `search`: .*boolean/);
	expect(() => parseOptions({ precompress: { brotli11UpTo: -1 } })).toThrow(/- `precompress\.brotli11UpTo`: /);
	expect(() => parseOptions({ precompress: { brotli: 11 } })).toThrow(/"brotli"/);
	expect(() => parseOptions({ csp: { 'Img Src': ["'self'"] } })).toThrow(/- `csp\.Img Src`: Invalid key in record/);
	expect(() => parseOptions({ csp: { 'img-src': [] } })).toThrow(/- `csp\.img-src`: /);
});
