/**
 * The author's loop in `astro dev`, in a real browser, on a copy of the content: an edit shows in
 * the open page; an edit that breaks a file shows Astro's error overlay in the open page, naming
 * the file and the field; fixing it recovers the page without restarting the server. (How fast
 * is measured by `npm run bench`, never here.)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { needing } from '../helpers/tools';
import { replaceInFile, startDev } from '../../scripts/bench/dev.mjs';
import { launchBrowser } from '../helpers/browser';
import { ROOT, declaredSections, remove } from '../helpers/build';
import { workFolder } from '../../scripts/bench/project.mjs';

/** Skipped where the machine lacks chromium, and then named at the end of the run; never in CI. */
const { test } = needing('chromium');

let dev: Awaited<ReturnType<typeof startDev>>;
let browser: Browser;
let page: Page;
let work: string;
let file: string;
let slug: string;

beforeAll(async () => {
	const [first] = await declaredSections();
	slug = first!.slug;
	work = await workFolder('dev-');
	dev = await startDev({ work, pathname: `/${slug}/` });
	file = path.join(dev.contentDir, 'sections', first!.file);
	browser = await launchBrowser();
	page = await browser.newPage();
	await page.goto(`${dev.origin}/${slug}/`, { waitUntil: 'load' });
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await dev?.stop();
	await remove(work);
});

/** What Astro's error overlay in the open page says (its title, message and file), or '' while there is none. */
const overlayMessage = () =>
	page
		.evaluate(() => {
			const root = document.querySelector('vite-error-overlay')?.shadowRoot;
			const text = (selector: string) => root?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
			return root ? ['#name', '#message-content', '#code h2'].map(text).join(' | ') : '';
		})
		// The page is reloading: nothing shown yet.
		.catch(() => '');
/**
 * Waits for the overlay to show `wanted`. A save can pass through other states on its way (the
 * file half-written, the page mid-reload); on failure, the overlay's last words are reported,
 * with what the page shows instead and what the server said.
 */
const overlayShows = (wanted: RegExp) =>
	expect
		.poll(overlayMessage, { timeout: 30_000, interval: 100 })
		.toMatch(wanted)
		.catch(async (error: Error) => {
			const body = await page.evaluate(() => document.body?.innerText.slice(0, 200)).catch((reason: Error) => `(unreadable: ${reason.message})`);
			throw new Error(`${error.message}\n${page.url()} shows: ${body}\nastro dev said: ${dev.output().slice(-1500)}`, { cause: error });
		});
/** The edited file as errors name it, as a regular expression. */
const fileShown = () => path.relative(ROOT, file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const shows = (text: string) =>
	page
		.waitForFunction((wanted) => !document.querySelector('vite-error-overlay') && document.body.innerText.includes(wanted), text, { timeout: 30_000 })
		.catch(async (error: Error) => {
			const body = await page.evaluate(() => document.body?.innerText.slice(0, 300)).catch((reason: Error) => `(unreadable: ${reason.message})`);
			const overlay = await overlayMessage().catch(() => '');
			throw new Error(`${error.message}\n${page.url()} shows: ${body}\noverlay: ${overlay}\nastro dev said: ${dev.output().slice(-2500)}`, { cause: error });
		});

test('a saved edit to a sentence shows in the open page', async () => {
	const source = await readFile(file, 'utf8');
	const sentence = /<S id="[^"]+">([^<]{20,}?)[.?!]/.exec(source)![1]!;
	await replaceInFile(file, sentence, `${sentence} (edited in dev)`);
	await shows(`${sentence} (edited in dev)`);
});

test('a broken date shows the error in the open page, naming the file and the field; the fix recovers it', async () => {
	const source = await readFile(file, 'utf8');
	const period = /^period:\s*"([^"]+)"$/m.exec(source)![1]!;
	await replaceInFile(file, `period: "${period}"`, `period: "${period}-13"`);
	await overlayShows(new RegExp(`${fileShown()}: .*period: "[^"]+-13" is not a valid EDTF date`));
	await replaceInFile(file, `period: "${period}-13"`, `period: "${period}"`);
	await shows('(edited in dev)');
});

test('a sentence mark without its id shows the error in the open page; the fix recovers it', async () => {
	const source = await readFile(file, 'utf8');
	const mark = /<S id="[^"]+">/.exec(source)![0];
	await replaceInFile(file, mark, '<S>');
	await overlayShows(new RegExp(`${fileShown()}: <S> \\(line \\d+\\) needs an id attribute`));
	await replaceInFile(file, '<S>', mark);
	await shows('(edited in dev)');
});

test('a save that empties the file before writing it (as editors that save in place do) shows the error of what was written', async () => {
	// The server hears the file change when it is emptied; the write a moment later is the same
	// change to its watcher. It must read the file once the write is done, not the empty file.
	const source = await readFile(file, 'utf8');
	const period = /^period:\s*"([^"]+)"$/m.exec(source)![1]!;
	await writeFile(file, '');
	await sleep(20);
	await writeFile(file, source.replace(`period: "${period}"`, `period: "${period}-13"`));
	await overlayShows(new RegExp(`${fileShown()}: .*period: "[^"]+-13" is not a valid EDTF date`));
	await writeFile(file, '');
	await sleep(20);
	await writeFile(file, source);
	await shows('(edited in dev)');
});
