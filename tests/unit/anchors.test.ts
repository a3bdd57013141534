import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { opening, paragraphId } from 'astro-long-read/content/anchors';

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
