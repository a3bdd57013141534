/** Reading the article's MDX components (`<S id="…">`) in a syntax tree. */
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { shownPath } from '../errors.ts';

/** The inline MDX component that marks a sentence: `<S id="great-flood">…</S>`. */
export const SENTENCE = 'S';

/** The MDX file being compiled, as messages name it. */
export const fileName = (file: VFile) => (file.path ? shownPath(file.path) : '<mdx>');

/** A component in the tree, as a block or inline. */
export type Component = MdxJsxFlowElement | MdxJsxTextElement;

/** An attribute of a component, when it is a plain string (`id="great-flood"`). */
export function attribute(node: Component, name: string): string | undefined {
	const found = node.attributes.find((attr) => attr.type === 'mdxJsxAttribute' && attr.name === name);
	return typeof found?.value === 'string' ? found.value : undefined;
}
