/**
 * An MDX body parsed as the site reads it, outside Astro's compile: for the page model (reading
 * time) and the exports. Sentences on one line form one paragraph, as on the site.
 */
import GithubSlugger from 'github-slugger';
import { LRUCache } from 'lru-cache';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Anchor } from '../anchor-clashes.ts';
import { countWords } from '../reading.ts';
import { SENTENCE, attribute } from './mdx.ts';
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

const anchorLists = new LRUCache<string, Anchor[]>({ max: 1_000 });

/**
 * The ids an MDX body gives its page: its sentences' and its headings' (a heading's from its
 * text, made unique within the file, as the rehype step does).
 */
export function anchorsOf(body: string): Anchor[] {
	let anchors = anchorLists.get(body);
	if (anchors === undefined) {
		const slugger = new GithubSlugger();
		const found: Anchor[] = [];
		visit(parseArticle(body), (node) => {
			if (node.type === 'heading') {
				const text = toString(node);
				found.push({ id: slugger.slug(text), field: `${'#'.repeat(node.depth)} ${text}` });
			} else if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === SENTENCE) {
				const id = attribute(node, 'id');
				if (id) found.push({ id, field: `<${SENTENCE} id="${id}">` });
			}
		});
		anchors = found;
		anchorLists.set(body, anchors);
	}
	return anchors;
}

/** A link as written in the MDX: where it goes, and how to find it (`[its text](its url)`). */
export interface WrittenLink {
	url: string;
	field: string;
}

/** The links an MDX body writes, inline or by reference. */
export function linksOf(body: string): WrittenLink[] {
	const links: WrittenLink[] = [];
	visit(parseArticle(body), (node) => {
		if (node.type === 'link') links.push({ url: node.url, field: `[${toString(node)}](${node.url})` });
		else if (node.type === 'definition') links.push({ url: node.url, field: `[${node.label ?? node.identifier}]: ${node.url}` });
	});
	return links;
}
