/**
 * Author mistakes never pass silently. Each test takes a copy of the real `content/`, breaks it
 * the way a new author might, and checks the answer: either the build stops with a message that
 * names the file (and the field or element, where there is one), or it builds with nothing lost
 * — every section, every sentence and every event, as read from the broken copy itself, still
 * reaches the reader.
 *
 * Builds are slow, so: mistakes in the MDX body are tried on the real files with the build's own
 * remark steps and no build (tests/helpers/mdx.ts), and one build proves those steps run in it;
 * most frontmatter mistakes are bad-content.test.ts's. Harmless variations share one build.
 */
import { appendFile, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, buildSite, copyContent, remove } from '../helpers/build';
import { checkMdx } from '../helpers/mdx';
import { articleText, loadPage, missingInOrder } from '../helpers/site';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/;

interface SourceFile {
	/** Relative to the content folder: `sections/01-soviet-era.mdx`. */
	file: string;
	source: string;
	data: Record<string, unknown>;
}

interface Section extends SourceFile {
	slug: string;
	title: string;
}

interface ArticleSource {
	introduction: SourceFile;
	sections: Section[];
	events: { id: string; label: string; file: string }[];
}

/** The article as a content folder holds it, read independently of the site's code. */
async function readArticle(dir: string): Promise<ArticleSource> {
	const read = async (file: string): Promise<SourceFile> => {
		const source = await readFile(path.join(dir, file), 'utf8');
		const data = (parseYaml(FRONTMATTER.exec(source)?.[1] ?? '') ?? {}) as Record<string, unknown>;
		return { file, source, data };
	};
	const introduction = await read('introduction.mdx');
	const names = (await readdir(path.join(dir, 'sections'))).filter((name) => name.endsWith('.mdx')).sort();
	const sections = await Promise.all(
		names.map(async (name) => {
			const file = await read(`sections/${name}`);
			return { ...file, slug: (file.data.slug as string | undefined) ?? name.replace(/\.mdx$/, ''), title: String(file.data.title) };
		}),
	);
	const events = [introduction, ...sections].flatMap((file) =>
		((file.data.events ?? []) as { id: string; label: string }[]).map((event) => ({ id: event.id, label: event.label, file: file.file })),
	);
	return { introduction, sections, events };
}

/** The author's sentences of an MDX file, in order: its text without our headings, tags or comments. */
function sentencesOf(source: string): string[] {
	const body = source
		.replace(FRONTMATTER, '')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.split(/\r?\n/)
		.filter((line) => !/^#{1,6}\s/.test(line))
		.join('\n')
		.replace(/<[^>]*>/g, '');
	return body.replace(/\s+/g, ' ').trim().split(/(?<=[.?!])\s+/).filter(Boolean);
}

/** Every section, sentence and event of the content in `dir` is in the site built into `outDir`. */
async function expectNothingLost(dir: string, outDir: string) {
	const article = await readArticle(dir);
	expect(article.sections.length).toBeGreaterThan(1);
	const overview = await loadPage(outDir, '/', '/');
	expect(missingInOrder(articleText(overview), sentencesOf(article.introduction.source)), 'introduction').toEqual([]);
	for (const section of article.sections) {
		const page = await loadPage(outDir, '/', `/${section.slug}/`);
		expect(page('h1').text(), section.file).toContain(section.title);
		expect(missingInOrder(articleText(page), sentencesOf(section.source)), section.file).toEqual([]);
		expect(overview(`a[href="/${section.slug}/"]`).length, `the overview links to ${section.file}`).toBeGreaterThan(0);
	}
	const timeline = await loadPage(outDir, '/', '/timeline/');
	expect(article.events.length).toBeGreaterThan(1);
	for (const event of article.events) {
		const entry = timeline(`[id="${event.id}"]`);
		expect(entry.length, `${event.file}: event ${event.id} on /timeline/`).toBe(1);
		expect(entry.text().replace(/\s+/g, ' ')).toContain(event.label);
	}
}

const made: string[] = [];
afterAll(async () => {
	await remove(...made.splice(0));
});

let real: ArticleSource;
/** The first and second sections in file order; one that holds the pull quote; one that holds a sub-heading. */
let first: Section;
let second: Section;
let quoted: Section;
let headed: Section;

beforeAll(async () => {
	real = await readArticle(path.join(ROOT, 'content'));
	[first, second] = real.sections as [Section, Section];
	quoted = real.sections.find((section) => /^<PullQuote>$/m.test(section.source))!;
	headed = real.sections.find((section) => /^## /m.test(section.source))!;
	expect(real.sections.length, 'four sections to misplace').toBeGreaterThanOrEqual(4);
	expect(quoted && headed, 'a pull quote and a sub-heading to break').toBeTruthy();
});

/** Copies the content, lets `edit` break it, builds, and returns the result and the folder. */
async function buildBroken(edit: (dir: string) => Promise<void>) {
	const dir = await copyContent();
	await edit(dir);
	const result = await buildSite({ contentDir: dir });
	made.push(dir, result.workDir);
	return { ...result, dir };
}

/** Rewrites one file of a content folder. */
async function change(dir: string, file: string, edit: (text: string) => string) {
	const target = path.join(dir, file);
	const before = await readFile(target, 'utf8');
	const after = edit(before);
	expect(after, `the edit changed nothing in ${file}`).not.toBe(before);
	await writeFile(target, after);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A message's opening, `<file>: <field> …`, with the file given by its path from the project. */
const names = (file: string, rest: string) => new RegExp(`(?:^|[\\s/])${escape(file)}: ${escape(rest)}`, 'm');

describe('a file the build would not read stops the build, named', () => {
	test('a section saved as .md, as .MDX, in a subfolder, or beside the introduction', async () => {
		// The loader lists every such file in one message, so one build tries all four.
		const stem = (section: Section) => section.file.replace(/^sections\/|\.mdx$/g, '');
		const [a, b, c, d] = real.sections as [Section, Section, Section, Section];
		const moves = [
			[a.file, `sections/${stem(a)}.md`],
			[b.file, `sections/${stem(b)}.MDX`],
			[c.file, `sections/more/${stem(c)}.mdx`],
			[d.file, `${stem(d)}.mdx`],
		] as const;
		const result = await buildBroken(async (dir) => {
			await mkdir(path.join(dir, 'sections/more'));
			for (const [from, to] of moves) await rename(path.join(dir, from), path.join(dir, to));
		});
		expect(result.ok, result.output).toBe(false);
		for (const [, to] of moves) expect(result.output).toMatch(names(to, 'file is not read by the build, so it would be missing from the site'));
		expect(result.output).toMatch(/\.md: file is not read .*: rename it \S+\.mdx \(only \.mdx files are read\)/);
		expect(result.output).toMatch(/\.MDX: file is not read .*: rename it \S+\.mdx \(the extension must be \.mdx, in lower case\)/);
		expect(result.output).toMatch(/more\/\S+\.mdx: file is not read .*: move it: sections are read from \S+\/sections\/ itself, not from its subfolders/);
		expect(result.output).toMatch(/\/[^/\s]+\.mdx: file is not read .*: move it: the introduction is \S+\/introduction\.mdx, and each section a \S+\/sections\/\*\.mdx file/);
	});

	test('two sections with the same slug (Astro’s loader would keep one and drop the other)', async () => {
		const result = await buildBroken((dir) => change(dir, second.file, (text) => text.replace(/^slug: .*$/m, `slug: "${first.slug}"`)));
		expect(result.ok, result.output).toBe(false);
		expect(result.output).toMatch(names(second.file, `slug "${first.slug}" is also the URL of`));
		expect(result.output).toContain(first.file);
	});

	test('a section whose file name is another section’s slug', async () => {
		const result = await buildBroken(async (dir) => {
			const source = second.source
				.replace(/^slug: .*\n/m, '')
				.replace(/^order: .*$/m, `order: ${real.sections.length + 1}`)
				.replace(/^events:[\s\S]*?(?=^---$)/m, '')
				.replace(/<S id="/g, '<S id="copy-');
			await writeFile(path.join(dir, `sections/${first.slug}.mdx`), source);
		});
		expect(result.ok, result.output).toBe(false);
		expect(result.output).toMatch(new RegExp(`${escape(first.slug)}\\.mdx: slug "${escape(first.slug)}" \\(from the file name\\) is also the URL of \\S*${escape(first.file)}`));
	});
});

test('the same sentence id in two files stops the build, naming both', async () => {
	const [, id] = /<S id="([^"]+)">/.exec(first.source)!;
	const [, own] = /<S id="([^"]+)">/.exec(second.source)!;
	// Renamed everywhere in the file, its events' references included: only the clash is wrong.
	const result = await buildBroken((dir) => change(dir, second.file, (text) => text.replaceAll(`"${own}"`, `"${id}"`)));
	expect(result.ok, result.output).toBe(false);
	expect(result.output).toMatch(names(second.file, `<S id="${id}"> gives the id "${id}", as <S id="${id}"> in`));
	expect(result.output).toMatch(new RegExp(`as <S id="${escape(id)}"> in \\S*${escape(first.file)} does`));
});

test('a sentence whose id is another section’s slug (its heading on /read/) stops the build, naming the sentence', async () => {
	const id = /<S id="([^"]+)">/.exec(second.source)![1]!;
	const result = await buildBroken((dir) => change(dir, second.file, (text) => text.replaceAll(`"${id}"`, `"${first.slug}"`)));
	expect(result.ok, result.output).toBe(false);
	expect(result.output).toMatch(names(second.file, `<S id="${first.slug}"> gives the id "${first.slug}", as the slug in`));
});

test('a link to a page the site does not have stops the build, naming the link', async () => {
	const result = await buildBroken((dir) => appendFile(path.join(dir, second.file), '\nSee [the timeline](/timelin/).\n'));
	expect(result.ok, result.output).toBe(false);
	expect(result.output).toMatch(names(second.file, '[the timeline](/timelin/) leads to /timelin/, which is not a page of the site'));
});

describe('broken MDX stops the build, naming the file', () => {
	test('a component that does not exist (the MDX checks run in the build)', async () => {
		const result = await buildBroken((dir) => change(dir, quoted.file, (text) => text.replace('<PullQuote>', '<Pullquote>').replace('</PullQuote>', '</Pullquote>')));
		expect(result.ok, result.output).toBe(false);
		const line = quoted.source.split('\n').indexOf('<PullQuote>') + 1;
		expect(result.output).toMatch(names(quoted.file, `<Pullquote> (line ${line}) is not a component of the article (did you mean <PullQuote>?)`));
	});

	test('an HTML comment, which MDX cannot parse', async () => {
		const result = await buildBroken((dir) => appendFile(path.join(dir, second.file), '\n<!-- a note to ourselves -->\n'));
		expect(result.ok, result.output).toBe(false);
		expect(result.output).toContain(second.file);
		expect(result.output).toMatch(/to create a comment in MDX, use `\{\/\* text \*\/\}`/);
	});

	test('a tag left open', async () => {
		const result = await buildBroken((dir) => change(dir, quoted.file, (text) => text.replace('</PullQuote>', '')));
		expect(result.ok, result.output).toBe(false);
		expect(result.output).toContain(quoted.file);
		expect(result.output).toMatch(/Expected a closing tag for `<PullQuote>`/);
	});

	test('a misspelt frontmatter field', async () => {
		const result = await buildBroken((dir) => change(dir, second.file, (text) => text.replace(/^summary:/m, 'sumary:')));
		expect(result.ok, result.output).toBe(false);
		expect(result.output).toContain(second.file);
		expect(result.output).toMatch(/summary: Required/);
		expect(result.output).toMatch(/Unrecognized key: "sumary"/);
	});
});

describe('broken MDX is caught by the build’s remark steps, naming the file, the element and its line (no build)', () => {
	/** Breaks one real file with `edit` and runs the build's remark steps on it. */
	const check = (section: Section, edit: (text: string) => string) => {
		const broken = edit(section.source);
		expect(broken, 'the edit changed nothing').not.toBe(section.source);
		return expect(checkMdx(broken, `content/${section.file}`)).rejects;
	};

	test('a sentence inside another', async () => {
		const [whole, id, text] = /<S id="([^"]+)">([^<]+)<\/S>/.exec(second.source)!;
		const words = text!.split(' ');
		const nested = `<S id="${id}">${words.slice(0, 2).join(' ')} <S id="inner-sentence">${words.slice(2).join(' ')}</S></S>`;
		await check(second, (source) => source.replace(whole, nested)).toThrow(`content/${second.file}: <S id="inner-sentence"> (line`);
	});

	test('a sentence in a heading', async () => {
		await check(headed, (source) => source.replace(/^## (.+)$/m, '## <S id="in-a-heading">$1</S>')).toThrow(/<S id="in-a-heading"> \(line \d+\) is inside a heading/);
	});

	test('raw HTML around a paragraph', async () => {
		await check(second, (source) => source.replace(/^(<S id=.*)$/m, '<div>\n$1\n</div>')).toThrow(new RegExp(`content/${escape(second.file)}: <div> \\(line \\d+\\) is raw HTML`));
	});

	test('an import, and an export', async () => {
		await check(second, (source) => source.replace(FRONTMATTER, (frontmatter) => `${frontmatter}\nimport Note from './note.astro';\n`)).toThrow(/import \(line \d+\) is not part of the article/);
		await check(second, (source) => `${source}\nexport const note = 'ours';\n`).toThrow(/export \(line \d+\) is not part of the article/);
	});

	test('a sentence without its id, and a pull quote given an attribute it would drop', async () => {
		await check(first, (source) => source.replace(/<S id="[^"]+">/, '<S>')).toThrow(/<S> \(line \d+\) needs an id attribute/);
		await check(quoted, (source) => source.replace('<PullQuote>', '<PullQuote cite="the author">')).toThrow(/<PullQuote> \(line \d+\) has an attribute "cite" that it does not use/);
	});
});

test('harmless variations build with every section, sentence and event in place', async () => {
	const [a, b, c, d] = real.sections as [Section, Section, Section, Section];
	const result = await buildBroken(async (dir) => {
		// Windows line endings, and a byte-order mark.
		await change(dir, c.file, (text) => text.replace(/\n/g, '\r\n'));
		await change(dir, 'introduction.mdx', (text) => `\uFEFF${text}`);
		// A comment of ours, an unquoted title, a sentence broken across lines, no final newline.
		await change(dir, b.file, (text) => text.replace(/(<\/S>) /, '$1 {/* a note of ours */}').replace(/^title: "([^":#]*)"$/m, 'title: $1'));
		await change(dir, a.file, (text) => text.replace(/(<S id="[^"]+">\S+ \S+ \S+) /, '$1\n').trimEnd());
		// No slug: the page is at the file's name; its published URL is declared as a former one
		// (else the build stops: content/published.json records it). Orders with gaps.
		await change(dir, d.file, (text) => text.replace(/^slug: .*\n/m, `formerSlugs: ["${d.slug}"]\n`));
		for (const section of real.sections) await change(dir, section.file, (text) => text.replace(/^order: (\d+)/m, (_, order) => `order: ${Number(order) * 10}`));
		// Editors' and systems' files beside the content, and a picture.
		await writeFile(path.join(dir, `${a.file}~`), 'a backup');
		await writeFile(path.join(dir, 'sections', `.${path.basename(a.file)}.swp`), 'a swap file');
		await writeFile(path.join(dir, '.DS_Store'), '');
		await writeFile(path.join(dir, 'sections/map.png'), '');
	});
	expect(result.ok, result.output).toBe(true);
	await expectNothingLost(result.dir, result.outDir);
});
