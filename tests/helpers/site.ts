/** Reads a built site: pages, links and the article's text, for assertions on the HTML. */
import { readFile, stat } from 'node:fs/promises';
import * as cheerio from 'cheerio';
import { fileFor } from '../../scripts/bench/dist.mjs';

export { fileFor };

export type Page = cheerio.CheerioAPI;

export async function exists(file: string): Promise<boolean> {
	return stat(file).then(
		(s) => s.isFile(),
		() => false,
	);
}

export async function loadPage(outDir: string, base: string, pathname: string): Promise<Page> {
	const file = fileFor(outDir, base, pathname);
	if (!file) throw new Error(`${pathname} is outside the base ${base}`);
	return cheerio.load(await readFile(file, 'utf8'));
}

/**
 * The author's text on a page: the article body without what we add beside it (timeline
 * markers, permalinks, screen-reader-only words), white space collapsed.
 */
export function articleText($: Page): string {
	const body = $('.prose').clone();
	body.find('.marker, .permalink, .anchor, .sr-only, .heading').remove();
	return body.text().replace(/\s+/g, ' ').trim();
}

/** Checks that each sentence occurs in the text, in order; returns the ones that do not. */
export function missingInOrder(text: string, sentences: string[]): string[] {
	const missing: string[] = [];
	let from = 0;
	for (const sentence of sentences) {
		const at = text.indexOf(sentence, from);
		if (at === -1) missing.push(sentence);
		else from = at + sentence.length;
	}
	return missing;
}
