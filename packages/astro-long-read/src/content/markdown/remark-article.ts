/**
 * Checks each MDX file of the article as it is compiled, where its body is a real syntax tree:
 * every marked sentence `<S id="…">` has a unique id, every event in the frontmatter points at a
 * sentence of the same file, and every event's `when` is the article's own wording. Errors name
 * the file and the field.
 */
import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ContentError } from '../errors.ts';
import { SENTENCE, attribute, fileName } from './mdx.ts';
import { markParagraphs } from './paragraphs.ts';
import { SENTENCE_FILE, markSentences } from './sentences.ts';
import { authorText, flat } from './text.ts';


interface FrontmatterEvent {
	id?: unknown;
	sentence?: unknown;
	when?: unknown;
}


/**
 * MDX reads a line that starts and ends with a tag (`<S id="a">…</S> <S id="b">…</S>`) as block
 * JSX, not as a paragraph. Sentences are inline: put such runs back into a paragraph.
 */
export function sentencesAsParagraphs(tree: Root) {
	visit(tree, (node) => {
		if (!('children' in node) || node.type === 'paragraph') return;
		const children = node.children as RootContent[];
		const out: RootContent[] = [];
		let run: Paragraph | undefined;
		for (const child of children) {
			if (child.type === 'mdxJsxFlowElement' && child.name === SENTENCE) {
				const inline = child.children.flatMap((c): PhrasingContent[] => (c.type === 'paragraph' ? c.children : [c as PhrasingContent]));
				const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name: child.name, attributes: child.attributes, children: inline, position: child.position };
				// Tags on one line form one paragraph; a blank line starts the next.
				const sameLine = run?.position && child.position && run.position.end.line === child.position.start.line;
				if (run && sameLine) {
					run.children.push({ type: 'text', value: ' ' }, element);
					run.position = { start: run.position!.start, end: child.position!.end };
				}
				else out.push((run = { type: 'paragraph', children: [element], position: child.position }));
			} else {
				run = undefined;
				out.push(child);
			}
		}
		(node as Parent).children = out;
	});
}

export function remarkArticle() {
	return (tree: Root, file: VFile) => {
		sentencesAsParagraphs(tree);
		const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
		const frontmatter = (astro.frontmatter ??= {});
		const where = fileName(file);

		const sentences = new Map<string, string>();
		visit(tree, (node) => {
			if (node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') return;
			if (node.name !== SENTENCE) return;
			const id = attribute(node, 'id');
			const line = node.position ? ` (line ${node.position.start.line})` : '';
			if (!id) throw new ContentError(where, `<${SENTENCE}>${line}`, 'needs an id attribute with a quoted string, e.g. <S id="great-flood">');
			if (sentences.has(id)) throw new ContentError(where, `<${SENTENCE} id="${id}">${line}`, 'is used twice in this file; sentence ids must be unique');
			sentences.set(id, flat(toString(node)));
		});

		// The author's text: everything but our headings.
		const body = authorText(tree);
		const events = Array.isArray(frontmatter.events) ? (frontmatter.events as FrontmatterEvent[]) : [];
		events.forEach((event, index) => {
			const field = `events[${index}]`;
			if (typeof event.sentence === 'string' && !sentences.has(event.sentence)) {
				const known = [...sentences.keys()].map((id) => `"${id}"`).join(', ') || 'none';
				throw new ContentError(where, `${field}.sentence`, `points at "${event.sentence}", but this file has no <S id="${event.sentence}"> (sentences here: ${known})`);
			}
			if (typeof event.when === 'string' && !body.includes(flat(event.when))) {
				throw new ContentError(where, `${field}.when`, `"${event.when}" is not the article's wording: it does not occur in this file's text`);
			}
		});

		// Every paragraph and every sentence gets its element and its id (the model names the sentences).
		markParagraphs(tree);
		markSentences(tree);
		visit(tree, 'mdxJsxTextElement', (node) => {
			if (node.name === SENTENCE) node.attributes.push({ type: 'mdxJsxAttribute', name: SENTENCE_FILE, value: where });
		});
	};
}
