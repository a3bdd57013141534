/** Ids a content file gives the page: unique across the article, and never one of the site's own. */
import { describe, expect, test } from 'vitest';
import { type Anchor, DERIVED_PREFIXES, PAGE_IDS, anchorClash } from '../../src/content/anchor-clashes';
import { anchorsOf } from '../../src/content/markdown/parse';

const source = (file: string, ...ids: [string, Anchor['kind'], string][]) => ({ file, anchors: ids.map(([id, kind, field]) => ({ id, kind, field })) });

describe('anchorsOf', () => {
	test('lists the sentences and the headings, a heading by its text made unique within the file, as the rehype step does', () => {
		const body = '## Concern & hope\n\n<S id="first">One.</S> Two. <S id="second">Three.</S>\n\n## Concern & hope\n\n### A *third* level\n';
		expect(anchorsOf(body)).toEqual([
			{ id: 'concern--hope', kind: 'heading', field: '## Concern & hope' },
			{ id: 'first', kind: 'sentence', field: '<S id="first">' },
			{ id: 'second', kind: 'sentence', field: '<S id="second">' },
			{ id: 'concern--hope-1', kind: 'heading', field: '## Concern & hope' },
			{ id: 'a-third-level', kind: 'heading', field: '### A third level' },
		]);
	});
});

describe('anchorClash', () => {
	test('distinct ids pass', () => {
		expect(anchorClash([source('a.mdx', ['one', 'slug', 'slug'], ['two', 'sentence', '<S id="two">']), source('b.mdx', ['three', 'heading', '## Three'])])).toBeUndefined();
	});

	test('a sentence with the id of another file’s slug names the sentence and the other file', () => {
		const error = anchorClash([source('01-a.mdx', ['a', 'slug', 'slug']), source('02-b.mdx', ['a', 'sentence', '<S id="a">'])]);
		expect(error?.message).toBe('02-b.mdx: <S id="a"> gives the id "a", as the slug in 01-a.mdx does; /read/ shows the whole article on one page, so each id must be unique: choose other words');
	});

	test('a sentence with the id of a heading in the same file names both', () => {
		const error = anchorClash([source('a.mdx', ['hope', 'heading', '## Hope'], ['hope', 'sentence', '<S id="hope">'])]);
		expect(error?.message).toMatch(/^a\.mdx: <S id="hope"> gives the id "hope", as ## Hope in this file does/);
	});

	test('every id the pages give their own parts is refused', () => {
		for (const id of PAGE_IDS) expect(anchorClash([source('a.mdx', [id, 'sentence', `<S id="${id}">`])])?.message, id).toMatch(`gives the id "${id}", which the site's pages use`);
	});

	test('a sentence id with the prefix of derived ids is refused; a heading may start so', () => {
		for (const prefix of DERIVED_PREFIXES) {
			expect(anchorClash([source('a.mdx', [`${prefix}x`, 'sentence', `<S id="${prefix}x">`])])?.message).toMatch(`ids starting "${prefix}" are the site's own`);
			expect(anchorClash([source('a.mdx', [`${prefix}x`, 'heading', `## ${prefix}x`])])).toBeUndefined();
		}
	});
});
