/** The integration's options: defaults for what is left out, and a message naming each wrong one. */
import { expect, test } from 'vitest';
import { parseOptions } from '../../src/index';
import { PRECOMPRESS_DEFAULTS } from '../../src/build/precompress';
import { resolveConfig } from '../../src/config';

const defaults = {
	content: './content',
	language: { tag: 'en', locale: 'en-GB' },
	genre: { name: 'a long read', label: 'Long read' },
	card: { colours: { bg: '#fdfcf9', fg: '#1d1c1a', muted: '#57534b', rule: '#d9d4c7', accent: '#8a2b12', band: ['#c9c3b6', '#a9a397'] } },
	exports: { markdown: true, llms: true, citations: true, epub: true, cards: true, timelineJson: true, robots: true },
	search: true,
	precompress: PRECOMPRESS_DEFAULTS,
	csp: {},
};

test('every option may be left out', () => {
	expect(parseOptions(undefined)).toEqual(defaults);
	expect(parseOptions({ search: false, precompress: false })).toEqual({ ...defaults, search: false, precompress: false });
	expect(parseOptions({ precompress: {} })).toEqual(defaults);
	const original = { name: 'The Gazette', url: 'https://gazette.example/1' };
	expect(parseOptions({ content: 'text', original })).toEqual({ ...defaults, content: 'text', original });
	expect(parseOptions({ exports: { epub: false } })).toEqual({ ...defaults, exports: { ...defaults.exports, epub: false } });
	expect(parseOptions({ card: { colours: { accent: '#0b5d7a' } } })).toEqual({ ...defaults, card: { colours: { ...defaults.card.colours, accent: '#0b5d7a' } } });
});

test('a wrong option stops with a message that names it', () => {
	expect(() => parseOptions({ serch: true })).toThrow(/invalid options in longRead\(\{ … \}\) in astro\.config\.mjs:\n {2}- the options: .*"serch"/);
	expect(() => parseOptions({ search: 'yes' })).toThrow(/- `search`: .*boolean/);
	expect(() => parseOptions({ precompress: { brotli11UpTo: -1 } })).toThrow(/- `precompress\.brotli11UpTo`: /);
	expect(() => parseOptions({ precompress: { brotli10UpTo: 1.5 } })).toThrow(/- `precompress\.brotli10UpTo`: /);
	expect(() => parseOptions({ precompress: { brotli: 11 } })).toThrow(/"brotli"/);
	expect(() => parseOptions({ csp: { 'Img Src': ["'self'"] } })).toThrow(/- `csp\.Img Src`: Invalid key in record/);
	expect(() => parseOptions({ csp: { 'img-src': [] } })).toThrow(/- `csp\.img-src`: /);
	expect(() => parseOptions({ content: '' })).toThrow(/- `content`: /);
	expect(() => parseOptions({ language: { tag: 'English', locale: 'en-GB' } })).toThrow(/- `language\.tag`: must be a BCP 47 language tag/);
	expect(() => parseOptions({ language: { tag: 'en', locale: 'en' } })).toThrow(/- `language\.locale`: must be a language and a region/);
	expect(() => parseOptions({ original: { name: 'The Gazette', url: 'gazette' } })).toThrow(/- `original\.url`: /);
	expect(() => parseOptions({ exports: { pdf: true } })).toThrow(/- `exports`: Unrecognized key: "pdf"/);
	expect(() => parseOptions({ genre: { name: 'an essay' } })).toThrow(/- `genre\.label`: /);
	expect(() => parseOptions({ card: { colours: { accent: 'teal' } } })).toThrow(/- `card\.colours\.accent`: must be a colour in hex/);
});

test('the content folder is resolved from the root, and named as an author writes it', () => {
	const config = resolveConfig(parseOptions({ content: './text/' }), '/site');
	expect(config.content).toEqual({ dir: '/site/text', folder: 'text', manifest: 'text/published.json' });
	expect(config.language).toEqual({ tag: 'en', locale: 'en-GB', ogLocale: 'en_GB' });
	expect(resolveConfig(parseOptions({ content: '/elsewhere/long-read' }), '/site').content.folder).toBe('../elsewhere/long-read');
});

test('each export switched off takes its routes with it', async () => {
	const { EXPORTS, exportRoutes } = await import('../../src/routes');
	const all = exportRoutes(parseOptions({}).exports);
	expect(new Set(all.map((route) => route.pattern)).size).toBe(all.length);
	for (const name of EXPORTS) {
		const left = new Set(exportRoutes(parseOptions({ exports: { [name]: false } }).exports).map((route) => route.pattern));
		const gone = all.filter((route) => !left.has(route.pattern));
		expect(gone.length, name).toBeGreaterThan(0);
		expect(gone.length + left.size, name).toBe(all.length);
	}
});
