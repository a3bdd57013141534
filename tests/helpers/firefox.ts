/**
 * Launches Debian's Firefox ESR through puppeteer-core, over WebDriver BiDi. No browser is
 * downloaded: without one the tests fail with a message saying how to get it (in CI, `.ci/run`
 * installs it), as `browser.ts` does for Chromium.
 *
 * Puppeteer cannot emulate `prefers-color-scheme` in Firefox (its `emulateMediaFeatures` needs
 * the DevTools protocol), so the colour scheme is a preference of the whole browser: one launch
 * per scheme.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { toolPath } from '../../scripts/tools.mjs';

export const FIREFOX_PATH = toolPath('firefox-esr');

export type ColorScheme = 'light' | 'dark';

/** Firefox's preferences for the tests. */
export function firefoxPrefs(colorScheme: ColorScheme): Record<string, unknown> {
	return {
		// What pages see as `prefers-color-scheme`, whatever the system's theme: 0 dark, 1 light.
		'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
		// Scrollbars over the page, as on a phone (and as in the Chromium tests): a 375 px window
		// lays out 375 px, not 375 px less a classic scrollbar's 12.
		'ui.useOverlayScrollbars': 1,
		// Firefox's default, stated: pages prefetch their `<link rel="next">`.
		'network.prefetch-next': true,
		// `navigator.clipboard.readText()` without the "Paste" prompt, which headless Firefox
		// would never answer (the tests read back what Ctrl+C put on the clipboard).
		'dom.events.testing.asyncClipboard': true,
	};
}

export function assertFirefox(): void {
	if (!existsSync(FIREFOX_PATH)) {
		throw new Error(`Firefox is not at ${FIREFOX_PATH}. Install Debian's Firefox ESR (apt-get install firefox-esr; .ci/run installs it) or set FIREFOX_PATH; the tests do not download one.`);
	}
}

export async function launchFirefox(colorScheme: ColorScheme = 'light'): Promise<Browser> {
	assertFirefox();
	return puppeteer.launch({
		browser: 'firefox',
		executablePath: FIREFOX_PATH,
		headless: true,
		protocol: 'webDriverBiDi',
		extraPrefsFirefox: firefoxPrefs(colorScheme),
	});
}
