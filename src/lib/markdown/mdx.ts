/** Reading the article's MDX components (`<S id="…">`) in a syntax tree. */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/** A component in the tree, as a block or inline. */
export type Component = MdxJsxFlowElement | MdxJsxTextElement;

/** An attribute of a component, when it is a plain string (`id="saur"`). */
export function attribute(node: Component, name: string): string | undefined {
	const found = node.attributes.find((attr) => attr.type === 'mdxJsxAttribute' && attr.name === name);
	return typeof found?.value === 'string' ? found.value : undefined;
}
