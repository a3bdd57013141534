/**
 * The Chromium the benchmark drives: Debian's build (or `CHROME_PATH`), never a downloaded one,
 * with flags that keep it off the network and away from a GPU. The same flags as the browser
 * tests (`tests/helpers/browser.ts`), so both measure the same browser.
 */
import { existsSync } from 'node:fs';
import { toolPath } from '../tools.mjs';

export const CHROME_PATH = toolPath('chromium');

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

export function assertChrome() {
	if (!existsSync(CHROME_PATH)) {
		throw new Error(`Chromium is not at ${CHROME_PATH}. Install Debian's build (apt-get install chromium) or set CHROME_PATH; the benchmark does not download one.`);
	}
}
