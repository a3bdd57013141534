/**
 * The floor for first paint: for each reading page, a bare HTML page of the same text (its title
 * and its prose, no stylesheet, no header, no script), written beside the build under `/bare/`,
 * so Lighthouse loads both from the same server in the same run. It makes no request but its own:
 * an empty icon keeps the browser from asking for `/favicon.ico`, which (served as the 404 page)
 * would sometimes land before the paint and count in Lighthouse's estimate.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';

export const BARE_PREFIX = '/bare';

/**
 * @param {string} site the built site
 * @param {string[]} paths its pages (`/`, `/soviet-era/`, …)
 * @returns {Promise<Map<string, string>>} each reading page's bare twin
 */
export async function writeBarePages(site, paths) {
	const twins = new Map();
	for (const pathname of paths) {
		if (!pathname.endsWith('/')) continue;
		const $ = cheerio.load(await readFile(path.join(site, pathname, 'index.html'), 'utf8'));
		const prose = $('.prose');
		if (!prose.length) continue;
		const text = prose.map((_, el) => $(el).html()).get().join('\n');
		const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${$('title').text()}</title><meta name="description" content="${$('meta[name="description"]').attr('content') ?? ''}"></head><body><main><h1>${$('h1').first().text()}</h1>${text}</main></body></html>`;
		const bare = `${BARE_PREFIX}${pathname}`;
		await mkdir(path.join(site, bare), { recursive: true });
		await writeFile(path.join(site, bare, 'index.html'), html);
		twins.set(pathname, bare);
	}
	return twins;
}
