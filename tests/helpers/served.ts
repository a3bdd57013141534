/**
 * A production build served on 127.0.0.1 as a host would serve it (with the headers of
 * `_headers`, so the Content-Security-Policy is in force), and a Chromium to read it with.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer } from '../../scripts/serve.mjs';
import { launchBrowser } from './browser';
import { type BuildResult, buildSite, remove } from './build';
import { SCREENS } from '../../src/site.config';

/** A built folder served on 127.0.0.1, and a Chromium to read it with. */
export interface Hosted {
	base: string;
	/** `http://127.0.0.1:PORT` */
	origin: string;
	/** `http://127.0.0.1:PORT/base/` */
	url: string;
	browser: Browser;
	close(): Promise<void>;
}

/** The site's own build, served. */
export interface Served extends Hosted {
	build: BuildResult;
}

export interface ServeOptions {
	base?: string;
	site?: string;
	/** Send the headers of `_headers` (true), or none at all, as GitHub Pages does (false). */
	headers?: boolean;
}

export async function serveBuild({ base = '/', site, headers = true }: ServeOptions = {}): Promise<Served> {
	const build = await buildSite({ base, ...(site ? { site } : {}) });
	expect(build.ok, build.output).toBe(true);
	const hosted = await serveDir({ dir: build.outDir, base, headers });
	return {
		...hosted,
		build,
		async close() {
			await hosted.close();
			await remove(build.workDir);
		},
	};
}

/** Any built folder, served as a host would serve it (the headers of its `_headers` too, unless `headers` is false). */
export async function serveDir({ dir, base = '/', headers = true }: { dir: string; base?: string; headers?: boolean }): Promise<Hosted> {
	const server = await startServer({ dir, base, headers });
	const browser = await launchBrowser();
	return {
		base,
		origin: server.origin,
		url: server.url,
		browser,
		async close() {
			await browser.close();
			await server.close();
		},
	};
}

export interface Visit {
	page: Page;
	context: BrowserContext;
	/** Console errors, page errors and failed requests seen so far. */
	errors: string[];
	/** Every URL the page requested. */
	requests: string[];
	/** The Content-Security-Policy violations the page reported so far ("directive blocked-URI"). */
	violations(): Promise<string[]>;
	close(): Promise<void>;
}

/** Opens a page in a fresh context, recording errors and requests. */
export async function visit(served: Hosted, pathname: string, options: BrowserContextOptions = {}): Promise<Visit> {
	const v = await session(served, options);
	await v.goto(pathname);
	return v;
}

/** A context and a page to visit several pages in turn (one context per setting is much faster). */
export async function session(served: Hosted, options: BrowserContextOptions = {}): Promise<Visit & { goto(pathname: string): Promise<void> }> {
	const context = await served.browser.newContext({ viewport: { width: SCREENS.desktop, height: 900 }, ...options });
	// Through the DevTools protocol, which the policy does not govern: every violation is recorded.
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (event) => void seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
	});
	const page = await context.newPage();
	const errors: string[] = [];
	const requests: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => void errors.push(`page error: ${error.message}`));
	page.on('request', (request) => void requests.push(request.url()));
	// A request cut short because the page navigated on (a favicon, say) is no failure of the site.
	page.on('requestfailed', (request) => {
		if (request.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
	});
	return {
		page,
		context,
		errors,
		requests,
		violations: () => page.evaluate(() => [...(window as unknown as { __violations: string[] }).__violations]),
		goto: async (pathname: string) => void (await page.goto(`${served.origin}${pathname}`, { waitUntil: 'load' })),
		close: () => context.close(),
	};
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules, plus axe's best practices. */
/** The colour schemes and widths axe checks every page at: some rules (target size, contrast over a wrapped layout) depend on the layout. */
export const AXE_VIEWS = [
	['light', SCREENS.phone],
	['dark', SCREENS.phone],
	['light', SCREENS.desktop],
	['dark', SCREENS.desktop],
] as const;

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on the page. It is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern, so the policy stays in force for everything else.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(AXE_SOURCE);
	const violations = await page.evaluate(async (tags) => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
		return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
	}, AXE_TAGS);
	return violations;
}

/** The author's text on the page: `.prose` without what we add beside it, white space collapsed. */
export function proseText(page: Page): Promise<string> {
	return page.evaluate(() =>
		[...document.querySelectorAll('.prose')]
			.map((prose) => {
				const copy = prose.cloneNode(true) as HTMLElement;
				copy.querySelectorAll('.marker, .permalink, .anchor, .sr-only, .heading').forEach((el) => el.remove());
				return copy.textContent ?? '';
			})
			.join(' ')
			.replace(/\s+/g, ' ')
			.trim(),
	);
}

/** Waits until the scroll position has held for five frames, so a landing is judged where it stays. */
export const settle = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				let last = -1;
				let still = 0;
				const tick = () => {
					still = scrollY === last ? still + 1 : 0;
					last = scrollY;
					if (still >= 5) resolve();
					else requestAnimationFrame(tick);
				};
				requestAnimationFrame(tick);
			}),
	);
