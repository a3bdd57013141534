/**
 * Bad content stops the build with a message that names the file and the field. Each case
 * breaks one thing in a copy of the real content and builds it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildSite, copyContent, remove } from '../helpers/build';

const SOVIET = 'sections/01-soviet-era.mdx';
const NINETIES = 'sections/02-the-1990s.mdx';

const made: string[] = [];
afterEach(async () => {
	await remove(...made.splice(0));
});

/** Copies the content, applies `edit` to one file, builds, and returns the result. */
async function buildWith(file: string, edit: (text: string) => string) {
	const dir = await copyContent();
	const target = path.join(dir, file);
	const before = await readFile(target, 'utf8');
	const after = edit(before);
	expect(after, 'the edit changed nothing').not.toBe(before);
	await writeFile(target, after);
	const result = await buildSite({ contentDir: dir });
	made.push(dir, result.workDir);
	return result;
}

describe('the build stops, naming the file and the field, on', () => {
	test('a section without a title', async () => {
		const result = await buildWith(NINETIES, (text) => text.replace(/^title: .*\n/m, ''));
		expect(result.ok).toBe(false);
		expect(result.output).toContain('02-the-1990s.mdx');
		expect(result.output).toMatch(/title\W+Required|title: is required/);
	});

	test('an empty title', async () => {
		const result = await buildWith(NINETIES, (text) => text.replace(/^title: .*$/m, 'title: "  "'));
		expect(result.ok).toBe(false);
		expect(result.output).toContain('02-the-1990s.mdx');
		expect(result.output).toContain('title');
		expect(result.output).toContain('must not be empty');
	});

	test('an invalid EDTF date', async () => {
		const result = await buildWith(SOVIET, (text) => text.replace('date: "1978-04"', 'date: "1978-13"'));
		expect(result.ok).toBe(false);
		expect(result.output).toContain('01-soviet-era.mdx');
		expect(result.output).toMatch(/events\.2\.date/);
		expect(result.output).toContain('"1978-13" is not a valid EDTF date');
	});

	test('an unquoted number as an id', async () => {
		const result = await buildWith(NINETIES, (text) => text.replace('id: "northern-alliance"', 'id: 911'));
		expect(result.ok).toBe(false);
		expect(result.output).toContain('02-the-1990s.mdx');
		expect(result.output).toMatch(/events\.0\.id/);
		expect(result.output).toMatch(/Expected type `"string"`, received `"number"`/);
	});

	test('a duplicate event id', async () => {
		const result = await buildWith(NINETIES, (text) => text.replace('id: "northern-alliance"', 'id: "saur-revolution"'));
		expect(result.ok).toBe(false);
		expect(result.output).toMatch(/02-the-1990s\.mdx: events\[0\]\.id "saur-revolution" is already the id of an event in \S*01-soviet-era\.mdx/);
	});

	test('an event pointing at a sentence that does not exist', async () => {
		const result = await buildWith(NINETIES, (text) => text.replace('sentence: "decade-against-taliban"', 'sentence: "no-such-sentence"'));
		expect(result.ok).toBe(false);
		expect(result.output).toMatch(/02-the-1990s\.mdx: events\[0\]\.sentence points at "no-such-sentence", but this file has no <S id="no-such-sentence">/);
	});

	test('two sections with the same order', async () => {
		const result = await buildWith(NINETIES, (text) => text.replace('order: 2', 'order: 1'));
		expect(result.ok).toBe(false);
		expect(result.output).toMatch(/02-the-1990s\.mdx: order is 1, as in \S*01-soviet-era\.mdx/);
	});

	test('broken YAML frontmatter', async () => {
		const result = await buildWith(NINETIES, (text) => text.replace('order: 2', 'order: [2'));
		expect(result.ok).toBe(false);
		expect(result.output).toContain('02-the-1990s.mdx');
		expect(result.output).toMatch(/YAML|frontmatter/i);
	});
});

test('an event outside its section’s period builds, with a warning naming the file and field', async () => {
	const result = await buildWith(NINETIES, (text) => text.replace('date: "199X"', 'date: "2015"'));
	expect(result.ok, result.output).toBe(true);
	expect(result.output).toMatch(/02-the-1990s\.mdx: events\[0\]\.date "2015" lies outside the section's period "1989\/2001"/);
});
