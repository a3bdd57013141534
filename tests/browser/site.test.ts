/**
 * The site as a reader's browser shows it, built at the domain root and under a sub-path and
 * served with its own headers (the Content-Security-Policy in force): every page found by
 * crawling from the home page is checked with axe in light and dark, for broken links and
 * fragments, console errors, sideways scrolling, and text without JavaScript. Screenshots of
 * every page go to `screenshots/` (git-ignored).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needing } from '../helpers/tools';
import { ROOT, declaredEvents, declaredIntroduction, declaredSections, fixtureSentences } from '../helpers/build';
import { type Crawl, crawl } from '../helpers/crawl';
import { AXE_VIEWS, type Served, axeViolations, proseText, serveBuild, session, settle, visit } from '../helpers/served';
import { missingInOrder } from '../helpers/site';
import { SCREENS } from '../../src/site.config';

/** Skipped where the machine lacks chromium, and then named at the end of the run; never in CI. */
const { describe } = needing('chromium');

const SHOTS = path.join(ROOT, 'screenshots');
/** The section pages, in reading order, from the content. */
const DECLARED = await declaredSections();
const SECTIONS = DECLARED.map((section) => `${section.slug}/`);
/**
 * Far down the long pages, from the content: the last section's part and a dated event; an
 * undated event. (The last era on /timeline/ is read from the page: an era whose events all
 * fall after publication has no group of its own.)
 */
const EVENTS = await declaredEvents();
const LAST = DECLARED.at(-1)!;
const FAR = [
	`timeline/#${(EVENTS.findLast((event) => event.date && event.file === path.join('sections', LAST.file)) ?? EVENTS.findLast((event) => event.date))!.id}`,
	`timeline/#${EVENTS.findLast((event) => !event.date)!.id}`,
	`read/#${LAST.slug}`,
	'#sections',
	'#timeline',
];

describe.each(['/', '/russia-taliban/'])('in the browser, built with base %s', { timeout: 180_000 }, (base) => {
	let served: Served;
	let crawled: Crawl;
	/** Every page reached from the home page, and the ids on each. */
	let pages: Map<string, Set<string>>;

	beforeAll(async () => {
		served = await serveBuild({ base });
		crawled = await crawl(served);
		pages = crawled.pages;
	}, 180_000);

	afterAll(() => served?.close());

	test('the crawl reaches every page', () => {
		const expected = ['', 'timeline/', 'read/', 'search/', '404.html', ...SECTIONS].map((p) => `${base}${p}`);
		expect([...pages.keys()].sort()).toEqual(expected.sort());
	});

	test('a bad URL gets the 404 page', async () => {
		const response = await fetch(`${served.url}no-such-page/`);
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('Page not found');
	});

	test('no console errors, page errors, failed requests or policy violations while loading', () => {
		expect(crawled.errors).toEqual([]);
		expect(crawled.violations).toEqual([]);
	});

	test('every same-site link and asset resolves, inside the base, and every #fragment exists', () => {
		expect(crawled.broken).toEqual([]);
		expect(crawled.refs.size).toBeGreaterThan(50);
	});

	test.each(AXE_VIEWS)('axe finds no WCAG 2.2 AA or best-practice violation, %s scheme, %d px wide', async (colorScheme, width) => {
		const found: string[] = [];
		const v = await session(served, { colorScheme, viewport: { width, height: 812 } });
		for (const pathname of pages.keys()) {
			await v.goto(pathname);
			found.push(...(await axeViolations(v.page)).map((violation) => `${pathname}: ${violation}`));
		}
		await v.close();
		expect(found).toEqual([]);
	});

	test('on a phone the title and the first words are on the first screen, and every section is one tap away, with or without JavaScript', async () => {
		for (const javaScriptEnabled of [true, false]) {
			const v = await session(served, { viewport: { width: SCREENS.phone, height: 667 }, javaScriptEnabled });
			for (const pathname of pages.keys()) {
				await v.goto(pathname);
				const fold = await v.page.evaluate(() => {
					const top = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().top;
					return { title: document.querySelector('h1')!.getBoundingClientRect().bottom, text: top('.prose p'), height: innerHeight };
				});
				expect(fold.title, `${pathname}: the title ends at ${fold.title} px`).toBeLessThan(fold.height / 2);
				if (fold.text !== undefined) expect(fold.text, `${pathname}: the text starts at ${fold.text} px`).toBeLessThan(fold.height - 40);
				const summary = v.page.locator('.site-header summary');
				await summary.click();
				const hrefs = await v.page.locator('.site-header details a').evaluateAll((links) => links.filter((a) => (a as HTMLElement).offsetParent).map((a) => a.getAttribute('href')));
				expect(hrefs, pathname).toEqual(SECTIONS.map((section) => `${base}${section}`));
			}
			await v.close();
		}
	});

	test('nothing scrolls sideways at 320 px, nor at 640 px (1280 px at 200% zoom)', async () => {
		const wide: string[] = [];
		for (const width of [SCREENS.narrowest, SCREENS.desktop / 2]) {
			// 200% zoom is emulated as the browser does it: a 1280 px window at zoom 2 lays out a 640 CSS px
			// viewport with two device pixels per CSS pixel (media queries and vw see 640 px).
			const v = await session(served, { viewport: { width, height: 700 }, deviceScaleFactor: width === SCREENS.desktop / 2 ? 2 : 1 });
			for (const pathname of pages.keys()) {
				await v.goto(pathname);
				const { scroll, client } = await v.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
				if (scroll > client) wide.push(`${pathname} at ${width}px: ${scroll} > ${client}`);
			}
			await v.close();
		}
		expect(wide).toEqual([]);
	});

	test('without JavaScript every page shows the same text', async () => {
		const texts = new Map<string, string[]>();
		for (const javaScriptEnabled of [true, false]) {
			const v = await session(served, { javaScriptEnabled });
			for (const pathname of pages.keys()) {
				await v.goto(pathname);
				// The search box is the one thing that needs JavaScript; it says so when it is off.
				const text = await v.page.evaluate(() => {
					const copy = document.body.cloneNode(true) as HTMLElement;
					copy.querySelectorAll('search-box').forEach((el) => el.remove());
					return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
				});
				texts.set(pathname, [...(texts.get(pathname) ?? []), text]);
			}
			await v.close();
		}
		const differ = [...texts].filter(([, [withJs, withoutJs]]) => withJs !== withoutJs).map(([pathname]) => pathname);
		expect(differ).toEqual([]);
		// The introduction's first marked sentence, from the content, is there without JavaScript.
		const [, sentence] = /<S id="[^"]+">([^<]+)<\/S>/.exec((await declaredIntroduction()).source)!;
		expect(texts.get(base)![1]).toContain(sentence);
	});

	test('rel=next from the overview walks the sections and holds every sentence of the article, in order', async () => {
		const v = await visit(served, base);
		const visited: string[] = [];
		let text = '';
		for (;;) {
			visited.push(new URL(v.page.url()).pathname);
			text += ` ${await proseText(v.page)}`;
			const next = v.page.locator('a[rel="next"]');
			if ((await next.count()) === 0) break;
			await Promise.all([v.page.waitForURL((url) => url.pathname !== visited.at(-1)), next.click()]);
		}
		await v.close();
		expect(visited).toEqual([base, ...SECTIONS.map((p) => `${base}${p}`)]);
		expect(missingInOrder(text.replace(/\s+/g, ' '), await fixtureSentences())).toEqual([]);
	});

	test('a timeline entry lands on its sentence, in view and highlighted; its marker leads back to the entry', async () => {
		const v = await visit(served, `${base}timeline/`, { viewport: { width: SCREENS.desktop, height: 800 } });
		const entries = await v.page.locator('li.entry').evaluateAll((lis) =>
			lis.map((li) => ({ id: li.id, href: li.querySelector('.label a')!.getAttribute('href')! })),
		);
		expect(entries.length).toBe(EVENTS.length);
		const problems: string[] = [];
		for (const entry of entries) {
			// Each round trip ends back on /timeline/; only a failed one needs a fresh load.
			if (!v.page.url().includes('/timeline/')) await v.page.goto(`${served.url}timeline/`);
			await Promise.all([v.page.waitForURL((url) => url.hash.length > 1 && !url.pathname.endsWith('/timeline/')), v.page.locator(`li.entry[id="${entry.id}"] .label a`).click()]);
			await settle(v.page);
			const landing = await v.page.evaluate(() => {
				const target = document.querySelector(':target') as HTMLElement | null;
				if (!target) return undefined;
				const box = target.getBoundingClientRect();
				const first = target.getClientRects()[0]!;
				const hit = document.elementFromPoint(first.left + Math.min(first.width / 2, 40), first.top + first.height / 2);
				const plain = document.querySelector('.sentence:not(:target)');
				return {
					isSentence: target.classList.contains('sentence'),
					inView: box.top >= 0 && first.bottom <= innerHeight,
					uncovered: Boolean(hit && target.contains(hit)),
					background: getComputedStyle(target).backgroundColor,
					plainBackground: plain ? getComputedStyle(plain).backgroundColor : 'rgba(0, 0, 0, 0)',
				};
			});
			if (!landing) {
				problems.push(`${entry.id}: no :target after following ${entry.href}`);
				continue;
			}
			if (!landing.isSentence) problems.push(`${entry.id}: the target is not a sentence`);
			if (!landing.inView) problems.push(`${entry.id}: the sentence is not in view`);
			if (!landing.uncovered) problems.push(`${entry.id}: the sentence is covered`);
			if (landing.background === landing.plainBackground) problems.push(`${entry.id}: the sentence is not highlighted`);

			const back = v.page.locator(`a.marker[href$="timeline/#${entry.id}"]`).first();
			await Promise.all([v.page.waitForURL((url) => url.pathname.endsWith('/timeline/')), back.click()]);
			await settle(v.page);
			const returned = await v.page.evaluate(() => {
				const target = document.querySelector(':target');
				const box = target?.getBoundingClientRect();
				return { id: target?.id, inView: Boolean(box && box.top >= 0 && box.top < innerHeight) };
			});
			if (returned.id !== entry.id || !returned.inView) problems.push(`${entry.id}: the marker does not lead back to the entry`);
		}
		await v.close();
		expect(problems.join('\n')).toBe('');
	});

	test('a link to a heading or an entry far down a long page lands on it, loaded afresh or followed in the page', async () => {
		// Far down /read/, /timeline/ and the overview, at phone and desktop widths: the landing must
		// hold once the page has settled, not just on the first frame.
		const problems: string[] = [];
		for (const viewport of [{ width: SCREENS.desktop, height: 800 }, { width: SCREENS.phone, height: 700 }]) {
			const v = await session(served, { viewport });
			const landing = async (where: string) => {
				await settle(v.page);
				const top = await v.page.evaluate(() => document.querySelector(':target')?.getBoundingClientRect().top);
				if (top === undefined || top < 0 || top > viewport.height / 2) problems.push(`${where} at ${viewport.width} px: target top ${top}`);
			};
			await v.goto(`${base}timeline/`);
			const lastEra = await v.page.evaluate(() => [...document.querySelectorAll('[id^="era-"]')].at(-1)?.id);
			expect(lastEra).toBeTruthy();
			for (const target of [...FAR, `timeline/#${lastEra}`]) {
				await v.goto(`${base}${SECTIONS[0]}`);
				await v.goto(`${base}${target}`);
				await landing(`loading ${target}`);
			}
			await v.goto(`${base}read/`);
			const contents = await v.page.locator('nav.toc a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
			expect(contents.length).toBeGreaterThan(3);
			for (const href of contents.reverse()) {
				await v.page.locator(`nav.toc a[href="${href}"]`).click();
				await landing(`following ${href} on /read/`);
			}
			await v.close();
		}
		expect(problems.join('\n')).toBe('');
	});

	test.runIf(base === '/')('screenshots of every page, 375 and 1280 px wide, light and dark', async () => {
		await mkdir(SHOTS, { recursive: true });
		for (const colorScheme of ['light', 'dark'] as const) {
			for (const width of [SCREENS.phone, SCREENS.desktop]) {
				const v = await session(served, { viewport: { width, height: 900 }, colorScheme });
				for (const pathname of pages.keys()) {
					await v.goto(pathname);
					const name = pathname.replace(/^\/|\/$/g, '').replace(/[/.]/g, '-') || 'overview';
					await v.page.screenshot({ path: path.join(SHOTS, `page-${name}-${width}-${colorScheme}.png`), fullPage: true });
				}
				await v.close();
			}
		}
	});
});
