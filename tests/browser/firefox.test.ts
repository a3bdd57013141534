/**
 * The site in Firefox (Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core): one
 * build under a sub-path, served with the headers of `_headers` and with none at all (GitHub
 * Pages, the `<meta>` policy alone). Every HTML page of the build loads with no console error
 * and no Content-Security-Policy violation, and prefetches its `<link rel="next">`; axe finds
 * nothing, light and dark, at phone and desktop widths; nothing scrolls sideways on a phone; and
 * on every reading page, Ctrl+C puts the author's words on the clipboard, and only them.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needing } from '../helpers/tools';
import { sitePages } from '../../scripts/bench/dist.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { SCREENS } from '../../src/site.config';
import { type BuildResult, ROOT, buildSite, declaredSections, remove, searchProbe } from '../helpers/build';
import { type ColorScheme, launchFirefox } from '../helpers/firefox';
import { AXE_TAGS, AXE_VIEWS } from '../helpers/served';

/** Skipped where the machine lacks firefox-esr, and then named at the end of the run; never in CI. */
const { describe } = needing('firefox-esr');

const BASE = '/russia-taliban/';
/** The reading pages: the overview and each section, from the content. */
const READING = [BASE, ...(await declaredSections()).map((section) => `${BASE}${section.slug}/`)];
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** White space collapsed, as the comparisons read text. */
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The article as received (tests/fixtures/article.txt), white space collapsed. */
const ARTICLE = normalise(await readFile(path.join(ROOT, 'tests/fixtures/article.txt'), 'utf8'));

/** Whether `text` is a run of whole words of the article as received. */
function isAuthorsRun(text: string): boolean {
	if (!text) return false;
	for (let at = ARTICLE.indexOf(text); at !== -1; at = ARTICLE.indexOf(text, at + 1)) {
		const end = at + text.length;
		if ((at === 0 || ARTICLE[at - 1] === ' ') && (end === ARTICLE.length || ARTICLE[end] === ' ')) return true;
	}
	return false;
}

/** What we draw beside the author's words, which a copy must never carry. */
const OURS = ['Timeline:', 'Link to', '¶', '#'];

let build: BuildResult;
/** Every HTML page of the build, as served under BASE. */
let pages: string[];
const servers = new Map<boolean, { origin: string; close(): Promise<void> }>();
const browsers = new Map<ColorScheme, Browser>();

beforeAll(async () => {
	build = await buildSite({ base: BASE });
	expect(build.ok, build.output).toBe(true);
	pages = (await sitePages(build.outDir)).map((pathname: string) => `${BASE}${pathname.slice(1)}`);
	for (const headers of [true, false]) servers.set(headers, await startServer({ dir: build.outDir, base: BASE, headers }));
	// The colour scheme is a preference of the whole browser: one launch for each.
	const [light, dark] = await Promise.all([launchFirefox('light'), launchFirefox('dark')]);
	browsers.set('light', light).set('dark', dark);
}, 240_000);

afterAll(async () => {
	for (const browser of browsers.values()) await browser.close();
	for (const server of servers.values()) await server.close();
	if (build) await remove(build.workDir);
});

interface Opened {
	page: Page;
	/** Console errors, page errors and failed requests. */
	errors: string[];
	/** Every URL the page requested. */
	requests: string[];
	/** The policy violations the page reported ("directive blocked-URI"). */
	violations(): Promise<string[]>;
	close(): Promise<void>;
}

/**
 * A page in a fresh browser context (its own cache: every visit to a page prefetches afresh),
 * recording errors, requests and the `securitypolicyviolation` events of each page it visits.
 */
async function session(browser: Browser, width: number = SCREENS.desktop): Promise<Opened & { goto(url: string): Promise<void> }> {
	const context = await browser.createBrowserContext();
	const page = await context.newPage();
	await page.setViewport({ width, height: 812 });
	// Run through WebDriver BiDi, which the policy does not govern: every violation is recorded.
	await page.evaluateOnNewDocument(() => {
		const seen: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (event) => void seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
	});
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	// Firefox reports a policy violation as a page error ("Content-Security-Policy: … blocked …").
	page.on('pageerror', (error) => void errors.push(`page error: ${(error as Error).message ?? String(error)}`));
	page.on('request', (request) => void requests.push(request.url()));
	page.on('requestfailed', (request) => {
		const reason = request.failure()?.errorText ?? '';
		if (!/ABORTED/i.test(reason)) errors.push(`request failed: ${request.url()} (${reason})`);
	});
	return {
		page,
		errors,
		requests,
		violations: () => page.evaluate(() => [...(window as unknown as { __violations: string[] }).__violations]),
		goto: async (url: string) => void (await page.goto(url, { waitUntil: 'load' })),
		close: () => context.close(),
	};
}

/** A page opened in a fresh browser context of its own. */
async function open(browser: Browser, url: string, width: number = SCREENS.desktop): Promise<Opened> {
	const v = await session(browser, width);
	await v.goto(url);
	return v;
}

/** Polls `check` until it holds or `timeout` ms have passed; says whether it held. */
async function until(check: () => boolean | Promise<boolean>, timeout: number): Promise<boolean> {
	const end = Date.now() + timeout;
	for (;;) {
		if (await check()) return true;
		if (Date.now() > end) return false;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

describe.each([
	{ host: 'a host that sends _headers', headers: true },
	{ host: 'a host that sends no headers (GitHub Pages)', headers: false },
])('in Firefox, served by $host', { timeout: 180_000 }, ({ headers }) => {
	test('every page loads with no console error and no policy violation, and prefetches its rel=next page', async () => {
		const { origin } = servers.get(headers)!;
		const problems: string[] = [];
		const expected: string[] = [];
		const prefetched: string[] = [];
		for (const pathname of pages) {
			const v = await open(browsers.get('light')!, `${origin}${pathname}`);
			const next = await v.page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="next"]')?.href ?? null);
			if (next) {
				expected.push(`${pathname} → ${new URL(next).pathname}`);
				// Firefox prefetches once the page has loaded and the network is quiet; a refused
				// prefetch makes no request, only a violation.
				await until(async () => v.requests.includes(next) || (await v.violations()).length > 0, 15_000);
				if (v.requests.includes(next)) prefetched.push(`${pathname} → ${new URL(next).pathname}`);
			}
			await v.page.waitForNetworkIdle({ idleTime: 500, timeout: 15_000 });
			problems.push(...(await v.violations()).map((violation) => `${pathname}: violation ${violation}`));
			problems.push(...v.errors.map((error) => `${pathname}: ${error}`));
			await v.close();
		}
		expect(problems).toEqual([]);
		expect(expected.length, 'reading pages carry <link rel="next">').toBeGreaterThanOrEqual(READING.length - 1);
		expect(prefetched).toEqual(expected);
	});

	test('search works under the policy: Pagefind, its worker and its WebAssembly load, results appear', async () => {
		const { origin } = servers.get(headers)!;
		const probe = await searchProbe();
		const v = await open(browsers.get('light')!, `${origin}${BASE}search/?q=${encodeURIComponent(probe.query)}`);
		const first = await v.page.waitForSelector('.results li a', { timeout: 30_000 });
		expect(await first!.evaluate((a) => a.getAttribute('href'))).toMatch(new RegExp(`^${BASE}${probe.slug}/#p-`));
		await v.page.waitForNetworkIdle({ idleTime: 500, timeout: 15_000 });
		expect(await v.violations()).toEqual([]);
		expect(v.errors).toEqual([]);
		await v.close();
	});
});

describe('in Firefox, as readers see it', { timeout: 180_000 }, () => {
	test.each(AXE_VIEWS)('axe finds no WCAG 2.2 AA or best-practice violation, %s scheme, %d px wide', async (colorScheme, width) => {
		const found: string[] = [];
		const { origin } = servers.get(true)!;
		const v = await session(browsers.get(colorScheme)!, width);
		for (const pathname of pages) {
			await v.goto(`${origin}${pathname}`);
			// The scheme is the browser's preference: make sure the page sees it.
			expect(await v.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), pathname).toBe(colorScheme === 'dark');
			expect(await v.page.evaluate(() => innerWidth), pathname).toBe(width);
			// Evaluated over BiDi, which the page's policy does not govern.
			await v.page.evaluate(AXE_SOURCE);
			const violations = await v.page.evaluate(async (tags: string[]) => {
				const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
				const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
				return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
			}, AXE_TAGS);
			found.push(...violations.map((violation) => `${pathname}: ${violation}`));
		}
		await v.close();
		expect(found).toEqual([]);
	});

	test(`nothing scrolls sideways at ${SCREENS.phone} px`, async () => {
		const wide: string[] = [];
		const { origin } = servers.get(true)!;
		const v = await session(browsers.get('light')!, SCREENS.phone);
		for (const pathname of pages) {
			await v.goto(`${origin}${pathname}`);
			const overflow = await v.page.evaluate(() => {
				const root = document.documentElement;
				// What sticks out, to say where to look.
				const out = [...document.body.querySelectorAll('*')]
					.filter((el) => el.getBoundingClientRect().right + scrollX > root.clientWidth + 0.5)
					.filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right + scrollX <= root.clientWidth + 0.5)
					.map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''}`);
				return { scroll: root.scrollWidth, client: root.clientWidth, out };
			});
			if (overflow.scroll > overflow.client) wide.push(`${pathname}: ${overflow.scroll} > ${overflow.client} (${overflow.out.slice(0, 3).join(', ')})`);
		}
		await v.close();
		expect(wide).toEqual([]);
	});
});

type Selection = 'paragraph' | 'sentence' | 'across a marker' | 'prose';

interface Selected {
	/** What the copy should hold, white space collapsed, read from the page's text nodes; none for `prose`. */
	expected?: string;
	/** The editorial headings the selection spans, white space collapsed. */
	headings: string[];
	/** Every paragraph the selection spans, white space collapsed. */
	paragraphs: string[];
	/** The date labels of the timeline markers the selection spans. */
	markerLabels: string[];
}

/** Selects part of the page's `.prose` with a DOM Range, as a reader would with the mouse. */
function select(page: Page, what: Selection): Promise<Selected | null> {
	return page.evaluate((what: Selection) => {
		const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
		const prose = document.querySelector('.prose')!;
		const range = document.createRange();
		let expected: string | undefined;
		/** The text nodes of an element, and a point at a space near the middle of its text. */
		const middle = (element: Element) => {
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			const nodes: Text[] = [];
			for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
			const text = nodes.map((node) => node.data).join('');
			const spaces = [...text.matchAll(/ /g)].map((match) => match.index!);
			const at = spaces.reduce((best, index) => (Math.abs(index - text.length / 2) < Math.abs(best - text.length / 2) ? index : best), spaces[0]!);
			let offset = at;
			for (const node of nodes) {
				if (offset < node.data.length) return { node, offset, at, text };
				offset -= node.data.length;
			}
			throw new Error('no space in the sentence');
		};
		if (what === 'paragraph') {
			const paragraphs = [...prose.querySelectorAll('p.paragraph')];
			const paragraph = paragraphs.find((p) => p.querySelector('a.marker')) ?? paragraphs[0]!;
			range.selectNodeContents(paragraph);
			expected = collapse(paragraph.textContent ?? '');
		} else if (what === 'sentence') {
			const sentence = prose.querySelector('.sentence')!;
			range.selectNodeContents(sentence);
			expected = collapse(sentence.textContent ?? '');
		} else if (what === 'across a marker') {
			const sentences = [...prose.querySelectorAll('.sentence')];
			const marked = (i: number) => sentences[i]!.nextElementSibling?.matches('a.marker') && sentences[i + 1];
			// A marked sentence followed by one in the same paragraph, else by the next paragraph's first.
			let i = sentences.findIndex((s, i) => marked(i) && sentences[i + 1]!.parentElement === s.parentElement);
			if (i === -1) i = sentences.findIndex((_, i) => marked(i));
			if (i === -1) return null;
			const from = middle(sentences[i]!);
			const to = middle(sentences[i + 1]!);
			range.setStart(from.node, from.offset + 1);
			range.setEnd(to.node, to.offset);
			expected = collapse(`${from.text.slice(from.at + 1)} ${to.text.slice(0, to.at)}`);
		} else {
			const paragraphs = prose.querySelectorAll('p.paragraph');
			const last = paragraphs[paragraphs.length - 1]!;
			range.setStart(paragraphs[0]!, 0);
			range.setEnd(last, last.childNodes.length);
		}
		const selection = getSelection()!;
		selection.removeAllRanges();
		selection.addRange(range);
		const spanned = (selector: string) => [...prose.querySelectorAll(selector)].filter((el) => range.intersectsNode(el));
		return {
			expected,
			headings: spanned('h2, h3, h4').map((h) => collapse(h.textContent ?? '')),
			// The pull quote repeats a sentence that stands in the text: a copy leaves it out.
			paragraphs: spanned('p.paragraph')
				.filter((p) => !p.closest('.pull-quote'))
				.map((p) => collapse(p.textContent ?? '')),
			markerLabels: spanned('a.marker').map((a) => a.getAttribute('data-label') ?? ''),
		};
	}, what);
}

let copies = 0;

/**
 * Presses Ctrl+C and reads the clipboard back. The clipboard first holds a fresh sentinel, so
 * what is read can only be what this Ctrl+C put there.
 */
async function copySelection(page: Page): Promise<string> {
	const sentinel = `sentinel ${++copies} ${Date.now()}`;
	await page.evaluate((text: string) => navigator.clipboard.writeText(text), sentinel);
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sentinel);
	await page.keyboard.down('Control');
	await page.keyboard.press('KeyC');
	await page.keyboard.up('Control');
	let copied = sentinel;
	await until(async () => (copied = await page.evaluate(() => navigator.clipboard.readText())) !== sentinel, 5_000);
	expect(copied, 'Ctrl+C changed the clipboard').not.toBe(sentinel);
	return copied;
}

/** Our additions found in a copy: words we draw, and marker dates the author never wrote. */
function oursIn(copied: string, selected: Selected): string[] {
	return [...OURS, ...selected.markerLabels.filter((label) => label && !ARTICLE.includes(label))].filter((ours) => copied.includes(ours));
}

describe('in Firefox, copying with Ctrl+C gives the author’s words and only them', { timeout: 180_000 }, () => {
	let acrossMarkers = 0;

	test.each(READING)('%s', async (pathname) => {
		const v = await open(browsers.get('light')!, `${servers.get(true)!.origin}${pathname}`);
		const problems: string[] = [];
		for (const what of ['paragraph', 'sentence', 'across a marker'] as const) {
			const selected = await select(v.page, what);
			if (!selected) continue;
			if (what === 'across a marker') acrossMarkers++;
			const copied = await copySelection(v.page);
			const text = normalise(copied);
			if (text !== selected.expected) problems.push(`${what}: copied ${JSON.stringify(text)}, selected ${JSON.stringify(selected.expected)}`);
			if (!isAuthorsRun(text)) problems.push(`${what}: not a run of the author's words: ${JSON.stringify(text)}`);
			for (const ours of oursIn(copied, selected)) problems.push(`${what}: ${JSON.stringify(ours)} copied`);
		}

		// The whole prose: each copied line is an author's paragraph or a run of its words; our
		// headings are left out of a selection.
		const selected = (await select(v.page, 'prose'))!;
		const copied = await copySelection(v.page);
		const lines = copied.split(/\n+/).map(normalise).filter(Boolean);
		const authors: string[] = [];
		for (const line of lines) {
			if (selected.headings.includes(line)) problems.push(`whole prose: our heading “${line}” copied`);
			else if (isAuthorsRun(line)) authors.push(line);
			else problems.push(`whole prose: a line that is not the author's: ${JSON.stringify(line)}`);
		}
		for (const ours of oursIn(copied, selected)) problems.push(`whole prose: ${JSON.stringify(ours)} copied`);
		// Nothing left out: every paragraph's words are in the copy, in order.
		const joined = authors.join(' ');
		let from = 0;
		for (const paragraph of selected.paragraphs) {
			const at = joined.indexOf(paragraph, from);
			if (at === -1) problems.push(`whole prose: missing or out of order: ${JSON.stringify(paragraph.slice(0, 80))}…`);
			else from = at + paragraph.length;
		}
		await v.close();
		expect(problems).toEqual([]);
	});

	test('a run across a timeline marker was copied on at least one page', () => {
		expect(acrossMarkers).toBeGreaterThan(0);
	});
});
