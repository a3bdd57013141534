/**
 * Reading by keyboard: the skip link comes first and moves focus to the article, focus is
 * visible on every stop, the Tab order is the reading order, and the self-links beside headings
 * and paragraphs have names and are big enough to hit (WCAG 2.5.8).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needing } from '../helpers/tools';
import { declaredSections } from '../helpers/build';
import { type Served, serveBuild, session } from '../helpers/served';
import { SCREENS } from '../../src/site.config';

/** Skipped where the machine lacks chromium, and then named at the end of the run; never in CI. */
const { describe } = needing('chromium');

/** The first and the last section, from the content, beside every page that is not a section. */
const SECTIONS = await declaredSections();
const PAGES = ['', ...new Set([SECTIONS[0]!, SECTIONS.at(-1)!].map((section) => `${section.slug}/`)), 'timeline/', 'read/', 'search/', '404.html'];
let served: Served;

beforeAll(async () => {
	served = await serveBuild();
});
afterAll(() => served?.close());

interface Stop {
	/** A short description of the focused element. */
	what: string;
	/** Its position among the document's tabbable elements, in DOM order. */
	domIndex: number;
	visibleFocus: boolean;
	onScreen: boolean;
	/** Whether it is inside `<main>`, and its first line box in page coordinates. */
	inMain: boolean;
	box: { top: number; bottom: number; left: number };
}

/** Presses Tab until focus wraps around, describing each stop. */
async function tabThrough(page: Page): Promise<Stop[]> {
	// Each element's look before it has focus, to compare with its look when it has it.
	await page.evaluate(() => {
		// The focus ring as computed (written out again below: evaluated functions cannot share code).
		const look = (el: Element) => ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow'].map((p) => getComputedStyle(el).getPropertyValue(p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))).join(' | ');
		const unfocused = new Map<Element, string>();
		for (const el of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) unfocused.set(el, look(el));
		(window as unknown as { unfocused: typeof unfocused }).unfocused = unfocused;
	});
	const stops: Stop[] = [];
	for (let i = 0; i < 400; i++) {
		await page.keyboard.press('Tab');
		const stop = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return undefined;
			const tabbable = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
				(node) => node.tabIndex >= 0 && !node.closest('[hidden], [inert]') && node.getClientRects().length > 0,
			);
			const style = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			const first = el.getClientRects()[0] ?? box;
			const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
			// Visible focus: a ring of 2 px or more, or a box-shadow, that the element does not show unfocused,
			// on an element that is not faded out and not covered by anything else (WCAG 2.4.7, 2.4.11).
			const look = (node: Element) => ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow'].map((p) => getComputedStyle(node).getPropertyValue(p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))).join(' | ');
			const unfocused = (window as unknown as { unfocused: Map<Element, string> }).unfocused.get(el);
			let opacity = 1;
			for (let node: Element | null = el; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
			const hit = document.elementFromPoint(first.left + Math.min(first.width / 2, 8), first.top + first.height / 2);
			return {
				what: `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? el.getAttribute('name') ?? ''} “${(el.textContent ?? '').trim().slice(0, 40)}”`,
				domIndex: tabbable.indexOf(el),
				visibleFocus: (outline || style.boxShadow !== 'none') && look(el) !== unfocused && opacity > 0.9 && Boolean(hit && (el.contains(hit) || hit.contains(el))),
				onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
				inMain: Boolean(el.closest('main')),
				box: { top: first.top + scrollY, bottom: first.bottom + scrollY, left: first.left },
			};
		});
		if (!stop || (stops.length > 0 && stop.domIndex === stops[0]!.domIndex)) break;
		stops.push(stop);
	}
	return stops;
}

describe.each(PAGES)('by keyboard, /%s', (pathname) => {
	test('the skip link is the first stop and moves focus to the main content', async () => {
		const v = await session(served);
		await v.goto(`/${pathname}`);
		await v.page.keyboard.press('Tab');
		const first = await v.page.evaluate(() => {
			const el = document.activeElement as HTMLAnchorElement;
			return { href: el.getAttribute('href'), text: el.textContent?.trim(), top: el.getBoundingClientRect().top };
		});
		expect(first).toMatchObject({ href: '#main', text: 'Skip to the article' });
		expect(first.top).toBeGreaterThanOrEqual(0); // shown on focus
		await v.page.keyboard.press('Enter');
		expect(await v.page.evaluate(() => document.activeElement?.id)).toBe('main');
		// The next Tab goes into the article, not back to the header.
		await v.page.keyboard.press('Tab');
		expect(await v.page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
		await v.close();
	});

	test('every stop shows its focus, is on screen, and comes in reading order', async () => {
		// Reduced motion: focus scrolls into view at once rather than smoothly, so it can be measured.
		const v = await session(served, { viewport: { width: SCREENS.desktop, height: 800 }, reducedMotion: 'reduce' });
		await v.goto(`/${pathname}`);
		const stops = await tabThrough(v.page);
		expect(stops.length).toBeGreaterThan(5);
		expect(stops.filter((stop) => !stop.visibleFocus).map((stop) => stop.what)).toEqual([]);
		expect(stops.filter((stop) => !stop.onScreen).map((stop) => stop.what)).toEqual([]);
		expect(stops.map((stop) => stop.domIndex)).toEqual(stops.map((_, index) => index));
		// Within the article, Tab moves down the page, or rightwards along a row: never back up.
		const inMain = stops.filter((stop) => stop.inMain);
		const backwards = inMain.filter((stop, i) => {
			const prev = inMain[i - 1];
			if (!prev) return false;
			const sameRow = stop.box.top < prev.box.bottom && stop.box.bottom > prev.box.top;
			return sameRow ? stop.box.left < prev.box.left - 1 : stop.box.top < prev.box.top;
		});
		expect(backwards.map((stop) => stop.what)).toEqual([]);
		expect(await v.page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count()).toBe(0);
		await v.close();
	});

	test('heading and paragraph self-links have names and are at least 24 × 24 px', async () => {
		const v = await session(served, { viewport: { width: SCREENS.phone, height: 800 } });
		await v.goto(`/${pathname}`);
		const links = await v.page.locator('a.anchor, a.permalink, a.marker').evaluateAll((as) =>
			as.map((a) => {
				const copy = a.cloneNode(true) as HTMLElement;
				copy.querySelectorAll('[aria-hidden="true"]').forEach((el) => el.remove());
				const box = a.getBoundingClientRect();
				return { name: (a.getAttribute('aria-label') ?? copy.textContent ?? '').trim(), width: box.width, height: box.height, href: a.getAttribute('href') };
			}),
		);
		for (const link of links) {
			expect(link.name, link.href!).not.toBe('');
			expect(link.width, `${link.href} width`).toBeGreaterThanOrEqual(24);
			expect(link.height, `${link.href} height`).toBeGreaterThanOrEqual(24);
		}
		await v.close();
	});
});
