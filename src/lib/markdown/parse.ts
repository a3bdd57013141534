/**
 * An MDX body parsed as the site reads it, outside Astro's compile: for the page model (reading
 * time) and the exports. Sentences on one line form one paragraph, as on the site.
 */
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

/** How many of the author's words an MDX body holds: the reading time's measure. */
export const authorWords = (body: string) => countWords(authorText(parseArticle(body)));
