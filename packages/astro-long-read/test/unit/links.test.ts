import { describe, expect, test } from 'vitest';
import {
	type Declared,
	type Manifest,
	type PublishedPage,
	emptyManifest,
	goneMessage,
	parseManifest,
	reconcile,
	recorded,
	refind,
	retire,
	serialize,
} from '../../src/model/links';

const none: Declared = { formerPaths: new Map(), formerAnchors: new Map() };

const page = (path: string, anchors: [string, PublishedPage['anchors'][number]['kind'], string][]): PublishedPage => ({
	path,
	file: `content/sections${path.slice(0, -1)}.mdx`,
	title: `Title of ${path}`,
	anchors: anchors.map(([id, kind, exact]) => ({ id, kind, exact, prefix: '', suffix: '' })),
});

const SITE = [
	page('/the-bridge/', [
		['p-the-bridge-was-built-of-stone', 'paragraph', 'The bridge was built of stone. Westbury farmers crossed it in any season.'],
		['stone', 'sentence', 'The bridge was built of stone.'],
		['s-westbury-farmers-crossed-it-in', 'sentence', 'Westbury farmers crossed it in any season.'],
	]),
];

/** The manifest as `npm run links:record` writes it for `pages`. */
const published = (pages: PublishedPage[]): Manifest => recorded(emptyManifest(), pages, []);

describe('reconcile', () => {
	test('what is still there is fine, and nothing is left to record', () => {
		expect(reconcile(published(SITE), SITE, none)).toEqual({ aliases: [], gone: [], unrecorded: [], redirected: [] });
	});

	test('a sentence whose id changed with a typo fixed is found again by its words: its old id becomes an alias', () => {
		const fixed = [page('/the-bridge/', [['p-the-bridge-was-built-of-stone', 'paragraph', 'x'], ['stone', 'sentence', 'The bridge was built of stone.'], ['s-westbury-farmers-used-it-in', 'sentence', 'Westbury farmers used it in any season.']])];
		const result = reconcile(published(SITE), fixed, none);
		expect(result.aliases).toEqual([{ path: '/the-bridge/', kind: 'sentence', id: 's-westbury-farmers-used-it-in', old: 's-westbury-farmers-crossed-it-in', how: 'found' }]);
		expect(result.gone).toEqual([]);
		expect(result.unrecorded).toEqual(['/the-bridge/#s-westbury-farmers-used-it-in']);
	});

	test('a paragraph whose opening changed keeps its old id where its words are', () => {
		const edited = [page('/the-bridge/', [['p-the-new-bridge-was-built-of', 'paragraph', 'The new bridge was built of stone. Westbury farmers crossed it in any season.'], ...SITE[0]!.anchors.slice(1).map((a) => [a.id, a.kind, a.exact] as [string, 'sentence', string])])];
		expect(reconcile(published(SITE), edited, none).aliases.map((alias) => [alias.old, alias.id])).toEqual([['p-the-bridge-was-built-of-stone', 'p-the-new-bridge-was-built-of']]);
	});

	test('two sentences made one: the one whose id went lands on the sentence that holds its words', () => {
		const merged = [page('/the-bridge/', [['p-the-bridge-was-built-of-stone', 'paragraph', 'x'], ['stone', 'sentence', 'The bridge was built of stone, and Westbury farmers crossed it in any season.']])];
		expect(reconcile(published(SITE), merged, none).aliases.map((alias) => alias.id)).toEqual(['stone']);
	});

	test('a sentence deleted is gone: the message names the URL, its words, the file and both ways out', () => {
		const deleted = [page('/the-bridge/', [['p-the-bridge-was-built-of-stone', 'paragraph', 'The bridge was built of stone.'], ['stone', 'sentence', 'The bridge was built of stone.']])];
		const { gone } = reconcile(published(SITE), deleted, none);
		expect(gone).toEqual([{ url: '/the-bridge/#s-westbury-farmers-crossed-it-in', kind: 'sentence', exact: 'Westbury farmers crossed it in any season.', file: 'content/sections/the-bridge.mdx' }]);
		const { file, field, message } = goneMessage(gone[0]!);
		expect(`${file}: ${field} ${message}`).toMatch(/^content\/sections\/the-bridge\.mdx: \/the-bridge\/#s-westbury-farmers-crossed-it-in was published \(sentence: “Westbury farmers crossed it in any season\.”\).*formerAnchors.*npm run links -- retire "\/the-bridge\/#s-westbury-farmers-crossed-it-in" --reason/);
	});

	test('a sentence retired on purpose builds; a declared former id lands where it is told', () => {
		const deleted = [page('/the-bridge/', [['p-the-bridge-was-built-of-stone', 'paragraph', 'x'], ['stone', 'sentence', 'A wholly different sentence now.']])];
		const manifest = retire(published(SITE), '/the-bridge/#s-westbury-farmers-crossed-it-in', 'The author withdrew it.');
		expect(manifest.retired['/the-bridge/#s-westbury-farmers-crossed-it-in']).toEqual({ reason: 'The author withdrew it.', file: 'content/sections/the-bridge.mdx', exact: 'Westbury farmers crossed it in any season.' });
		expect(reconcile(manifest, deleted, none).gone).toEqual([]);
		const declared: Declared = { formerPaths: new Map(), formerAnchors: new Map([['s-westbury-farmers-crossed-it-in', 'stone']]) };
		const result = reconcile(published(SITE), deleted, declared);
		expect(result.gone).toEqual([]);
		expect(result.aliases).toContainEqual({ path: '/the-bridge/', kind: 'sentence', id: 'stone', old: 's-westbury-farmers-crossed-it-in', how: 'declared' });
		expect(() => retire(published(SITE), '/the-bridge/#no-such', 'why')).toThrow(/not in the manifest/);
		expect(() => retire(published(SITE), '/the-bridge/#stone', ' ')).toThrow(/needs a reason/);
	});

	test('a page whose slug changed: gone unless its former slug is declared, then it redirects and its anchors are checked on the new page', () => {
		const moved = SITE.map((p) => ({ ...p, path: '/stone-bridge/' }));
		expect(reconcile(published(SITE), moved, none).gone).toEqual([{ url: '/the-bridge/', kind: 'page', exact: 'Title of /the-bridge/', file: 'content/sections/the-bridge.mdx' }]);
		const result = reconcile(published(SITE), moved, { ...none, formerPaths: new Map([['/the-bridge/', '/stone-bridge/']]) });
		expect(result).toMatchObject({ gone: [], aliases: [], redirected: ['/the-bridge/'] });
		// The old page stays recorded: its URL is still served, by a redirect.
		expect(Object.keys(recorded(published(SITE), moved, []).pages)).toEqual(['/stone-bridge/', '/the-bridge/']);
	});

	test('refind passes over anchors of another kind and texts not alike', () => {
		const old = { kind: 'sentence' as const, exact: 'Westbury farmers crossed it in any season.', prefix: '', suffix: '' };
		expect(refind(old, [{ id: 'p', kind: 'paragraph', exact: old.exact, prefix: '', suffix: '' }])).toBeUndefined();
		expect(refind(old, [{ id: 's', kind: 'sentence', exact: 'Something else was said here entirely.', prefix: '', suffix: '' }])).toBeUndefined();
	});
});

describe('the manifest file', () => {
	test('round-trips through its JSON', () => {
		const manifest = published(SITE);
		expect(parseManifest(serialize(manifest), 'content/published.json')).toEqual(manifest);
	});

	test('a broken one stops the build, naming the file and the field', () => {
		expect(() => parseManifest('{', 'content/published.json')).toThrow(/^content\/published\.json: file is not valid JSON/);
		const bad = { pages: { '/x/': { file: 'a', title: 't', anchors: { y: { kind: 'sentense', exact: '', prefix: '', suffix: '' } } } } };
		expect(() => parseManifest(JSON.stringify(bad), 'content/published.json')).toThrow(/^content\/published\.json: pages\.\/x\/\.anchors\.y\.kind /);
	});
});
