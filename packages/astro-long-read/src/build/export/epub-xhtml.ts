/**
 * The book's XHTML: every page is a hast tree — built with hastscript, the author's words coming
 * from the MDX through mdast-util-to-hast — turned into an XML tree by hast-util-to-xast and
 * written by xast-util-to-xml. An XML serialiser, so the pages are well-formed XHTML whatever
 * their text: it escapes what XML needs and writes a boolean attribute (the landmarks' `hidden`)
 * as `hidden=""`, where an HTML serialiser such as hast-util-to-html leaves it bare.
 */
import type { ElementContent, Root as HastRoot } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { h } from 'hastscript';
import type { RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { Element as XastElement, Root as XastRoot } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { SENTENCE, attribute } from '../../content/markdown/mdx';
import { SENTENCE_NUMBER } from '../../content/markdown/sentences';
import { articleTree } from './article-mdx';

/** The namespace of `epub:type`. */
const EPUB_NAMESPACE = 'http://www.idpf.org/2007/ops';
/** The style sheet every page links to, next to the pages. */
export const STYLE_FILE = 'style.css';

/** Items one to a line, as a person would write them: a newline before each and after the last. */
export function lines<T>(items: readonly T[]): (T | string)[] {
	return [...items.flatMap((item) => ['\n', item]), '\n'];
}

/**
 * One page of the book: an XHTML document with the title, the style sheet and `content` in its
 * body; `type` is the body's `epub:type` (`cover`).
 */
export function xhtmlPage(language: string, title: string, content: readonly ElementContent[], type?: string): string {
	const html = h('html', { 'xmlns:epub': EPUB_NAMESPACE, lang: language, 'xml:lang': language }, [
		...lines([
			h('head', lines([h('meta', { charSet: 'UTF-8' }), h('title', title), h('link', { rel: 'stylesheet', type: 'text/css', href: STYLE_FILE })])),
			h('body', { 'epub:type': type }, lines(content)),
		]),
	]);
	const page: XastRoot = {
		type: 'root',
		children: [
			{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
			{ type: 'text', value: '\n' },
			{ type: 'doctype', name: 'html' },
			{ type: 'text', value: '\n' },
			toXast(html) as XastElement,
			{ type: 'text', value: '\n' },
		],
	};
	// Empty elements closed, `<br />` rather than `<br></br>` (which an HTML parser reads as two).
	return toXml(page, { closeEmptyElements: true });
}

/**
 * An MDX body as XHTML elements: every sentence has the id it has on the site (`ids`, by its
 * number in the file), so the timeline can link to it; our headings are marked as ours, as on the site.
 */
export function articleBody(body: string, file: string, ids: readonly string[]): ElementContent[] {
	const tree = articleTree(body, file, 'EPUB', (node) => {
		// A node that mdast-util-to-hast turns into the element named by `data.hName`.
		const element = (tagName: string, properties: Record<string, string>) =>
			({ type: 'paragraph', children: node.children, data: { hName: tagName, hProperties: properties } }) as unknown as RootContent;
		if (node.name === SENTENCE) {
			const id = attribute(node, 'id') ?? ids[Number(attribute(node, SENTENCE_NUMBER))];
			if (!id) throw new Error(`${file}: a sentence has no id in the book: the page model and the book disagree on its sentences`);
			return [element('span', { id })];
		}
		if (node.name === 'PullQuote') return [element('blockquote', { className: 'pull-quote' })];
		if (node.name === 'Byline') return [element('div', { className: 'byline' })];
		return undefined;
	});
	const hast = toHast(tree) as HastRoot;
	visit(hast, 'element', (node) => {
		if (/^h[2-6]$/.test(node.tagName)) node.properties = { ...node.properties, className: ['editorial'] };
	});
	// The blocks alone: `xhtmlPage` puts them one to a line.
	return hast.children.filter((node): node is ElementContent => node.type !== 'doctype' && !(node.type === 'text' && !node.value.trim()));
}
