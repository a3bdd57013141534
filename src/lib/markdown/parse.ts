/**
 * An MDX body parsed as the site reads it, outside Astro's compile: for the page model (reading
 * time) and the exports. Sentences on one line form one paragraph, as on the site.
 */
import { LRUCache } from 'lru-cache';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { countWords } from '../reading.ts';
import { sentencesAsParagraphs } from './remark-article.ts';
import { authorText } from './text.ts';

const parser = unified().use(remarkParse).use(remarkMdx);

export function parseArticle(body: string): Root {
	const tree = parser.parse(body) as Root;
	sentencesAsParagraphs(tree);
	return tree;
}

/** Word counts by body: in `astro dev` an edit changes one section, and the others are not parsed again. */
const wordCounts = new LRUCache<string, number>({ max: 1_000 });

/** How many of the author's words an MDX body holds: the reading time's measure. */
export function authorWords(body: string): number {
	let words = wordCounts.get(body);
	if (words === undefined) {
		words = countWords(authorText(parseArticle(body)));
		wordCounts.set(body, words);
	}
	return words;
}
