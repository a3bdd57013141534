import { describe, expect, test } from 'vitest';
import { mdxToMarkdown } from '../../../src/build/export/markdown';

describe('mdxToMarkdown', () => {
	test('marked sentences become their text; sentences on one line stay one paragraph', () => {
		const md = mdxToMarkdown('<S id="a">First one.</S> <S id="b">Second one.</S>\n\n<S id="c">Next paragraph.</S> Plain words.', 'x.mdx');
		expect(md).toBe('First one. Second one.\n\nNext paragraph. Plain words.');
	});

	test('the pull quote becomes a block quote, the byline its paragraph, headings stay', () => {
		const md = mdxToMarkdown('## A heading of ours\n\n<PullQuote>\nQuoted words.\n</PullQuote>\n\n<Byline>\nThe writer is someone.\n</Byline>', 'x.mdx');
		expect(md).toBe('## A heading of ours\n\n> Quoted words.\n\nThe writer is someone.');
	});

	test("the author's punctuation is kept as written", () => {
		const text = 'The town’s “levees” — in 1841, the ferry rope broke; was it 50% or more? (Yes.)';
		expect(mdxToMarkdown(text, 'x.mdx')).toBe(text);
	});

	test('a component with no Markdown form stops the build, naming the file and the line', () => {
		expect(() => mdxToMarkdown('Text.\n\n<Chart />', 'content/sections/09-x.mdx')).toThrow(/content\/sections\/09-x\.mdx.*<Chart> \(line 3\)/);
	});
});
