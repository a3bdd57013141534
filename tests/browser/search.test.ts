/**
 * Search in a real browser, under a sub-path, with the site's Content-Security-Policy in force:
 * Pagefind loads only when the reader searches, and results deep-link to the paragraph.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Served, serveBuild, visit } from '../helpers/served';

const BASE = '/russia-taliban/';
let served: Served;

beforeAll(async () => {
	served = await serveBuild({ base: BASE });
});

afterAll(() => served?.close());

const open = (path: string, javaScriptEnabled = true) => visit(served, path, { javaScriptEnabled });

test('the CSP is served with the pages', async () => {
	const response = await fetch(`${served.url}search/`);
	expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
});

test('Pagefind loads only once the reader searches, and finds the right section under the sub-path', async () => {
	const { page, requests, errors, close } = await open(`${BASE}search/`);
	await page.waitForLoadState('networkidle');
	expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
	const box = page.getByRole('searchbox', { name: 'Words to find' });
	expect(await box.isVisible()).toBe(true);
	expect(await page.getByText('Search needs JavaScript').isVisible()).toBe(false);

	await box.fill('Northern Alliance');
	const first = page.locator('.results li a').first();
	await first.waitFor();
	expect(requests.some((url) => url.startsWith(`${served.origin}${BASE}pagefind/pagefind.js`))).toBe(true);
	expect(await first.textContent()).toBe('The 1990s');
	const href = await first.getAttribute('href');
	expect(href).toMatch(new RegExp(`^${BASE}the-1990s/#p-`));
	expect(await page.locator('.status').textContent()).toMatch(/^(1 section matches|\d+ sections match)\.$/);
	expect(new URL(page.url()).searchParams.get('q')).toBe('Northern Alliance');

	await first.click();
	await page.waitForURL(`**${href}`);
	expect(await page.locator(':target').textContent()).toContain('Northern Alliance');
	expect(errors).toEqual([]);
	await close();
});

test('a search in the address runs on arrival', async () => {
	const { page, errors, close } = await open(`${BASE}search/?q=Doha`);
	const first = page.locator('.results li a').first();
	await first.waitFor();
	expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}after-the-withdrawal/#p-`));
	expect(errors).toEqual([]);
	await close();
});

test('without JavaScript the page says search needs it and lists the sections', async () => {
	const { page, close } = await open(`${BASE}search/`, false);
	expect(await page.getByText('Search needs JavaScript').isVisible()).toBe(true);
	expect(await page.getByRole('search').isVisible()).toBe(false);
	const links = await page.locator('main ol.sections a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(links).toEqual([BASE, `${BASE}soviet-era/`, `${BASE}the-1990s/`, `${BASE}after-2001/`, `${BASE}after-the-withdrawal/`, `${BASE}read/`]);
	await close();
});
