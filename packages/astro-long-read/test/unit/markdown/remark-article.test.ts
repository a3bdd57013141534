import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { authorWords } from '../../../src/content/markdown/parse';
import { remarkArticle } from '../../../src/content/markdown/remark-article';

/** Runs the plugin as Astro does: frontmatter already parsed into `data.astro.frontmatter`. */
async function run(body: string, frontmatter: Record<string, unknown> = {}) {
	const file = new VFile({ path: `${process.cwd()}/content/sections/01-test.mdx`, value: body, data: { astro: { frontmatter } } });
	const processor = unified().use(remarkParse).use(remarkMdx).use(remarkArticle);
	const tree = (await processor.run(processor.parse(file), file)) as Root;
	return { tree, frontmatter: (file.data.astro as { frontmatter: Record<string, unknown> }).frontmatter };
}

describe('remarkArticle', () => {
	test('the reading time counts the author’s words, not our headings, imports or expressions', () => {
		expect(authorWords('import X from "x";\n\n## Our heading\n\nOne two three.\n\n{1 + 1}\n\n<S id="a">Four five.</S>\n')).toBe(5);
	});

	test('sentences on one line become one paragraph; a blank line starts the next', async () => {
		const { tree } = await run('<S id="a">One.</S> <S id="b">Two.</S>\n\n<S id="c">Three.</S>\n');
		const shape = tree.children.map((node) => [node.type, 'children' in node ? node.children.map((child) => child.type) : []]);
		expect(shape).toEqual([
			['paragraph', ['mdxJsxTextElement', 'text', 'mdxJsxTextElement']],
			['paragraph', ['mdxJsxTextElement']],
		]);
	});

	test('accepts events that point at sentences of the file, in the article’s words', async () => {
		await expect(
			run('<S id="great-flood">The river rose over the market square in March 1841.</S>\n', { events: [{ id: 'e', sentence: 'great-flood', when: 'March 1841' }] }),
		).resolves.toBeTruthy();
	});

	test('an event pointing at a missing sentence names the file and field', async () => {
		await expect(run('<S id="great-flood">Text.</S>\n', { events: [{ id: 'e', sentence: 'nowhere' }] })).rejects.toThrow(
			'content/sections/01-test.mdx: events[0].sentence points at "nowhere", but this file has no <S id="nowhere"> (sentences here: "great-flood")',
		);
	});

	test('`when` must be the article’s own words', async () => {
		await expect(run('<S id="great-flood">In March 1841.</S>\n', { events: [{ id: 'e', sentence: 'great-flood', when: 'late 1841' }] })).rejects.toThrow(
			'content/sections/01-test.mdx: events[0].when "late 1841" is not the article\'s wording',
		);
	});

	test('a sentence without an id, or with a duplicate id, stops the build', async () => {
		await expect(run('Text <S>no id</S>.\n')).rejects.toThrow(/01-test\.mdx: <S> \(line 1\) needs an id attribute/);
		await expect(run('<S id="a">One.</S> <S id="a">Two.</S>\n')).rejects.toThrow(/<S id="a"> \(line 1\) is used twice in this file/);
	});
});
