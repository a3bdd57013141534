/**
 * The article's sentences against the reference read by a person (tests/fixtures/sentences.txt).
 * The segmenter's own unit tests are the package's
 * (packages/astro-long-read/test/unit/markdown/sentences.test.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArticle } from 'astro-long-read/content/markdown/parse';
import { ROOT, declaredSections } from '../../helpers/build';
import { bodyOf } from '../../../scripts/bench/project.mjs';
import { sentencesInOrder } from '../../../packages/astro-long-read/test/helpers/sentences';

const FIXTURES = path.join(ROOT, 'tests/fixtures');

/** The reference: the article's sentences one to a line, as read by a person (pull quote included where it stands). */
const reference = async () => (await readFile(path.join(FIXTURES, 'sentences.txt'), 'utf8')).split('\n').filter(Boolean);


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
