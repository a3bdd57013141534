/**
 * Launches Debian's Chromium through playwright-core. No browser is downloaded: the path is
 * `CHROME_PATH` or `/usr/bin/chromium`. Without it the tests fail with a message saying how to
 * get it (in CI, `.ci/run` installs it).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags that keep Chromium from reaching for the network or a GPU on our machines. */
export const CHROME_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
	if (!existsSync(CHROME_PATH)) {
		throw new Error(
			`Chromium is not at ${CHROME_PATH}. Install Debian's build (sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary; the browser tests do not download one.`,
		);
	}
	return chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
}
