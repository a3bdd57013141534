/** What a reader reads, in order: a body's sentences as the package finds them, and a pull quote's text where it stands (it repeats a sentence). */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { sentencesOf } from '../../src/content/markdown/sentences';

export function sentencesInOrder(tree: Root): string[] {
	const numbered = new Map(sentencesOf(tree).map((sentence) => [sentence.n, sentence.text]));
	const found: string[] = [];
	visit(tree, (node) => {
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'PullQuote') {
			found.push(toString(node).replace(/\s+/g, ' ').trim());
			return 'skip';
		}
		if (node.type === 'mdxJsxTextElement' && node.name === 'S') {
			const n = node.attributes.find((attr) => attr.type === 'mdxJsxAttribute' && attr.name === 'n')?.value;
			found.push(numbered.get(Number(n))!);
		}
		return undefined;
	});
	return found;
}
