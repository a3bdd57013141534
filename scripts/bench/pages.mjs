/**
 * Loads each page of a served build in headless Chromium (playwright-core, a fresh context per
 * page, so nothing is cached) and counts what the load fetched: requests, bytes on the wire
 * and bytes by kind. "Body" bytes are the response bodies as sent, gzip-compressed
 * (Playwright's `request.sizes().responseBodySize`, i.e. the encoded size); "wire" adds the
 * response headers. The viewport is Lighthouse's mobile one (412 × 823), and layout shifts
 * are recorded with their sources, to name what moves when CLS is not 0.
 */
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from './chrome.mjs';

const KIND = { document: 'html', stylesheet: 'css', script: 'js', font: 'font', image: 'image' };

/**
 * @param {string} origin e.g. `http://127.0.0.1:PORT`
 * @param {string[]} paths site paths under the origin
 */
export async function measurePages(origin, paths) {
	const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
	const results = [];
	try {
		for (const pathname of paths) {
			const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
			// Through the DevTools protocol, which the page's Content-Security-Policy does not govern.
			await context.addInitScript(() => {
				/** @type {any} */ (window).__shifts = [];
				new PerformanceObserver((list) => {
					for (const entry of /** @type {any[]} */ (list.getEntries())) {
						if (entry.hadRecentInput) continue;
						const sources = (entry.sources ?? []).map((source) => {
							const node = source.node;
							if (!node || node.nodeType !== 1) return node ? node.nodeName : '?';
							return `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
						});
						/** @type {any} */ (window).__shifts.push({ value: entry.value, sources });
					}
				}).observe({ type: 'layout-shift', buffered: true });
			});
			const page = await context.newPage();
			/** @type {import('playwright-core').Request[]} */
			const finished = [];
			const failed = [];
			page.on('requestfinished', (request) => void finished.push(request));
			page.on('requestfailed', (request) => void failed.push(`${request.url()} (${request.failure()?.errorText})`));
			const response = await page.goto(`${origin}${pathname}`, { waitUntil: 'networkidle' });
			const shifts = await page.evaluate(() => /** @type {any} */ (window).__shifts);
			const row = { path: pathname, status: response?.status() ?? 0, requests: 0, wire: 0, body: 0, repeat: 0, html: 0, css: 0, js: 0, font: 0, image: 0, other: 0, urls: [], external: [], failed, shifts, cls: 0 };
			for (const request of finished) {
				const sizes = await request.sizes();
				const kind = KIND[request.resourceType()] ?? 'other';
				row.requests += 1;
				row.body += sizes.responseBodySize;
				row.wire += sizes.responseBodySize + sizes.responseHeadersSize;
				row[kind] += sizes.responseBodySize;
				row.urls.push({ url: request.url(), kind, body: sizes.responseBodySize });
				if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) row.external.push(request.url());
			}
			row.cls = shifts.reduce((sum, shift) => sum + shift.value, 0);
			// A repeat visit in the same browser: what the cache does not already hold.
			finished.length = 0;
			await page.goto(`${origin}${pathname}`, { waitUntil: 'networkidle' });
			row.repeat = 0;
			for (const request of finished) row.repeat += (await request.sizes()).responseBodySize;
			results.push(row);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return results;
}
