import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { parseArticle } from '../../../src/content/markdown/parse';
import { markParagraphs } from '../../../src/content/markdown/paragraphs';
import { sentenceSpans, sentencesOf } from '../../../src/content/markdown/sentences';
import { bodyOf, fixtureFile } from '../../helpers/mdx';
import { sentencesInOrder } from '../../helpers/sentences';


const parsed = (body: string) => sentencesOf(parseArticle(body)).map((sentence) => sentence.text);

describe('the fixture’s sentences', () => {
	test('are found as a reader counts them, in reading order: none split, none merged, the pull quote where it stands', async () => {
		const flood = 'The worst flood anyone recorded came in 1841, or perhaps a year later, and it carried the ferry rope away.';
		const introduction = parseArticle(bodyOf(await fixtureFile('introduction.mdx')));
		expect(sentencesInOrder(introduction)).toEqual([
			'The town of Eastford was built where the river slows and widens, and it has argued with that river ever since.',
			'The lower streets flood every spring, and the people who live there keep their furniture on blocks.',
			'Nobody in the town remembers a year without water in the market square.',
			'This is the story of how the town learnt to live with the river: first by crossing it, then by bridging it, and at last by walling it in.',
		]);
		const ferry = parseArticle(bodyOf(await fixtureFile('sections/01-the-ferry.mdx')));
		expect(sentencesInOrder(ferry)).toEqual([
			'The first ferry crossed the river around 1820, a flat boat pulled along a rope by two brothers who charged a penny a head.',
			'The crossing made Eastford a market town, because farmers from the far bank could now bring their grain to it.',
			flood,
			'The town council met on the hill and voted to move the whole town to higher ground.',
			'The vote was never carried out: the water went down, and the shops opened again.',
			flood,
		]);
		// The pull quote repeats a sentence: it is no sentence of its own.
		expect(sentencesOf(ferry).map((sentence) => sentence.id)).toEqual(['first-ferry', undefined, 'great-flood', undefined, undefined]);
	});
});

describe('markSentences', () => {
	test('wraps every sentence the author did not mark and numbers all of them in document order', () => {
		const tree = parseArticle('One sentence here. <S id="marked">A marked one.</S> Two more follow. And the last.\n\nA new paragraph.');
		expect(sentencesOf(tree)).toEqual([
			{ n: 0, id: undefined, text: 'One sentence here.' },
			{ n: 1, id: 'marked', text: 'A marked one.' },
			{ n: 2, id: undefined, text: 'Two more follow.' },
			{ n: 3, id: undefined, text: 'And the last.' },
			{ n: 4, id: undefined, text: 'A new paragraph.' },
		]);
	});

	test('initialisms, abbreviations and numbers do not end a sentence', () => {
		expect(parsed('The U.K. engineers left on 30 Aug. 1931 after 20 years. Mr. Hale said so, e.g. in 2.5 hours.')).toEqual([
			'The U.K. engineers left on 30 Aug. 1931 after 20 years.',
			'Mr. Hale said so, e.g. in 2.5 hours.',
		]);
	});

	test('a sentence across emphasis or a link is cut where it ends, the element kept on both sides', () => {
		const tree = parseArticle('It began *in March. Then* it ended [here. And](/timeline/) there.');
		expect(sentencesOf(tree).map((sentence) => sentence.text)).toEqual(['It began in March.', 'Then it ended here.', 'And there.']);
		const links: string[] = [];
		visit(tree, 'link', (link) => {
			links.push(`${link.url} ${toString(link)}`);
		});
		// The link's words on either side of the cut (and the space between the sentences) each keep it.
		expect(links).toEqual(['/timeline/ here.', '/timeline/  ', '/timeline/ And']);
	});

	test('a pull quote repeats a sentence: it gets no sentence of its own', () => {
		expect(parsed('A sentence.\n\n<PullQuote>\nA sentence.\n</PullQuote>')).toEqual(['A sentence.']);
	});

	test('comments and the space between sentences stay outside them', () => {
		expect(parsed('First one. {/* a note */} Second one.')).toEqual(['First one.', 'Second one.']);
		expect(sentenceSpans('  Two. Sentences.  ')).toEqual([
			{ start: 2, end: 6 },
			{ start: 7, end: 17 },
		]);
	});
});

describe('markParagraphs', () => {
	test('a paragraph gets an id and a label from its opening words, across inline elements', () => {
		const tree = parseArticle('Eastford’s quarrel with *the* river is older than the town.');
		expect(markParagraphs(tree)).toEqual([{ id: 'p-eastfords-quarrel-with-the-river-is', text: 'Eastford’s quarrel with the river is older than the town.' }]);
		const paragraph = tree.children[0]!;
		expect(paragraph.data?.hProperties).toEqual({ id: 'p-eastfords-quarrel-with-the-river-is', label: 'Eastford’s quarrel with the river is…' });
	});

	test('two paragraphs that open alike get distinct ids; a pull quote gets none', () => {
		const ids = markParagraphs(parseArticle('The same six words open both, then one.\n\nThe same six words open both, then two.\n\n<PullQuote>\nThe same.\n</PullQuote>')).map((p) => p.id);
		expect(ids).toHaveLength(2);
		expect(new Set(ids).size).toBe(2);
	});
});
