/**
 * The Content-Security-Policy as readers' browsers receive it, proven twice: served with the
 * headers of `_headers` (Netlify, Cloudflare Pages, the server recipes of docs/deploying.md),
 * where a page lives under the header's policy and its own `<meta>` policy at once, and served with
 * no headers at all, as GitHub Pages serves it, where only the `<meta>` tag carries the policy.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needing } from '../helpers/tools';
import { htmlFiles, searchProbe } from '../helpers/build';
import { type Served, serveBuild, session, visit } from '../helpers/served';

/** Skipped where the machine lacks chromium, and then named at the end of the run; never in CI. */
const { describe } = needing('chromium');

const BASE = '/russia-taliban/';

describe.each([
	{ host: 'a host that sends _headers', headers: true },
	{ host: 'a host that sends no headers (GitHub Pages)', headers: false },
])('served by $host', { timeout: 180_000 }, ({ headers }) => {
	let served: Served;
	let pages: string[];

	beforeAll(async () => {
		served = await serveBuild({ base: BASE, headers });
		pages = (await htmlFiles(served.build.outDir)).map((file) => `${BASE}${file.replace(/index\.html$/, '')}`);
	}, 180_000);
	afterAll(() => served?.close());

	test(headers ? 'every page arrives with the header policy' : 'no page arrives with a policy header', async () => {
		for (const pathname of pages) {
			const response = await fetch(`${served.origin}${pathname}`);
			const header = response.headers.get('content-security-policy');
			if (headers) expect(header, pathname).toMatch(/frame-ancestors 'none'/);
			else expect(header, pathname).toBeNull();
		}
	});

	test('every page carries its policy in a <meta> tag, which the browser enforces', async () => {
		const v = await session(served);
		for (const pathname of pages) {
			await v.goto(pathname);
			const policy = await v.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			// default-src 'self' lets Firefox prefetch <link rel="next">; what the site never loads stays 'none'.
			expect(policy, pathname).toMatch(/default-src 'self'/);
			expect(policy, pathname).toMatch(/object-src 'none'/);
			expect(policy, pathname).toMatch(/frame-src 'none'/);
			expect(policy, pathname).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
			// An injected inline script is refused and reported, and never runs.
			const ran = await v.page.evaluate(async () => {
				const script = document.createElement('script');
				script.textContent = 'window.__injected = true';
				document.body.append(script);
				await new Promise((resolve) => setTimeout(resolve, 50));
				return (window as unknown as { __injected?: boolean }).__injected === true;
			});
			expect(ran, pathname).toBe(false);
			// Reported once by each policy in force: the <meta> tag's, and the header's where one is sent.
			const policies = headers ? 2 : 1;
			expect(await v.violations(), pathname).toEqual(Array(policies).fill('script-src-elem inline'));
			// An injected inline style is refused by the page's own policy, which allows only the
			// hash of the page's stylesheet (the header, the same for every page, allows inline styles).
			const styled = await v.page.evaluate(async () => {
				const style = document.createElement('style');
				style.textContent = 'body { outline: 7px solid rgb(1, 2, 3) }';
				document.head.append(style);
				await new Promise((resolve) => setTimeout(resolve, 50));
				return getComputedStyle(document.body).outlineWidth === '7px';
			});
			expect(styled, pathname).toBe(false);
			expect((await v.violations()).slice(policies), pathname).toEqual(['style-src-elem inline']);
		}
		expect(v.errors.filter((error) => !/inline (script|style)/.test(error))).toEqual([]);
		await v.close();
	});

	test('no page breaks its own policy: no violation, no console error', async () => {
		const v = await session(served);
		const broken: string[] = [];
		for (const pathname of pages) {
			await v.goto(pathname);
			await v.page.waitForLoadState('networkidle');
			for (const violation of await v.violations()) broken.push(`${pathname}: ${violation}`);
		}
		expect(broken).toEqual([]);
		expect(v.errors).toEqual([]);
		await v.close();
	});

	test('search works under the policy: Pagefind and its WebAssembly load, results appear', async () => {
		const probe = await searchProbe();
		const { page, errors, violations, close } = await visit(served, `${BASE}search/?q=${encodeURIComponent(probe.query)}`);
		const first = page.locator('.results li a').first();
		await first.waitFor();
		expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}${probe.slug}/#p-`));
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
		await close();
	});
});
