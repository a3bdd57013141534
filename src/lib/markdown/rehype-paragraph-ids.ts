/**
 * Gives every paragraph of the article a stable id built from its first words, so that any
 * paragraph can be linked to (`/soviet-era/#p-from-the-post-world-war-ii-to`).
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { paragraphId } from '../anchors.ts';

export function rehypeParagraphIds() {
	return (tree: Root) => {
		const slugger = new GithubSlugger();
		visit(tree, 'element', (node) => {
			if (node.tagName !== 'p' || node.properties.id) return;
			node.properties.id = paragraphId(toString(node), slugger);
		});
	};
}
