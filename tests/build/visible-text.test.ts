/**
 * The words a reader sees are the words we wrote: no two glued together by the build's
 * white-space handling (`compressHTML`), neither in the HTML text nor in the timeline picture's
 * SVG labels. Text is compared as a browser lays it out (`hast-util-to-text` implements
 * `innerText`), never as HTML.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, ROOT, buildSite, declaredEvents, htmlFiles, remove } from '../helpers/build';

/** Runs of letters and digits: what "a word" is here, on the page and in the sources alike. */
const words = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The visible text of a page: its HTML text, and each SVG `<text>` as a label of its own. */
function visibleText(html: string): { html: string; labels: string[] } {
	const tree: Root = fromHtml(html);
	const labels: string[] = [];
	visit(tree, 'element', (node: Element, index, parent) => {
		if (node.tagName !== 'svg' || !parent || index === undefined) return;
		visit(node, 'element', (child: Element) => {
			if (child.tagName !== 'text') return;
			labels.push(toText(child).replace(/\s+/g, ' ').trim());
			return SKIP;
		});
		parent.children.splice(index, 1);
		return [SKIP, index];
	});
	return { html: toText(tree), labels };
}

async function pagesOf(outDir: string): Promise<Map<string, ReturnType<typeof visibleText>>> {
	const pages = new Map<string, ReturnType<typeof visibleText>>();
	for (const file of await htmlFiles(outDir)) pages.set(file, visibleText(await readFile(path.join(outDir, file), 'utf8')));
	return pages;
}

/**
 * Every word the site may show: the content's and the templates' own words, and what the site
 * generates from them — month names and their three-letter forms, decades ("1990s"), numbers.
 */
async function vocabulary(): Promise<(word: string) => boolean> {
	const known = new Set<string>();
	for (const dir of ['content', 'src', 'packages/astro-long-read/src']) {
		for (const file of await readdir(path.join(ROOT, dir), { recursive: true })) {
			if (!/\.(mdx|astro|ts)$/.test(file)) continue;
			for (const word of words(await readFile(path.join(ROOT, dir, file), 'utf8'))) known.add(word);
		}
	}
	for (let month = 0; month < 12; month++) {
		const name = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month, 1));
		known.add(name).add(name.slice(0, 3));
	}
	return (word) => known.has(word) || /^\d{1,4}$/.test(word) || /^\d{3}0s$/.test(word);
}

describe('visible text', () => {
	let built: BuildResult;
	let spaced: BuildResult;

	beforeAll(async () => {
		built = await buildSite();
		expect(built.ok, built.output).toBe(true);
		// The reference: the same site with every white-space character kept as written.
		spaced = await buildSite({ config: { compressHTML: false } });
		expect(spaced.ok, spaced.output).toBe(true);
	});
	afterAll(() => remove(built.workDir, spaced.workDir));

	test('every page reads word for word as the build that keeps all white space', async () => {
		const pages = await pagesOf(built.outDir);
		const reference = await pagesOf(spaced.outDir);
		expect([...pages.keys()]).toEqual([...reference.keys()]);
		for (const [file, page] of pages) {
			const expected = reference.get(file)!;
			expect(page.html.split(/\s+/).filter(Boolean), file).toEqual(expected.html.split(/\s+/).filter(Boolean));
			expect(page.labels, `${file}: SVG labels`).toEqual(expected.labels);
		}
	});

	test('every word on every page, and in every SVG label, is one the content or the templates wrote', async () => {
		const isKnown = await vocabulary();
		const glued: string[] = [];
		for (const [file, page] of await pagesOf(built.outDir)) {
			for (const word of words(page.html)) if (!isKnown(word)) glued.push(`${file}: "${word}"`);
			for (const label of page.labels) for (const word of words(label)) if (!isKnown(word)) glued.push(`${file}: "${word}" in the SVG label "${label}"`);
		}
		expect([...new Set(glued)]).toEqual([]);
	});

	test('the timeline picture names every dated event by the label the content gives it', async () => {
		const { labels } = visibleText(await readFile(path.join(built.outDir, 'timeline/index.html'), 'utf8'));
		const declared = (await declaredEvents()).filter((event) => event.date).map((event) => event.label);
		expect(declared.length).toBeGreaterThan(0);
		for (const label of declared) expect(labels.some((shown) => shown.endsWith(label)), label).toBe(true);
	});
});

