import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { parseArticle } from 'astro-long-read/content/markdown/parse';
import { markParagraphs } from 'astro-long-read/content/markdown/paragraphs';
import { sentenceSpans, sentencesOf } from 'astro-long-read/content/markdown/sentences';
import { ROOT, declaredSections } from '../../helpers/build';
import { bodyOf } from '../../../scripts/bench/project.mjs';

const FIXTURES = path.join(ROOT, 'tests/fixtures');

/** The reference: the article's sentences one to a line, as read by a person (pull quote included where it stands). */
const reference = async () => (await readFile(path.join(FIXTURES, 'sentences.txt'), 'utf8')).split('\n').filter(Boolean);

/** A body's sentences as the site finds them, and the pull quote's text where it stands (it repeats a sentence). */
function sentencesInOrder(tree: Root): string[] {
	const numbered = new Map(sentencesOf(tree).map((sentence) => [sentence.n, sentence.text]));
	const found: string[] = [];
	visit(tree, (node) => {
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'PullQuote') {
			found.push(toString(node).replace(/\s+/g, ' ').trim());
			return 'skip';
		}
		if (node.type === 'mdxJsxTextElement' && node.name === 'S') {
			const n = node.attributes.find((attr) => attr.type === 'mdxJsxAttribute' && attr.name === 'n')?.value;
			found.push(numbered.get(Number(n))!);
		}
		return undefined;
	});
	return found;
}

const parsed = (body: string) => sentencesOf(parseArticle(body)).map((sentence) => sentence.text);

describe('the article’s sentences', () => {
	test('the reference list is the article as received, word for word, one sentence to a line', async () => {
		const article = (await readFile(path.join(FIXTURES, 'article.txt'), 'utf8')).replace(/\s+/g, ' ').trim();
		expect((await reference()).join(' ')).toBe(article);
	});

	test('the site finds exactly the reference’s sentences in the content, in reading order: none split, none merged', async () => {
		const files = ['introduction.mdx', ...(await declaredSections()).map((section) => `sections/${section.file}`)];
		const found: string[] = [];
		for (const file of files) found.push(...sentencesInOrder(parseArticle(bodyOf(await readFile(path.join(ROOT, 'content', file), 'utf8')))));
		expect(found).toEqual(await reference());
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
		expect(parsed('The U.S. troops left on 30 Aug. 2021 after 20 years. Mr. Putin said so, e.g. in 2.5 hours.')).toEqual([
			'The U.S. troops left on 30 Aug. 2021 after 20 years.',
			'Mr. Putin said so, e.g. in 2.5 hours.',
		]);
	});

	test('a sentence across emphasis or a link is cut where it ends, the element kept on both sides', () => {
		const tree = parseArticle('It began *in April. Then* it ended [here. And](/timeline/) there.');
		expect(sentencesOf(tree).map((sentence) => sentence.text)).toEqual(['It began in April.', 'Then it ended here.', 'And there.']);
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
		const tree = parseArticle('Russia’s policy towards *the* Taliban is quite different from before.');
		expect(markParagraphs(tree)).toEqual([{ id: 'p-russias-policy-towards-the-taliban-is', text: 'Russia’s policy towards the Taliban is quite different from before.' }]);
		const paragraph = tree.children[0]!;
		expect(paragraph.data?.hProperties).toEqual({ id: 'p-russias-policy-towards-the-taliban-is', label: 'Russia’s policy towards the Taliban is…' });
	});

	test('two paragraphs that open alike get distinct ids; a pull quote gets none', () => {
		const ids = markParagraphs(parseArticle('The same six words open both, then one.\n\nThe same six words open both, then two.\n\n<PullQuote>\nThe same.\n</PullQuote>')).map((p) => p.id);
		expect(ids).toHaveLength(2);
		expect(new Set(ids).size).toBe(2);
	});
});
