import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { opening, paragraphId } from '../../src/lib/anchors';
import { countOf, countWords, readingMinutes, readingTime } from '../../src/lib/reading';

describe('reading time', () => {
	test('counts words, not punctuation', () => {
		expect(countWords('Russia’s policy towards the Taliban — is quite different.')).toBe(8);
		expect(countWords('  ')).toBe(0);
	});

	test('rounds to whole minutes, at least one', () => {
		expect(readingMinutes(0)).toBe(1);
		expect(readingMinutes(450)).toBe(2);
		expect(readingTime(1000)).toBe('5 min read');
	});
});

describe('counts in prose', () => {
	test('words up to twelve, then figures; one is singular', () => {
		expect(countOf(4, 'section')).toBe('four sections');
		expect(countOf(1, 'section')).toBe('one section');
		expect(countOf(12, 'section')).toBe('twelve sections');
		expect(countOf(13, 'section')).toBe('13 sections');
		expect(countOf(1400, 'event')).toBe('1,400 events');
	});
});

describe('paragraph ids', () => {
	test('come from the first words, without accents or apostrophes', () => {
		const slugger = new GithubSlugger();
		expect(paragraphId('Russia’s policy towards the Taliban is quite different', slugger)).toBe('p-russias-policy-towards-the-taliban-is');
		expect(paragraphId('India, Iran and Russia were on the same page vis-à-vis', slugger)).toBe('p-india-iran-and-russia-were-on');
	});

	test('stay unique on one page', () => {
		const slugger = new GithubSlugger();
		expect(paragraphId('For years, Moscow was hosting Taliban leadership', slugger)).toBe('p-for-years-moscow-was-hosting-taliban');
		expect(paragraphId('For years, Moscow was hosting Taliban leadership', slugger)).toBe('p-for-years-moscow-was-hosting-taliban-1');
	});

	test('a permalink names the paragraph by its opening', () => {
		expect(opening('From April 1978 to December 1979, the situation remained')).toBe('From April 1978 to December 1979…');
		expect(opening('Short one.')).toBe('Short one');
	});
});
