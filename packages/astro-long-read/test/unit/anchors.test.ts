import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { opening, paragraphId } from '../../src/content/anchors';

describe('paragraph ids', () => {
	test('come from the first words, without accents or apostrophes', () => {
		const slugger = new GithubSlugger();
		expect(paragraphId('Eastford’s quarrel with the river is older than the town', slugger)).toBe('p-eastfords-quarrel-with-the-river-is');
		expect(paragraphId('Café owners, millers and boatmen were all of one mind', slugger)).toBe('p-cafe-owners-millers-and-boatmen-were');
	});

	test('stay unique on one page', () => {
		const slugger = new GithubSlugger();
		expect(paragraphId('For years, the ferry was the only way across', slugger)).toBe('p-for-years-the-ferry-was-the');
		expect(paragraphId('For years, the ferry was the only way across', slugger)).toBe('p-for-years-the-ferry-was-the-1');
	});

	test('a permalink names the paragraph by its opening', () => {
		expect(opening('From March 1841 to October 1842, the town stayed on the hill')).toBe('From March 1841 to October 1842…');
		expect(opening('Short one.')).toBe('Short one');
	});
});
