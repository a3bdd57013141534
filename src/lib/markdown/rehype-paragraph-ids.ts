/**
 * Gives every paragraph of the article a stable id built from its first words, so that any
 * paragraph can be linked to (`/soviet-era/#p-from-the-post-world-war-ii-to`), and names each
 * self-link: a paragraph by its opening words, a heading by its text (`label`, read from the
 * tree, so an `&` or a tag in the text is neither escaped twice nor lost). A pull quote repeats
 * a sentence of the text: it gets no id of its own.
 */
import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { opening, paragraphId } from '../anchors.ts';

/** MDX components whose paragraphs are not the article's own place for that text. */
const REPEATS = new Set(['PullQuote']);

/** Headings that get a link to themselves (the MDX's `##` and `###`). */
const HEADINGS = new Set(['h2', 'h3']);

export function rehypeParagraphIds() {
	return (tree: Root) => {
		const slugger = new GithubSlugger();
		visitParents(tree, 'element', (node, ancestors) => {
			if (HEADINGS.has(node.tagName)) {
				node.properties.label = toString(node).replace(/\s+/g, ' ').trim();
				return;
			}
			if (node.tagName !== 'p' || node.properties.id) return;
			if (ancestors.some((parent) => parent.type === 'mdxJsxFlowElement' && REPEATS.has(String(parent.name)))) return;
			const text = toString(node);
			node.properties.id = paragraphId(text, slugger);
			node.properties.label = opening(text);
		});
	};
}
