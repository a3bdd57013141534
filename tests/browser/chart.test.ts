/**
 * The timeline picture in a real browser, at a phone's width and a desktop's: labels never
 * overlap each other or the marks, the page never scrolls sideways, nothing in the picture takes
 * a Tab stop, and axe finds nothing to fix. Screenshots go to `screenshots/` (git-ignored).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needing } from '../helpers/tools';
import { SCREENS } from '../../src/site.config';
import { ROOT, declaredEvents, declaredSections } from '../helpers/build';
import { type Served, axeViolations, serveBuild, visit } from '../helpers/served';

/** Skipped where the machine lacks chromium, and then named at the end of the run; never in CI. */
const { describe } = needing('chromium');

const SHOTS = path.join(ROOT, 'screenshots');
/** Where the strip is checked: the overview and the first and last section pages, from the content. */
const sections = (await declaredSections()).map((section) => `${section.slug}/`);
const STRIP_PAGES = ['', sections[0]!, sections.at(-1)!];
/** Each dated event is a mark on the picture, with its label. */
const dated = (await declaredEvents()).filter((event) => event.date !== undefined);
let served: Served;

beforeAll(async () => {
	served = await serveBuild();
	await mkdir(SHOTS, { recursive: true });
});

afterAll(() => served?.close());

/** A page of the served site (its headers, so its Content-Security-Policy, in force) at a width, in a fresh context. */
const open = (pathname: string, width: number, colorScheme: 'light' | 'dark' = 'light') =>
	visit(served, `${served.base}${pathname}`, { viewport: { width, height: 900 }, colorScheme });

interface Box {
	name: string;
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** The boxes of the visible picture's texts and marks (a hidden layout has empty boxes). */
function boxes(page: Page, figure: string) {
	return page.evaluate((selector) => {
		const box = (el: Element, name: string) => {
			const r = el.getBoundingClientRect();
			return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
		};
		const visible = (el: Element) => el.getBoundingClientRect().width > 0;
		const root = document.querySelector(selector)!;
		const texts = [...root.querySelectorAll('svg text')].filter(visible).map((el) => box(el, el.textContent!.trim()));
		const marks = [...root.querySelectorAll('svg .mark circle, svg .mark rect')].filter(visible).map((el) => box(el, `mark of ${el.closest('a')!.getAttribute('href')}`));
		return { texts, marks };
	}, figure);
}

const overlapping = (a: Box, b: Box, slack = 0.5) => a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;

function collisions(texts: Box[], marks: Box[]): string[] {
	const found: string[] = [];
	texts.forEach((a, i) => {
		for (const b of texts.slice(i + 1)) if (overlapping(a, b)) found.push(`“${a.name}” / “${b.name}”`);
		for (const m of marks) if (overlapping(a, m)) found.push(`“${a.name}” / ${m.name}`);
	});
	return found;
}

// 608 px: the narrowest screen whose column (less its padding) takes the wide layout.
describe.each([SCREENS.narrowest, 608, SCREENS.desktop])('the timeline picture at %d px', (width) => {
	test('labels clear each other and the marks; the page does not scroll sideways', async () => {
		for (const scheme of ['light', 'dark'] as const) {
			const { page, close } = await open('timeline/', width, scheme);
			const { texts, marks } = await boxes(page, '.timeline-chart');
			expect(marks.length).toBe(dated.length);
			expect(texts.length).toBeGreaterThan(dated.length);
			expect(collisions(texts, marks)).toEqual([]);
			// Every label inside the picture's column.
			const column = await page.locator('.timeline-chart').evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
			for (const text of texts) {
				expect(text.left, text.name).toBeGreaterThanOrEqual(column.left - 0.5);
				expect(text.right, text.name).toBeLessThanOrEqual(column.right + 0.5);
			}
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
			await page.locator('.timeline-chart').screenshot({ path: path.join(SHOTS, `timeline-chart-${width}-${scheme}.png`) });
			await close();
		}
	});

	test('takes no Tab stop, hides nothing focusable from assistive technology, and passes axe', async () => {
		const { page, close } = await open('timeline/', width);
		const links = await page.evaluate(() => {
			const svgs = [...document.querySelectorAll('.timeline-chart svg')];
			return {
				hidden: svgs.every((svg) => svg.getAttribute('aria-hidden') === 'true'),
				tabbable: svgs.flatMap((svg) => [...svg.querySelectorAll('a')]).filter((a) => a.getAttribute('tabindex') !== '-1').length,
				linked: [...document.querySelectorAll('.timeline-chart svg .mark')].every((a) => document.getElementById(decodeURIComponent(a.getAttribute('href')!.split('#')[1]!))),
			};
		});
		expect(links).toEqual({ hidden: true, tabbable: 0, linked: true });
		expect(await axeViolations(page)).toEqual([]);
		await close();
	});
});

describe.each(STRIP_PAGES)('the strip on /%s', (pathname) => {
	test.each([SCREENS.narrowest, SCREENS.desktop])('at %d px: labels clear each other, no sideways scrolling, axe passes', async (width) => {
		const { page, close } = await open(pathname, width);
		const { texts } = await boxes(page, '.timeline-strip');
		// Every era is named (by title or number), and the axis has its years.
		expect(texts.length).toBeGreaterThan(sections.length);
		expect(collisions(texts, [])).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await page.locator('.timeline-strip').screenshot({ path: path.join(SHOTS, `strip-${pathname.replace(/\W+/g, '') || 'overview'}-${width}.png`) });
		await close();
	});
});
