/**
 * Gives every paragraph of the article a stable id built from its first words, so that any
 * paragraph can be linked to (`/soviet-era/#p-from-the-post-world-war-ii-to`). A pull quote
 * repeats a sentence of the text: it gets no id of its own.
 */
import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { paragraphId } from '../anchors.ts';

/** MDX components whose paragraphs are not the article's own place for that text. */
const REPEATS = new Set(['PullQuote']);

export function rehypeParagraphIds() {
	return (tree: Root) => {
		const slugger = new GithubSlugger();
		visitParents(tree, 'element', (node, ancestors) => {
			if (node.tagName !== 'p' || node.properties.id) return;
			if (ancestors.some((parent) => parent.type === 'mdxJsxFlowElement' && REPEATS.has(String(parent.name)))) return;
			node.properties.id = paragraphId(toString(node), slugger);
		});
	};
}
