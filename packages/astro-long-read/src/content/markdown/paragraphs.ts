/**
 * Gives every paragraph of the article a stable id built from its first words, so that any
 * paragraph can be linked to (`/the-ferry/#p-the-first-ferry-crossed-the-river`), and its opening
 * words as the label of its permalink. Set on the Markdown tree (`data.hProperties`), where the
 * page model reads the same ids. A pull quote repeats a sentence of the text: it gets no id.
 */
import GithubSlugger from 'github-slugger';
import type { Paragraph, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { opening, paragraphId } from '../anchors.ts';

/** MDX components whose paragraphs are not the article's own place for that text. */
export const REPEATS = new Set(['PullQuote']);

/** Whether a node sits in a repeat of the article's text (a pull quote). */
export const inRepeat = (ancestors: readonly Parent[]) => ancestors.some((parent) => parent.type === 'mdxJsxFlowElement' && REPEATS.has(String((parent as MdxJsxFlowElement).name)));

/** A paragraph's id and text, in document order. */
export interface TreeParagraph {
	id: string;
	text: string;
}

/** Sets each paragraph's id and permalink label; returns them in document order. */
export function markParagraphs(tree: Root): TreeParagraph[] {
	const slugger = new GithubSlugger();
	const found: TreeParagraph[] = [];
	visitParents(tree, 'paragraph', (node: Paragraph, ancestors: Parent[]) => {
		if (inRepeat(ancestors)) return;
		const text = toString(node);
		const id = paragraphId(text, slugger);
		node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id, label: opening(text) } };
		found.push({ id, text: text.replace(/\s+/g, ' ').trim() });
	});
	return found;
}
