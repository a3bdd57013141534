/**
 * Search in a real browser, under a sub-path, with the site's Content-Security-Policy in force:
 * Pagefind loads only when the reader searches, and results deep-link to the paragraph.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { needing } from '../helpers/tools';
import { declaredSections, searchProbes } from '../helpers/build';
import { type Served, serveBuild, visit } from '../helpers/served';

/** Skipped where the machine lacks chromium, and then named at the end of the run; never in CI. */
const { test } = needing('chromium');

const BASE = '/russia-taliban/';
/** The sections in reading order, and words each found in one section only: from the content. */
const SECTIONS = await declaredSections();
const PROBES = await searchProbes();
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

	// A word of a section other than the last (the next test searches the last one's).
	const probe = PROBES.at(-2) ?? PROBES.at(-1)!;
	const section = SECTIONS.find((s) => s.slug === probe.slug)!;
	await box.fill(probe.query);
	const first = page.locator('.results li a').first();
	await first.waitFor();
	expect(requests.some((url) => url.startsWith(`${served.origin}${BASE}pagefind/pagefind.js`))).toBe(true);
	expect(await first.textContent()).toBe(section.title);
	const href = await first.getAttribute('href');
	expect(href).toMatch(new RegExp(`^${BASE}${probe.slug}/#p-`));
	expect(await page.locator('.status').textContent()).toMatch(/^(1 section matches|\d+ sections match)\.$/);
	expect(new URL(page.url()).searchParams.get('q')).toBe(probe.query);

	await first.click();
	await page.waitForURL(`**${href}`);
	expect(await page.locator(':target').textContent()).toContain(probe.query);
	expect(errors).toEqual([]);
	await close();
});

test('a search in the address runs on arrival', async () => {
	const probe = PROBES.at(-1)!;
	const { page, errors, close } = await open(`${BASE}search/?q=${encodeURIComponent(probe.query)}`);
	const first = page.locator('.results li a').first();
	await first.waitFor();
	expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}${probe.slug}/#p-`));
	expect(errors).toEqual([]);
	await close();
});

test('without JavaScript the page says search needs it and lists the sections', async () => {
	const { page, close } = await open(`${BASE}search/`, false);
	expect(await page.getByText('Search needs JavaScript').isVisible()).toBe(true);
	expect(await page.getByRole('search').isVisible()).toBe(false);
	const links = await page.locator('main ol.sections a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(links).toEqual([BASE, ...SECTIONS.map((section) => `${BASE}${section.slug}/`), `${BASE}read/`]);
	await close();
});
