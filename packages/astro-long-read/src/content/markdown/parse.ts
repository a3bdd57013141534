/**
 * An MDX body parsed as the site reads it, outside Astro's compile: for the page model (reading
 * time, the ids a body gives its page, the links it writes) and the exports. Sentences on one
 * line form one paragraph, and every sentence is its own `<S>`, numbered, as on the site.
 */
import GithubSlugger from 'github-slugger';
import { LRUCache } from 'lru-cache';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Anchor } from '../anchor-clashes.ts';
import { countWords } from '../reading.ts';
import { SENTENCE, attribute } from './mdx.ts';
import { type TreeParagraph, markParagraphs } from './paragraphs.ts';
import { sentencesAsParagraphs } from './remark-article.ts';
import { type TreeSentence, markSentences, sentencesOf } from './sentences.ts';
import { authorText, flat } from './text.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * Parsed bodies, as parsed: the page model and each export (Markdown, EPUB) read the same body,
 * and change their tree, so each gets a copy (0.1 ms against 3 ms to parse a short section).
 */
const parsed = new LRUCache<string, Root>({ max: 1_000 });

/** The body as a tree, its sentences wrapped and numbered as the build wraps them: a tree of the caller's own. */
export function parseArticle(body: string): Root {
	let tree = parsed.get(body);
	if (tree === undefined) {
		tree = parser.parse(body) as Root;
		sentencesAsParagraphs(tree);
		markSentences(tree);
		parsed.set(body, tree);
	}
	return structuredClone(tree);
}

/** A link as written in the MDX: where it goes, and how to find it (`[its text](its url)`). */
export interface WrittenLink {
	url: string;
	field: string;
}

/** A heading as the page shows it: its id (from its words) and its text. */
export interface TreeHeading {
	id: string;
	depth: number;
	text: string;
}

/** What the page model reads of a body: its words, the ids it gives its page, the links it writes. */
interface BodyFacts {
	words: number;
	anchors: Anchor[];
	links: WrittenLink[];
	headings: TreeHeading[];
	paragraphs: TreeParagraph[];
	sentences: TreeSentence[];
	/** Every block's text in order (headings, paragraphs): what a quote's context is read from. */
	blocks: string[];
	/** The author's byline (`<Byline>`), word for word, when the body has one. */
	byline?: string | undefined;
}

/** By body: in `astro dev` an edit changes one section, and the others are not parsed again. */
const facts = new LRUCache<string, BodyFacts>({ max: 1_000 });

function factsOf(body: string): BodyFacts {
	let found = facts.get(body);
	if (found === undefined) {
		const tree = parseArticle(body);
		const slugger = new GithubSlugger();
		const paragraphs = markParagraphs(tree);
		found = { words: countWords(authorText(tree)), anchors: [], links: [], headings: [], paragraphs, sentences: sentencesOf(tree), blocks: [] };
		const { anchors, links, headings, blocks } = found;
		visit(tree, (node) => {
			if (node.type === 'heading') {
				// Its id from its text, made unique within the file, as the rehype step does.
				const text = toString(node);
				const id = slugger.slug(text);
				anchors.push({ id, kind: 'heading', field: `${'#'.repeat(node.depth)} ${text}` });
				headings.push({ id, depth: node.depth, text: flat(text) });
				blocks.push(flat(text));
			} else if (node.type === 'paragraph') blocks.push(flat(toString(node)));
			else if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === SENTENCE) {
				const id = attribute(node, 'id');
				if (id) anchors.push({ id, kind: 'sentence', field: `<${SENTENCE} id="${id}">` });
			} else if (node.type === 'mdxJsxFlowElement' && node.name === 'Byline') found!.byline = flat(toString(node));
			else if (node.type === 'link') links.push({ url: node.url, field: `[${toString(node)}](${node.url})` });
			else if (node.type === 'definition') links.push({ url: node.url, field: `[${node.label ?? node.identifier}]: ${node.url}` });
		});
		facts.set(body, found);
	}
	return found;
}

/** How many of the author's words an MDX body holds: the reading time's measure. */
export const authorWords = (body: string): number => factsOf(body).words;

/** The ids an MDX body gives its page: its named sentences' and its headings'. */
export const anchorsOf = (body: string): Anchor[] => factsOf(body).anchors;

/** The links an MDX body writes, inline or by reference. */
export const linksOf = (body: string): WrittenLink[] => factsOf(body).links;

/** What a body's page shows that a link can point at: headings, paragraphs, sentences, in order, and its text. */
/** The byline a body gives, word for word (`<Byline>`); undefined when it has none. */
export const bylineOf = (body: string): string | undefined => factsOf(body).byline;

export const partsOf = (body: string): Pick<BodyFacts, 'headings' | 'paragraphs' | 'sentences' | 'blocks'> => factsOf(body);
