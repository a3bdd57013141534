/**
 * Names each heading's self-link by its text (`label`, read from the tree, so an `&` or a tag in
 * the text is neither escaped twice nor lost). Paragraphs get their id and label earlier, on the
 * Markdown tree (`paragraphs.ts`), where the page model reads the same.
 */
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Headings that get a link to themselves (the MDX's `##` and `###`). */
const HEADINGS = new Set(['h2', 'h3']);

export function rehypeHeadingLabels() {
	return (tree: Root) => {
		visit(tree, 'element', (node) => {
			if (HEADINGS.has(node.tagName)) node.properties.label = toString(node).replace(/\s+/g, ' ').trim();
		});
	};
}
