/**
 * An MDX file of the article as a plain Markdown tree, for the exports: parsed as the site parses
 * it (sentences on one line form one paragraph), imports and expressions dropped, and each of the
 * article's components (`<S>`, `<PullQuote>`, `<Byline>`) replaced by what the export makes of it.
 */
import type { Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { ContentError } from '../../content/errors';
import type { Component } from '../../content/markdown/mdx';
import { parseArticle } from '../../content/markdown/parse';

/**
 * @param replace what a component becomes (its replacement nodes), or undefined when the export
 * has no form for it: the build stops, naming the file, the component and its line.
 */
export function articleTree(body: string, file: string, format: string, replace: (node: Component) => RootContent[] | undefined): Root {
	const tree = parseArticle(body);
	visit(tree, (node, index, parent) => {
		if (!parent || index === undefined) return;
		if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
			parent.children.splice(index, 1);
			return [SKIP, index];
		}
		if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
		const replacement = replace(node);
		const line = node.position ? ` (line ${node.position.start.line})` : '';
		if (!replacement) throw new ContentError(file, `<${node.name ?? ''}>${line}`, `has no ${format} form: use <S>, <PullQuote> or <Byline>`);
		parent.children.splice(index, 1, ...(replacement as never[]));
		return index;
	});
	return tree;
}
