/**
 * The loader's own check that two files never share a URL, with Astro's glob loader mocked so the
 * test decides the order in which it hands over the files: Astro reads them in parallel, so a build
 * may see either first, and the message must name the same file either way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';

interface Parsed {
	id: string;
	filePath: string;
	data: Record<string, unknown>;
}
const order = vi.hoisted(() => ({ files: [] as Parsed[] }));
vi.mock('astro/loaders', () => ({
	glob: () => ({
		load: async (context: { parseData: (props: Parsed) => Promise<unknown> }) => {
			for (const props of order.files) await context.parseData(props);
		},
	}),
}));

const { checkedGlob } = await import('../../src/content/checked-glob');

const root = mkdtempSync(path.join(tmpdir(), 'checked-glob-'));
for (const name of ['01-first.mdx', '02-second.mdx', 'first.mdx']) writeFileSync(path.join(root, name), '---\n---\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the loader over `files`, in that order, as a build would (nothing kept from before). */
async function load(files: Parsed[]) {
	order.files = files;
	const context = {
		config: { root: pathToFileURL(`${root}/`) },
		store: { get: () => undefined, values: () => [] },
		generateDigest: (text: string) => text,
		parseData: async (props: Parsed) => props.data,
		logger: { error: () => {} },
	};
	return checkedGlob({ pattern: '*.mdx', base: '.' }).load(context as never);
}
const file = (name: string) => path.join(root, name);

describe('two files with one URL', () => {
	const named = { id: 'first', filePath: file('02-second.mdx'), data: { slug: 'first' } };
	const owner = { id: 'first', filePath: file('01-first.mdx'), data: { slug: 'first' } };
	const byName = { id: 'first', filePath: file('first.mdx'), data: {} };

	test.each([
		['in path order', [owner, named]],
		['in reverse', [named, owner]],
	])('a slug in two files: the later file by path is named, read %s', async (_, files) => {
		const error = await load(files).then(() => undefined, (thrown: Error) => thrown);
		expect(error?.message).toMatch(/02-second\.mdx: slug "first" is also the URL of \S*01-first\.mdx; give each its own slug$/);
	});

	test.each([
		['in path order', [owner, byName]],
		['in reverse', [byName, owner]],
	])('a file name that is another file’s slug: said to come from the file name, read %s', async (_, files) => {
		const error = await load(files).then(() => undefined, (thrown: Error) => thrown);
		expect(error?.message).toMatch(/\/first\.mdx: slug "first" \(from the file name\) is also the URL of \S*01-first\.mdx/);
	});

	test('different URLs load', async () => {
		await expect(load([owner, { ...named, id: 'second', data: { slug: 'second' } }])).resolves.toBeUndefined();
	});
});
