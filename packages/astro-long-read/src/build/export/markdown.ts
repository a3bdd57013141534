/**
 * The article as Markdown, for machines and for people who want the text alone: the author's
 * words exactly as in the MDX, without our markup. Marked sentences (`<S>`) become their plain
 * text, the pull quote a block quote, the byline its paragraph. Whatever we add — the title,
 * headings, summaries, dates — is marked as ours by the page that assembles the file.
 */
import type { BlockContent, RootContent } from 'mdast';
import { LRUCache } from 'lru-cache';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SENTENCE } from '../../content/markdown/mdx';
import { articleTree } from './article-mdx';

const printer = unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true });

/** By body: a section's Markdown is its page's copy and part of `/read/index.md` and `/llms-full.txt`. */
const converted = new LRUCache<string, string>({ max: 1_000 });

/** The body of an MDX file (without its frontmatter) as Markdown. `file` names it in errors. */
export function mdxToMarkdown(body: string, file: string): string {
	let markdown = converted.get(body);
	if (markdown === undefined) converted.set(body, (markdown = convert(body, file)));
	return markdown;
}

function convert(body: string, file: string): string {
	const tree = articleTree(body, file, 'Markdown', (node) => {
		if (node.name === SENTENCE || node.name === 'Byline') return node.children as RootContent[];
		if (node.name === 'PullQuote') return [{ type: 'blockquote', children: node.children as BlockContent[] }];
		return undefined;
	});
	return String(printer.stringify(tree)).trim();
}
