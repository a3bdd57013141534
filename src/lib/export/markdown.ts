/**
 * The article as Markdown, for machines and for people who want the text alone: the author's
 * words exactly as in the MDX, without our markup. Marked sentences (`<S>`) become their plain
 * text, the pull quote a block quote, the byline its paragraph. Whatever we add — the title,
 * headings, summaries, dates — is marked as ours by the page that assembles the file.
 */
import type { Blockquote, BlockContent, Root, RootContent } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { ContentError } from '../errors';
import { SENTENCE, sentencesAsParagraphs } from '../markdown/remark-article';

const parser = unified().use(remarkParse).use(remarkMdx);
const printer = unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true });

/** The MDX components the article uses, and what each becomes in Markdown. */
const UNWRAP = new Set([SENTENCE, 'Byline']);
const QUOTE = 'PullQuote';

/** The body of an MDX file (without its frontmatter) as Markdown. `file` names it in errors. */
export function mdxToMarkdown(body: string, file: string): string {
	const tree = parser.parse(body) as Root;
	sentencesAsParagraphs(tree);
	visit(tree, (node, index, parent) => {
		if (!parent || index === undefined) return;
		if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
			parent.children.splice(index, 1);
			return [SKIP, index];
		}
		if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
		const line = node.position ? ` (line ${node.position.start.line})` : '';
		if (node.name === QUOTE) {
			const quote: Blockquote = { type: 'blockquote', children: node.children as BlockContent[] };
			parent.children.splice(index, 1, quote as never);
			return index;
		}
		if (!node.name || !UNWRAP.has(node.name)) throw new ContentError(file, `<${node.name ?? ''}>${line}`, 'has no Markdown form: use <S>, <PullQuote> or <Byline>');
		parent.children.splice(index, 1, ...(node.children as RootContent[] as never[]));
		return index;
	});
	return String(printer.stringify(tree)).trim();
}
