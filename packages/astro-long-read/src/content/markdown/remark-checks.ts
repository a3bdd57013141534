/**
 * Checks what an author may write in the article's MDX, before anything else reads it: only the
 * article's components (`<S>`, `<PullQuote>`, `<Byline>`) with the attributes they use, in the
 * places they work; no raw HTML, imports, exports, expressions, images or footnotes, which the
 * site would show differently or the Markdown and EPUB copies would drop; sub-headings of level 2
 * and 3 only. Each message names the file, the element and its line, and says what to write
 * instead. (`remark-article.ts` then checks the sentences' ids against the events.)
 */
import damerauLevenshtein from 'damerau-levenshtein';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type {} from 'remark-mdx';
import type { Node } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { ANCHOR_ID, ANCHOR_ID_RULE } from '../content-files.ts';
import { ContentError } from '../errors.ts';
import { type Component, SENTENCE, attribute, fileName } from './mdx.ts';

interface ComponentRule {
	/** The attributes it reads; any other would be dropped without a word. */
	attributes: readonly string[];
	/** A block (on lines of its own, at the top level of the file), or inline in a paragraph. */
	block: boolean;
}

/**
 * The components an MDX file of the article may use: the capitalised names of `mdxComponents`
 * in `show/mdx/index.ts` (a unit test keeps the two lists equal).
 */
export const COMPONENTS: Readonly<Record<string, ComponentRule>> = {
	[SENTENCE]: { attributes: ['id'], block: false },
	PullQuote: { attributes: [], block: true },
	Byline: { attributes: [], block: true },
};

const USE = 'use <S id="…"> for a sentence, <PullQuote> or <Byline>';

/** Nodes a sentence cannot hold: a sentence is a run of text. */
const BLOCKS = new Set(['heading', 'list', 'listItem', 'blockquote', 'code', 'table', 'thematicBreak', 'mdxJsxFlowElement']);

/** An expression that holds only comments (`{/* a note *\/}`) shows nothing and loses nothing. */
const onlyComments = (value: string) => /^(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*)*$/.test(value);

const isComponent = (node: Node): node is Component => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';


/**
 * The component whose name differs from `name` only in case or by one slip of a letter (one
 * letter changed, added, dropped, or two swapped: Damerau–Levenshtein distance 1, ignoring case):
 * `Pullquote`, `PullQoute`. Names shorter than three letters match only in case (`<s>` for `<S>`).
 */
function nearest(name: string): string | undefined {
	const lower = name.toLowerCase();
	return Object.keys(COMPONENTS).find((known) => {
		const other = known.toLowerCase();
		if (other === lower) return true;
		return Math.min(other.length, lower.length) >= 3 && damerauLevenshtein(other, lower).steps === 1;
	});
}

/** The element as written (`<S id="a">`, `<Pullquote>`), for messages. */
function tag(node: Component): string {
	const id = attribute(node, 'id');
	return id === undefined ? `<${node.name ?? ''}>` : `<${node.name} id="${id}">`;
}

/** The first descendant of `node` that `test` accepts. */
function find(node: Node, test: (node: Node) => boolean): Node | undefined {
	for (const child of (node as { children?: Node[] }).children ?? []) {
		if (test(child)) return child;
		const found = find(child, test);
		if (found) return found;
	}
	return undefined;
}

/** Throws a `ContentError` for the first thing in the tree that the article cannot hold. */
export function checkArticleTree(tree: Root, where: string): void {
	visitParents(tree, (node, ancestors) => {
		const line = node.position ? ` (line ${node.position.start.line})` : '';
		const fail = (what: string, message: string): never => {
			throw new ContentError(where, `${what}${line}`, message);
		};
		switch (node.type) {
			case 'mdxjsEsm':
				return fail(/^\s*import\b/.test(node.value) ? 'import' : 'export', 'is not part of the article: these files hold text, and <S>, <PullQuote> and <Byline> need no import');
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				if (onlyComments(node.value)) return;
				return fail(`{${node.value.trim().slice(0, 30)}}`, 'is a JavaScript expression, which the Markdown and EPUB copies drop: write the words themselves (a comment, {/* … */}, is fine)');
			case 'image':
			case 'imageReference':
				return fail('image', "is not part of the article: the site and its copies carry the author's text only");
			case 'footnoteReference':
			case 'footnoteDefinition':
				return fail('footnote', `is not supported: the EPUB book would lose its text; an editorial note belongs in an event's "precision"`);
			case 'heading':
				if (node.depth === 1) return fail('# heading', "is a level-1 heading, but the page's title is the only one: use ## for a sub-heading");
				if (node.depth > 3) return fail(`${'#'.repeat(node.depth)} heading`, 'is too deep: sub-headings are ## (or ### beneath one)');
				return;
		}
		if (!isComponent(node)) return;

		const written = tag(node);
		if (node.name === null) return fail('<>', 'is a fragment, which the article does not use: remove <> and </>');
		const guess = nearest(node.name);
		const meant = guess && guess !== node.name ? ` (did you mean <${guess}>?)` : '';
		if (/^[a-z]/.test(node.name)) {
			return fail(written, `is raw HTML, which the article does not use${meant}: write Markdown (*emphasis*, [a link](/timeline/), ## a heading), or ${USE}`);
		}
		const rule = COMPONENTS[node.name];
		if (!rule) return fail(written, `is not a component of the article${meant}: ${USE}`);
		for (const attr of node.attributes) {
			if (attr.type === 'mdxJsxExpressionAttribute') return fail(written, 'has a {…} attribute: give each attribute as name="value"');
			if (!rule.attributes.includes(attr.name)) {
				const allowed = rule.attributes.length ? `it takes only ${rule.attributes.map((name) => `${name}="…"`).join(', ')}` : 'it takes none';
				return fail(written, `has an attribute "${attr.name}" that it does not use, so it would be lost: remove it (${allowed})`);
			}
		}
		if (rule.block && (node.type === 'mdxJsxTextElement' || ancestors.at(-1)?.type !== 'root')) {
			return fail(written, 'must stand on lines of its own, with a blank line before and after, outside any other element');
		}
		if (node.name !== SENTENCE) return;

		const id = attribute(node, 'id');
		// A missing id is remark-article's to report, with an example of a good one.
		if (id && !ANCHOR_ID.test(id)) return fail(written, `id ${ANCHOR_ID_RULE}, e.g. <S id="great-flood">`);
		const outer = [...ancestors].reverse().find((ancestor) => (isComponent(ancestor) && ancestor.name === SENTENCE) || ancestor.type === 'heading' || ancestor.type === 'link');
		if (outer?.type === 'heading') return fail(written, "is inside a heading: headings are ours, sentences are the author's; put the sentence in a paragraph");
		if (outer?.type === 'link') return fail(written, 'is inside a link: a sentence links to its timeline entries itself; put the link inside the sentence');
		if (outer) return fail(written, `is inside ${tag(outer as Component)}: sentences cannot nest; close the first before the next begins`);
		const block = find(node, (child) => BLOCKS.has(child.type));
		if (block) return fail(written, `holds a ${isComponent(block) ? tag(block) : block.type}: a sentence is text only`);
		if (toString(node).trim() === '') return fail(written, 'marks no text: put the sentence between <S id="…"> and </S>');
	});
}

/** The remark plugin: the checks, on each MDX file as Astro compiles it. */
export function remarkChecks() {
	return (tree: Root, file: VFile) => checkArticleTree(tree, fileName(file));
}
