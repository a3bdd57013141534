/**
 * The pages of a built site (a `dist` folder): its HTML files, the site paths they are served at,
 * and the file a site path is served from. For the benchmark and the tests alike.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every HTML file below a folder, as paths relative to it, sorted (Pagefind's included).
 * @param {string} dir
 * @returns {Promise<string[]>}
 */
export async function htmlFiles(dir) {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

/**
 * Every page of the build, as site paths (`/`, `/soviet-era/`, `/404.html`), `/` first, Pagefind's files left out.
 * @param {string} outDir
 * @returns {Promise<string[]>}
 */
export async function sitePages(outDir) {
	return (await htmlFiles(outDir))
		.map((file) => file.split(path.sep).join('/'))
		.filter((file) => !file.startsWith('pagefind/'))
		.map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
		.sort((a, b) => (a === '/' ? -1 : b === '/' ? 1 : a.localeCompare(b)));
}

/**
 * The file a site URL's path is served from, or undefined when it is outside the base.
 * @param {string} outDir the built site
 * @param {string} base the base path it was built for, e.g. `/` or `/sub/`
 * @param {string} pathname e.g. `/sub/soviet-era/`
 * @returns {string | undefined}
 */
export function fileFor(outDir, base, pathname) {
	if (!pathname.startsWith(base)) return undefined;
	const inside = decodeURIComponent(pathname.slice(base.length));
	return path.join(outDir, inside.endsWith('/') || inside === '' ? `${inside}index.html` : inside);
}
