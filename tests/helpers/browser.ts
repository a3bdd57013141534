/**
 * Launches Debian's Chromium through playwright-core, with the same path and flags as the
 * benchmark (`scripts/bench/chrome.mjs`). No browser is downloaded: without one the tests fail
 * with a message saying how to get it (in CI, `.ci/run` installs it).
 */
import { type Browser, chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH, assertChrome } from '../../scripts/bench/chrome.mjs';

export { CHROME_ARGS, CHROME_PATH };

export async function launchBrowser(): Promise<Browser> {
	assertChrome();
	return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
}
