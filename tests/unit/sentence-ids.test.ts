import { describe, expect, test } from 'vitest';
import { sentenceIds, words } from 'astro-long-read/content/sentence-ids';

const file = (name: string, ...texts: (string | [string, string])[]) => ({
	file: name,
	sentences: texts.map((text, n) => (typeof text === 'string' ? { n, text } : { n, id: text[0], text: text[1] })),
});

describe('sentenceIds', () => {
	test('a sentence the author did not name: s- and its first five words, lower case, accents and apostrophes dropped', () => {
		expect(sentenceIds([file('a.mdx', 'India, Iran and Russia were on the same page vis-à-vis the rest.')]).get('a.mdx')).toEqual(['s-india-iran-and-russia-were']);
		expect(words('Russia’s “policy” — vis-à-vis')).toEqual(['russias', 'policy', 'vis-a-vis']);
	});

	test('the author’s ids stay as they are, and no derived id takes one', () => {
		const ids = sentenceIds([file('a.mdx', ['saur-revolution', 'Daoud was overthrown.'], 'Another sentence entirely.')]);
		expect(ids.get('a.mdx')).toEqual(['saur-revolution', 's-another-sentence-entirely']);
		const taken = sentenceIds([file('a.mdx', 'Five words are here now, then more.', ['s-five-words-are-here-now', 'Named.'])]);
		expect(taken.get('a.mdx')).toEqual(['s-five-words-are-here-now-then', 's-five-words-are-here-now']);
	});

	test('unique across files, in reading order: a later sentence that opens alike adds words, then a number', () => {
		const ids = sentenceIds([file('a.mdx', 'However, the US withdrew its troops.'), file('b.mdx', 'However, the US withdrew its troops.', 'However, the US withdrew its ships.')]);
		expect(ids.get('a.mdx')).toEqual(['s-however-the-us-withdrew-its']);
		expect(ids.get('b.mdx')).toEqual(['s-however-the-us-withdrew-its-troops', 's-however-the-us-withdrew-its-ships']);
		const same = sentenceIds([file('a.mdx', 'Short one.', 'Short one.', 'Short one.')]);
		expect(same.get('a.mdx')).toEqual(['s-short-one', 's-short-one-2', 's-short-one-3']);
	});
});
