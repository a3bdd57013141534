/** The author's text of an article tree, as a browser shows it: for checks and the reading time. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Collapses runs of white space, as a browser shows the text. */
export const flat = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The author's text: everything but our headings, imports and expressions, as one line. */
export const authorText = (tree: Root) =>
	flat(
		tree.children
			.filter((node) => node.type !== 'heading' && node.type !== 'mdxjsEsm' && node.type !== 'mdxFlowExpression')
			.map((node) => toString(node))
			.join(' '),
	);
