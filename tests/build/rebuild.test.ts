/**
 * The build cache is right: a rebuild after an edit gives, byte for byte, what a cold build of
 * the edited content gives. One content copy and one cache folder live through each kind of edit
 * an author makes — a sentence, an event's date, a section's title, a new section — and after
 * each, the warm rebuild is compared with a cold build (an empty cache) of the same content.
 * Both go to the same outDir path in turn, so nothing differs but the cache.
 */
import { cp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { timedBuild } from '../../scripts/bench/build.mjs';
import { differences, editOneSentence } from '../../scripts/bench/rebuild.mjs';
import { ROOT, remove, workFolder } from '../../scripts/bench/project.mjs';

let work: string;
let content: string;
beforeAll(async () => {
	work = await workFolder('rebuild-');
	content = path.join(work, 'content');
	await cp(path.join(ROOT, 'content'), content, { recursive: true });
	// The first build fills the cache that every rebuild below starts from.
	await timedBuild({ outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache'), contentDir: content });
});
afterAll(() => remove(work));

const sectionFiles = async () => (await readdir(path.join(content, 'sections'))).filter((file) => file.endsWith('.mdx')).sort();
async function change(file: string, edit: (text: string) => string) {
	const full = path.join(content, 'sections', file);
	const text = await readFile(full, 'utf8');
	const next = edit(text);
	expect(next, `the edit of ${file} changed nothing`).not.toBe(text);
	await writeFile(full, next);
}

/**
 * The files where the warm rebuild and a cold build of the content as it is now differ, built at
 * the same path in turn. The rebuild must also differ from the build before the edit: the edit
 * reached the site.
 */
async function rebuildEqualsCold(): Promise<string[]> {
	const outDir = path.join(work, 'dist');
	await rm(path.join(work, 'before'), { recursive: true, force: true });
	await rename(outDir, path.join(work, 'before'));
	await timedBuild({ outDir, cacheDir: path.join(work, 'cache'), contentDir: content });
	expect(await differences(path.join(work, 'before'), outDir), 'the edit changed nothing in the built site').not.toEqual([]);
	await rm(path.join(work, 'warm'), { recursive: true, force: true });
	await rename(outDir, path.join(work, 'warm'));
	const coldCache = path.join(work, 'cold-cache');
	await rm(coldCache, { recursive: true, force: true });
	await timedBuild({ outDir, cacheDir: coldCache, contentDir: content });
	return differences(path.join(work, 'warm'), outDir);
}

describe('a rebuild after an edit equals a cold build of the edited content, byte for byte', { timeout: 240_000 }, () => {
	test('a sentence added', async () => {
		const [first] = await sectionFiles();
		await editOneSentence(path.join(content, 'sections', first!));
		expect(await rebuildEqualsCold()).toEqual([]);
	});

	test("an event's date", async () => {
		const month = /^ {4}date: "(\d{4})-(\d{2})"$/m;
		let file: string | undefined;
		for (const candidate of await sectionFiles()) if (!file && month.test(await readFile(path.join(content, 'sections', candidate), 'utf8'))) file = candidate;
		expect(file, 'no section has an event dated to a month').toBeDefined();
		// A month later (or earlier, in December): the timeline, its pictures and the cards change.
		await change(file!, (source) => source.replace(month, (_, year: string, m: string) => `    date: "${year}-${String(m === '12' ? 11 : Number(m) + 1).padStart(2, '0')}"`));
		expect(await rebuildEqualsCold()).toEqual([]);
	});

	test("a section's title", async () => {
		const [, second] = await sectionFiles();
		await change(second!, (source) => source.replace(/^title: "(.+)"$/m, 'title: "$1, retitled"'));
		expect(await rebuildEqualsCold()).toEqual([]);
	});

	test('a new section', async () => {
		const files = await sectionFiles();
		const last = await readFile(path.join(content, 'sections', files.at(-1)!), 'utf8');
		const order = Math.max(...(await Promise.all(files.map(async (file) => Number(/^order: (\d+)$/m.exec(await readFile(path.join(content, 'sections', file), 'utf8'))![1]))))) + 1;
		const period = /^period: "(.+)"$/m.exec(last)![1];
		await writeFile(
			path.join(content, 'sections', `${String(order).padStart(2, '0')}-a-new-section.mdx`),
			`---\ntitle: "A new section"\norder: ${order}\nsummary: "A section added after the first builds."\nperiod: "${period}"\n---\n\nA new paragraph of the author's. It has two sentences.\n`,
		);
		expect(await rebuildEqualsCold()).toEqual([]);
	});
});
