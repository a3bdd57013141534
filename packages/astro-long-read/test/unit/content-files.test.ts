import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ANCHOR_ID, listFiles, strayFiles } from '../../src/content/content-files';

describe('strayFiles', () => {
	const layout = [
		{ folder: '', pattern: 'introduction.mdx', layout: 'the introduction is content/introduction.mdx' },
		{ folder: 'sections', pattern: '*.mdx', layout: 'sections are read from content/sections/ itself' },
	];
	const NOT_READ = 'is not read by the build, so it would be missing from the site';

	test('names a section saved as .md, as .MDX, without an extension, or in a subfolder, and says what to do', () => {
		const files = ['introduction.mdx', 'sections/01-a.mdx', 'sections/02-b.md', 'sections/03-c.MDX', 'sections/04-d', 'sections/more/05-e.mdx', 'sections/more/06-f.markdown'];
		expect(strayFiles(files, layout)).toEqual([
			{ file: 'sections/02-b.md', message: `${NOT_READ}: rename it 02-b.mdx (only .mdx files are read)` },
			{ file: 'sections/03-c.MDX', message: `${NOT_READ}: rename it 03-c.mdx (the extension must be .mdx, in lower case)` },
			{ file: 'sections/04-d', message: `${NOT_READ}: rename it 04-d.mdx (only .mdx files are read)` },
			{ file: 'sections/more/05-e.mdx', message: `${NOT_READ}: move it: sections are read from content/sections/ itself` },
			{ file: 'sections/more/06-f.markdown', message: `${NOT_READ}: rename it 06-f.mdx (only .mdx files are read) and move it: sections are read from content/sections/ itself` },
		]);
	});

	test('names a section beside the introduction, an introduction saved as .md, and a misspelt sections folder', () => {
		expect(strayFiles(['introduction.md', '05-extra.mdx', 'section/01-a.mdx', 'sections/01-a.mdx'], layout)).toEqual([
			{ file: 'introduction.md', message: `${NOT_READ}: rename it introduction.mdx (only .mdx files are read)` },
			{ file: '05-extra.mdx', message: `${NOT_READ}: move it: the introduction is content/introduction.mdx` },
			{ file: 'section/01-a.mdx', message: `${NOT_READ}: move it: the introduction is content/introduction.mdx` },
		]);
	});

	test('matches a pattern as Astro’s glob loader does (picomatch): ** across folders, braces, case', () => {
		const deep = [{ folder: 'sections', pattern: '**/*.{md,mdx}', layout: 'anywhere in content/sections/' }];
		expect(strayFiles(['sections/01-a.mdx', 'sections/more/02-b.md', 'sections/more/deeper/03-c.mdx'], deep)).toEqual([]);
		expect(strayFiles(['sections/04-d.MD'], deep).map((stray) => stray.file)).toEqual(['sections/04-d.MD']);
	});

	test('passes over editors’ and systems’ files, and files that are not text', () => {
		const files = ['.DS_Store', 'sections/.01-a.mdx.swp', 'sections/01-a.mdx~', 'sections/#01-a.mdx#', '.git/config', 'sections/map.png', 'notes.pdf'];
		expect(strayFiles(files, layout)).toEqual([]);
	});
});

test('listFiles lists every file below a folder, with / between folders; none for a missing folder', async () => {
	const dir = await mkdtemp(path.join(tmpdir(), 'content-files-'));
	try {
		await mkdir(path.join(dir, 'sections/more'), { recursive: true });
		await writeFile(path.join(dir, 'introduction.mdx'), '');
		await writeFile(path.join(dir, 'sections/more/05.mdx'), '');
		expect(listFiles(dir)).toEqual(['introduction.mdx', 'sections/more/05.mdx']);
		expect(listFiles(path.join(dir, 'nowhere'))).toEqual([]);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
});

test('ANCHOR_ID: lower-case words joined by hyphens, starting with a letter', () => {
	for (const good of ['great-flood', 'a', 'after-1962', 'x1']) expect(good).toMatch(ANCHOR_ID);
	for (const bad of ['Flood', 'great flood', '1962', 'a--b', 'a-', '-a', 'a_b', '']) expect(bad).not.toMatch(ANCHOR_ID);
});
