/**
 * Every sentence of the article, found on the parsed MDX by a real sentence segmenter
 * (`parse-english`, the unified ecosystem's parser of natural language, which keeps initialisms
 * and abbreviations whole). A paragraph's sentences that the author did not mark are wrapped in
 * an `<S n="…">` of their own, so that each sentence of the article is one element with an id.
 * Sentences the author marked (`<S id="…">`) stay as they are, one sentence each.
 *
 * `n` numbers a file's sentences in document order (marked ones included); the page model turns
 * each number into the sentence's id (`sentence-ids.ts`), which must be unique across the whole
 * article and so cannot be chosen one file at a time.
 */
import type { Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Sentence as NlcstSentence } from 'nlcst';
import { ParseEnglish } from 'parse-english';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { SENTENCE, attribute } from './mdx.ts';
import { inRepeat } from './paragraphs.ts';

/** The attribute that numbers a file's sentences. */
export const SENTENCE_NUMBER = 'n';
/** The attribute that names a sentence's file (the site's build sets it), for its id. */
export const SENTENCE_FILE = 'file';

const parser = new ParseEnglish();

/** The text a phrasing node contributes to its sentence: text and code, not comments or expressions. */
function textOf(node: PhrasingContent): string {
	if (node.type === 'text' || node.type === 'inlineCode') return node.value;
	if ('children' in node) return (node.children as PhrasingContent[]).map(textOf).join('');
	return '';
}

/** Where each sentence of a run of text starts and ends, as offsets into it. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
	const spans: { start: number; end: number }[] = [];
	visit(parser.parse(text), 'SentenceNode', (node: NlcstSentence) => {
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		if (start !== undefined && end !== undefined) spans.push({ start, end });
	});
	return spans;
}

/** Splits phrasing content at a text offset; an element cut in two keeps its kind on both sides. */
function splitAt(nodes: readonly PhrasingContent[], offset: number): [PhrasingContent[], PhrasingContent[]] {
	const left: PhrasingContent[] = [];
	const right: PhrasingContent[] = [];
	let at = 0;
	for (const node of nodes) {
		const length = textOf(node).length;
		if (at + length <= offset) left.push(node);
		else if (at >= offset) right.push(node);
		else if (node.type === 'text') {
			left.push({ ...node, value: node.value.slice(0, offset - at) });
			right.push({ ...node, value: node.value.slice(offset - at) });
		} else if ('children' in node) {
			const [inside, outside] = splitAt(node.children as PhrasingContent[], offset - at);
			if (inside.length) left.push({ ...node, children: inside } as PhrasingContent);
			if (outside.length) right.push({ ...node, children: outside } as PhrasingContent);
		} else left.push(node);
		at += length;
	}
	return [left, right];
}

const isMarked = (node: PhrasingContent): node is MdxJsxTextElement => node.type === 'mdxJsxTextElement' && node.name === SENTENCE;

/** A run of the author's text with no marked sentence in it, cut into its sentences and the space between. */
function wrapRun(run: PhrasingContent[], next: () => MdxJsxTextElement): PhrasingContent[] {
	const text = run.map(textOf).join('');
	const out: PhrasingContent[] = [];
	let rest = run;
	let consumed = 0;
	for (const { start, end } of sentenceSpans(text)) {
		const [before, from] = splitAt(rest, start - consumed);
		const [inside, after] = splitAt(from, end - start);
		out.push(...before);
		const sentence = next();
		sentence.children = inside;
		out.push(sentence);
		rest = after;
		consumed = end;
	}
	out.push(...rest);
	return out;
}

/**
 * Wraps every sentence the author did not mark in `<S n="…">` and numbers the marked ones, in
 * document order. Paragraphs of a pull quote (a repeat) are left alone. Returns how many
 * sentences the tree holds.
 */
export function markSentences(tree: Root): number {
	let count = 0;
	const number = (node: MdxJsxTextElement) => {
		const attr: MdxJsxAttribute = { type: 'mdxJsxAttribute', name: SENTENCE_NUMBER, value: String(count++) };
		node.attributes = [...node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === SENTENCE_NUMBER)), attr];
		return node;
	};
	const fresh = () => number({ type: 'mdxJsxTextElement', name: SENTENCE, attributes: [], children: [] });
	visitParents(tree, 'paragraph', (paragraph: Paragraph, ancestors: Parent[]) => {
		if (inRepeat(ancestors)) return;
		const out: PhrasingContent[] = [];
		let run: PhrasingContent[] = [];
		for (const child of paragraph.children) {
			if (isMarked(child)) {
				out.push(...wrapRun(run, fresh), number(child));
				run = [];
			} else run.push(child);
		}
		out.push(...wrapRun(run, fresh));
		paragraph.children = out;
	});
	return count;
}

/** A sentence as the tree holds it: its number in the file, the id the author gave it, its text. */
export interface TreeSentence {
	n: number;
	id?: string | undefined;
	text: string;
}

/** The sentences of a tree that `markSentences` has numbered, in document order. */
export function sentencesOf(tree: Root): TreeSentence[] {
	const found: TreeSentence[] = [];
	visit(tree, 'mdxJsxTextElement', (node: MdxJsxTextElement) => {
		if (node.name !== SENTENCE) return;
		const n = attribute(node, SENTENCE_NUMBER);
		if (n === undefined) return;
		found.push({ n: Number(n), id: attribute(node, 'id'), text: (node.children as PhrasingContent[]).map(textOf).join('').replace(/\s+/g, ' ').trim() });
	});
	return found;
}
