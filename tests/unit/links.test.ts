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
} from 'astro-long-read/model/links';

const none: Declared = { formerPaths: new Map(), formerAnchors: new Map() };

const page = (path: string, anchors: [string, PublishedPage['anchors'][number]['kind'], string][]): PublishedPage => ({
	path,
	file: `content/sections${path.slice(0, -1)}.mdx`,
	title: `Title of ${path}`,
	anchors: anchors.map(([id, kind, exact]) => ({ id, kind, exact, prefix: '', suffix: '' })),
});

const SITE = [
	page('/the-1990s/', [
		['p-the-1990s-was', 'paragraph', 'The 1990s was the decade. India, Iran and Russia were on the same page.'],
		['decade', 'sentence', 'The 1990s was the decade.'],
		['s-india-iran-and-russia-were', 'sentence', 'India, Iran and Russia were on the same page.'],
	]),
];

/** The manifest as `npm run links:record` writes it for `pages`. */
const published = (pages: PublishedPage[]): Manifest => recorded(emptyManifest(), pages, []);

describe('reconcile', () => {
	test('what is still there is fine, and nothing is left to record', () => {
		expect(reconcile(published(SITE), SITE, none)).toEqual({ aliases: [], gone: [], unrecorded: [], redirected: [] });
	});

	test('a sentence whose id changed with a typo fixed is found again by its words: its old id becomes an alias', () => {
		const fixed = [page('/the-1990s/', [['p-the-1990s-was', 'paragraph', 'x'], ['decade', 'sentence', 'The 1990s was the decade.'], ['s-india-iran-and-russia-stood', 'sentence', 'India, Iran and Russia stood on the same page.']])];
		const result = reconcile(published(SITE), fixed, none);
		expect(result.aliases).toEqual([{ path: '/the-1990s/', kind: 'sentence', id: 's-india-iran-and-russia-stood', old: 's-india-iran-and-russia-were', how: 'found' }]);
		expect(result.gone).toEqual([]);
		expect(result.unrecorded).toEqual(['/the-1990s/#s-india-iran-and-russia-stood']);
	});

	test('a paragraph whose opening changed keeps its old id where its words are', () => {
		const edited = [page('/the-1990s/', [['p-the-nineties-was', 'paragraph', 'The nineties was the decade. India, Iran and Russia were on the same page.'], ...SITE[0]!.anchors.slice(1).map((a) => [a.id, a.kind, a.exact] as [string, 'sentence', string])])];
		expect(reconcile(published(SITE), edited, none).aliases.map((alias) => [alias.old, alias.id])).toEqual([['p-the-1990s-was', 'p-the-nineties-was']]);
	});

	test('two sentences made one: the one whose id went lands on the sentence that holds its words', () => {
		const merged = [page('/the-1990s/', [['p-the-1990s-was', 'paragraph', 'x'], ['decade', 'sentence', 'The 1990s was the decade, and India, Iran and Russia were on the same page.']])];
		expect(reconcile(published(SITE), merged, none).aliases.map((alias) => alias.id)).toEqual(['decade']);
	});

	test('a sentence deleted is gone: the message names the URL, its words, the file and both ways out', () => {
		const deleted = [page('/the-1990s/', [['p-the-1990s-was', 'paragraph', 'The 1990s was the decade.'], ['decade', 'sentence', 'The 1990s was the decade.']])];
		const { gone } = reconcile(published(SITE), deleted, none);
		expect(gone).toEqual([{ url: '/the-1990s/#s-india-iran-and-russia-were', kind: 'sentence', exact: 'India, Iran and Russia were on the same page.', file: 'content/sections/the-1990s.mdx' }]);
		const { file, field, message } = goneMessage(gone[0]!);
		expect(`${file}: ${field} ${message}`).toMatch(/^content\/sections\/the-1990s\.mdx: \/the-1990s\/#s-india-iran-and-russia-were was published \(sentence: “India, Iran and Russia were on the same page\.”\).*formerAnchors.*npm run links -- retire "\/the-1990s\/#s-india-iran-and-russia-were" --reason/);
	});

	test('a sentence retired on purpose builds; a declared former id lands where it is told', () => {
		const deleted = [page('/the-1990s/', [['p-the-1990s-was', 'paragraph', 'x'], ['decade', 'sentence', 'A wholly different sentence now.']])];
		const manifest = retire(published(SITE), '/the-1990s/#s-india-iran-and-russia-were', 'The author withdrew it.');
		expect(manifest.retired['/the-1990s/#s-india-iran-and-russia-were']).toEqual({ reason: 'The author withdrew it.', file: 'content/sections/the-1990s.mdx', exact: 'India, Iran and Russia were on the same page.' });
		expect(reconcile(manifest, deleted, none).gone).toEqual([]);
		const declared: Declared = { formerPaths: new Map(), formerAnchors: new Map([['s-india-iran-and-russia-were', 'decade']]) };
		const result = reconcile(published(SITE), deleted, declared);
		expect(result.gone).toEqual([]);
		expect(result.aliases).toContainEqual({ path: '/the-1990s/', kind: 'sentence', id: 'decade', old: 's-india-iran-and-russia-were', how: 'declared' });
		expect(() => retire(published(SITE), '/the-1990s/#no-such', 'why')).toThrow(/not in the manifest/);
		expect(() => retire(published(SITE), '/the-1990s/#decade', ' ')).toThrow(/needs a reason/);
	});

	test('a page whose slug changed: gone unless its former slug is declared, then it redirects and its anchors are checked on the new page', () => {
		const moved = SITE.map((p) => ({ ...p, path: '/nineties/' }));
		expect(reconcile(published(SITE), moved, none).gone).toEqual([{ url: '/the-1990s/', kind: 'page', exact: 'Title of /the-1990s/', file: 'content/sections/the-1990s.mdx' }]);
		const result = reconcile(published(SITE), moved, { ...none, formerPaths: new Map([['/the-1990s/', '/nineties/']]) });
		expect(result).toMatchObject({ gone: [], aliases: [], redirected: ['/the-1990s/'] });
		// The old page stays recorded: its URL is still served, by a redirect.
		expect(Object.keys(recorded(published(SITE), moved, []).pages)).toEqual(['/nineties/', '/the-1990s/']);
	});

	test('refind passes over anchors of another kind and texts not alike', () => {
		const old = { kind: 'sentence' as const, exact: 'India, Iran and Russia were on the same page.', prefix: '', suffix: '' };
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
