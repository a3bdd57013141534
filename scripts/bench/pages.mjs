/**
 * Loads each page of a served build in headless Chromium (playwright-core, a fresh context per
 * page, so nothing is cached) and counts what the load fetched, from the DevTools protocol:
 * `Network.responseReceived` gives each request's resource type and MIME type, and
 * `Network.loadingFinished.encodedDataLength` its bytes on the wire (gzip-compressed body as
 * sent, plus the response headers). Requests that never finish (failed) are listed apart.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from './chrome.mjs';

/** Every page of the build (`index.html` and `404.html` files, Pagefind's left out) as site paths: `/`, `/soviet-era/`, `/404.html`. */
export async function sitePages(outDir) {
	const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && (entry.name === 'index.html' || entry.name === '404.html'))
		.map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
		.filter((file) => !file.startsWith('pagefind/'))
		.map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
		.sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : a.localeCompare(b)));
}

export const KINDS = ['html', 'css', 'js', 'font', 'image', 'other'];

/** A response's kind, from CDP's resource type and, failing that, its MIME type. */
export function kindOf(type, mime = '') {
	if (type === 'Document' || mime === 'text/html') return 'html';
	if (type === 'Stylesheet' || mime === 'text/css') return 'css';
	if (type === 'Script' || /javascript|ecmascript|wasm/.test(mime)) return 'js';
	if (type === 'Font' || mime.startsWith('font/')) return 'font';
	if (type === 'Image' || mime.startsWith('image/')) return 'image';
	return 'other';
}

/**
 * @param {string} origin e.g. `http://127.0.0.1:PORT`
 * @param {string[]} paths site paths under the origin
 * @returns {Promise<{ path: string, status: number, requests: number, transfer: number, html: number, css: number, js: number, font: number, image: number, other: number, resources: { url: string, kind: string, bytes: number }[], failed: string[] }[]>}
 */
export async function measurePages(origin, paths) {
	const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
	const results = [];
	try {
		for (const pathname of paths) {
			const context = await browser.newContext();
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			/** @type {Map<string, { url: string, kind: string, status: number }>} */
			const responses = new Map();
			/** @type {Map<string, string>} */
			const urls = new Map();
			/** @type {{ url: string, kind: string, bytes: number }[]} */
			const resources = [];
			const failed = [];
			cdp.on('Network.requestWillBeSent', (event) => void urls.set(event.requestId, event.request.url));
			cdp.on('Network.responseReceived', (event) => {
				responses.set(event.requestId, { url: event.response.url, kind: kindOf(event.type, event.response.mimeType), status: event.response.status });
			});
			cdp.on('Network.loadingFinished', (event) => {
				const response = responses.get(event.requestId);
				resources.push({ url: response?.url ?? urls.get(event.requestId) ?? '?', kind: response?.kind ?? 'other', bytes: event.encodedDataLength });
			});
			cdp.on('Network.loadingFailed', (event) => void failed.push(`${urls.get(event.requestId) ?? event.requestId} (${event.errorText})`));
			await cdp.send('Network.enable');
			const response = await page.goto(`${origin}${pathname}`, { waitUntil: 'networkidle' });
			// Chromium asks for the favicon after the load, sometimes after "network idle": wait for it
			// (at most 3 s) when the page declares one, so every page's count includes it alike.
			const icon = await page.evaluate(() => /** @type {HTMLLinkElement | null} */ (document.querySelector('link[rel~="icon"]'))?.href ?? '');
			for (let waited = 0; icon && !icon.startsWith('data:') && waited < 3000 && !resources.some((r) => r.url === icon); waited += 100) await page.waitForTimeout(100);
			// Let the last loadingFinished events arrive.
			await page.waitForTimeout(200);
			const row = { path: pathname, status: response?.status() ?? 0, requests: resources.length, transfer: 0, html: 0, css: 0, js: 0, font: 0, image: 0, other: 0, resources, failed };
			for (const resource of resources) {
				row.transfer += resource.bytes;
				row[resource.kind] += resource.bytes;
			}
			results.push(row);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return results;
}
