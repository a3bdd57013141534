import { describe, expect, test } from 'vitest';
import { sentenceIds, words } from '../../src/content/sentence-ids';

const file = (name: string, ...texts: (string | [string, string])[]) => ({
	file: name,
	sentences: texts.map((text, n) => (typeof text === 'string' ? { n, text } : { n, id: text[0], text: text[1] })),
});

describe('sentenceIds', () => {
	test('a sentence the author did not name: s- and its first five words, lower case, accents and apostrophes dropped', () => {
		expect(sentenceIds([file('a.mdx', 'Farmers, millers and boatmen were of one mind vis-à-vis the river.')]).get('a.mdx')).toEqual(['s-farmers-millers-and-boatmen-were']);
		expect(words('Eastford’s “levees” — vis-à-vis')).toEqual(['eastfords', 'levees', 'vis-a-vis']);
	});

	test('the author’s ids stay as they are, and no derived id takes one', () => {
		const ids = sentenceIds([file('a.mdx', ['great-flood', 'The river rose.'], 'Another sentence entirely.')]);
		expect(ids.get('a.mdx')).toEqual(['great-flood', 's-another-sentence-entirely']);
		const taken = sentenceIds([file('a.mdx', 'Five words are here now, then more.', ['s-five-words-are-here-now', 'Named.'])]);
		expect(taken.get('a.mdx')).toEqual(['s-five-words-are-here-now-then', 's-five-words-are-here-now']);
	});

	test('unique across files, in reading order: a later sentence that opens alike adds words, then a number', () => {
		const ids = sentenceIds([file('a.mdx', 'However, the town moved its market.'), file('b.mdx', 'However, the town moved its market.', 'However, the town moved its mill.')]);
		expect(ids.get('a.mdx')).toEqual(['s-however-the-town-moved-its']);
		expect(ids.get('b.mdx')).toEqual(['s-however-the-town-moved-its-market', 's-however-the-town-moved-its-mill']);
		const same = sentenceIds([file('a.mdx', 'Short one.', 'Short one.', 'Short one.')]);
		expect(same.get('a.mdx')).toEqual(['s-short-one', 's-short-one-2', 's-short-one-3']);
	});

	test('many copies of one sentence take the numbers in order, past a number the author took', () => {
		const copies = Array.from({ length: 50 }, () => 'The ferry crossed at dawn.');
		const ids = sentenceIds([file('a.mdx', ...copies), file('b.mdx', ['s-the-ferry-crossed-at-dawn-7', 'Named by the author.'], 'The ferry crossed at dawn.')]);
		const expected = ['s-the-ferry-crossed-at-dawn', ...Array.from({ length: 49 }, (_, k) => `s-the-ferry-crossed-at-dawn-${k < 5 ? k + 2 : k + 3}`)];
		expect(ids.get('a.mdx')).toEqual(expected);
		expect(ids.get('b.mdx')).toEqual(['s-the-ferry-crossed-at-dawn-7', 's-the-ferry-crossed-at-dawn-52']);
	});
});
