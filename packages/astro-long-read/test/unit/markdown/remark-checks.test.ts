/**
 * What an author may write in the MDX: the checks of `remark-checks.ts`, run with the build's
 * other remark steps on small bodies, and on the fixture's content files.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { mdxComponents } from '../../../src/show/mdx/index';
import { COMPONENTS } from '../../../src/content/markdown/remark-checks';
import { FIXTURE_CONTENT, checkMdx, fixtureFile } from '../../helpers/mdx';

const FILE = 'content/sections/01-test.mdx';

const run = (source: string, file = FILE) => checkMdx(source, file);
const rejects = (body: string) => expect(run(body)).rejects;

describe('the article’s MDX is accepted', () => {
	test('every file of the fixture’s content', async () => {
		const files = (await readdir(FIXTURE_CONTENT, { recursive: true })).filter((file) => file.endsWith('.mdx'));
		expect(files.length).toBeGreaterThan(1);
		for (const file of files) await run(await fixtureFile(file), path.join('content', file));
	});

	test('Markdown, the components on their own lines, sentences across lines, and comments', async () => {
		await run(
			[
				'## Our heading',
				'',
				'### Beneath it',
				'',
				'Plain *text* with [a link](/timeline/) and <S id="a">a sentence\nacross two lines.</S> {/* a note of ours */}',
				'',
				'<S id="b">A sentence on its own.</S> <S id="c">Another on the same line.</S>',
				'',
				'{/* a note on its own line */}',
				'',
				'<PullQuote>',
				'A repeated sentence.',
				'</PullQuote>',
				'',
				'> A quotation, a list and a table are Markdown:',
				'',
				'- one',
				'- two',
				'',
				'| a | b |',
				'| - | - |',
				'| 1 | 2 |',
				'',
				'<Byline>',
				'The writer is someone.',
				'</Byline>',
				'',
			].join('\n'),
		);
	});
});

describe('the build stops, naming the file, the element and its line, on', () => {
	test('a component that does not exist, with the one meant when it is a slip', async () => {
		await rejects('Text.\n\n<Pullquote>\nA quote.\n</Pullquote>\n').toThrow(
			`${FILE}: <Pullquote> (line 3) is not a component of the article (did you mean <PullQuote>?): use <S id="…"> for a sentence, <PullQuote> or <Byline>`,
		);
		await rejects('<PullQoute>\nA quote.\n</PullQoute>\n').toThrow(/<PullQoute> \(line 1\) is not a component of the article \(did you mean <PullQuote>\?\)/);
		await rejects('<Bylin>\nA writer.\n</Bylin>\n').toThrow(/did you mean <Byline>\?/);
		await rejects('<Sidebar>\nText.\n</Sidebar>\n').toThrow(/<Sidebar> \(line 1\) is not a component of the article: use/);
	});

	test('raw HTML, a lower-case component and a fragment', async () => {
		await rejects('Text.\n\n<div>More text.</div>\n').toThrow(`${FILE}: <div> (line 3) is raw HTML, which the article does not use: write Markdown`);
		await rejects('Text with <span class="x">a span</span>.\n').toThrow(/<span> \(line 1\) is raw HTML/);
		await rejects('One line<br />and the next.\n').toThrow(/<br> \(line 1\) is raw HTML/);
		await rejects('<s id="a">A sentence.</s>\n').toThrow(/<s id="a"> \(line 1\) is raw HTML, which the article does not use \(did you mean <S>\?\)/);
		await rejects('<>\nText.\n</>\n').toThrow(/<> \(line 1\) is a fragment/);
	});

	test('imports, exports and expressions, which the Markdown and EPUB copies would drop', async () => {
		await rejects('import X from "./x.js"\n\nText.\n').toThrow(`${FILE}: import (line 1) is not part of the article`);
		await rejects('Text.\n\nexport const note = "hi"\n').toThrow(/export \(line 3\) is not part of the article/);
		await rejects('Text {"and more"}.\n').toThrow(/\{"and more"\} \(line 1\) is a JavaScript expression/);
		await rejects('{1 + 1}\n').toThrow(/\{1 \+ 1\} \(line 1\) is a JavaScript expression/);
	});

	test('images and footnotes, which the site’s copies cannot carry', async () => {
		await rejects('Text.\n\n![A map](./map.png)\n').toThrow(`${FILE}: image (line 3) is not part of the article`);
		await rejects('Text.[^1]\n\n[^1]: A note.\n').toThrow(/footnote \(line 1\) is not supported/);
	});

	test('a level-1 heading, and one deeper than ###', async () => {
		await rejects('# A title\n\nText.\n').toThrow(`${FILE}: # heading (line 1) is a level-1 heading`);
		await rejects('Text.\n\n#### Deep\n').toThrow(/#### heading \(line 3\) is too deep/);
	});

	test('an attribute a component does not use, or one given as an expression', async () => {
		await rejects('<PullQuote cite="The author">\nA quote.\n</PullQuote>\n').toThrow(
			`${FILE}: <PullQuote> (line 1) has an attribute "cite" that it does not use, so it would be lost: remove it (it takes none)`,
		);
		await rejects('<S id="a" class="x">A sentence.</S>\n').toThrow(/<S id="a"> \(line 1\) has an attribute "class" .* \(it takes only id="…"\)/);
		await rejects('<S {...props}>A sentence.</S>\n').toThrow(/<S> \(line 1\) has a \{…\} attribute/);
	});

	test('a pull quote or byline inside a paragraph or another element', async () => {
		await rejects('Text <PullQuote>quoted</PullQuote> more.\n').toThrow(/<PullQuote> \(line 1\) must stand on lines of its own/);
		await rejects('<Byline>\n<PullQuote>\nA quote.\n</PullQuote>\n</Byline>\n').toThrow(/<PullQuote> \(line 2\) must stand on lines of its own/);
	});

	test('a sentence whose id is not lower-case words joined by hyphens', async () => {
		await rejects('<S id="Great Flood">A sentence.</S>\n').toThrow(
			`${FILE}: <S id="Great Flood"> (line 1) id must be lower-case words joined by hyphens, starting with a letter`,
		);
	});

	test('a sentence inside another, inside a heading, or inside a link', async () => {
		await rejects('<S id="a">One <S id="b">two</S>.</S>\n').toThrow(`${FILE}: <S id="b"> (line 1) is inside <S id="a">: sentences cannot nest`);
		await rejects('Text.\n\n## <S id="a">A heading</S>\n').toThrow(/<S id="a"> \(line 3\) is inside a heading/);
		await rejects('[<S id="a">A sentence.</S>](/timeline/)\n').toThrow(/<S id="a"> \(line 1\) is inside a link/);
	});

	test('a sentence that marks no text, or holds more than text', async () => {
		await rejects('Text <S id="a" /> more.\n').toThrow(/<S id="a"> \(line 1\) marks no text/);
		await rejects('<S id="a"></S>\n').toThrow(/<S id="a"> \(line 1\) marks no text/);
		await rejects('<S id="a">\n## A heading\n</S>\n').toThrow(/<S id="a"> \(line 1\) holds a heading: a sentence is text only/);
		await rejects('<S id="a">\n- a list\n</S>\n').toThrow(/holds a list/);
	});

	test('lines are the file’s own, frontmatter included', async () => {
		await rejects('---\ntitle: "T"\n---\n\nText.\n\n<Pullquote>\nQ.\n</Pullquote>\n').toThrow(/<Pullquote> \(line 7\)/);
	});
});

test('the components the checks allow are those the pages provide', () => {
	const provided = Object.keys(mdxComponents).filter((name) => /^[A-Z]/.test(name));
	expect(Object.keys(COMPONENTS).sort()).toEqual(provided.sort());
});
