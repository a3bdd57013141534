/**
 * What the benchmark and the tests need to run Astro beside the project: its root, work folders
 * under `tmp/` and their removal, the environment a child process of Astro starts with, and a
 * free port on 127.0.0.1. One home for both (`tests/helpers/` imports it, as it imports
 * `build.mjs` and `dev.mjs`).
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The command line of a project's own Astro, run as `node <it> build|dev|preview`. */
export const astroOf = (root) => path.join(root, 'node_modules/astro/bin/astro.mjs');

/** Astro's command line, run as `node ASTRO build|dev|preview`. */
export const ASTRO = astroOf(ROOT);

/**
 * A fresh folder under `tmp/` (inside the project: Astro writes content modules next to its outDir).
 * @param {string} [prefix] the start of its name, e.g. `bench-` or `build-`
 * @returns {Promise<string>}
 */
export async function workFolder(prefix = 'bench-') {
	await mkdir(path.join(ROOT, 'tmp'), { recursive: true });
	return mkdtemp(path.join(ROOT, 'tmp', prefix));
}

/**
 * Removes folders (work folders, builds, copies), whether or not they exist.
 * @param {...string} dirs
 * @returns {Promise<void>}
 */
export async function remove(...dirs) {
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * Variables a child process of Astro must not inherit: the project's own settings (the caller
 * sets the ones it means), Vite's (Vitest puts BASE_URL, MODE, … into process.env) and a test
 * runner's (NODE_ENV=test, TEST, VITEST…).
 */
const INHERITED = ['BASE_PATH', 'SITE_URL', 'CONTENT_DIR', 'BUILD_CONCURRENCY', 'LINKS_RECORD', 'LONG_READ_CACHE_DIR', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV', 'TEST'];

/**
 * The environment for `astro build`, `astro dev` or `astro preview`: this process's, with none of
 * the variables above, no telemetry and no colour, and `set` laid over it (undefined values left out).
 * @param {Record<string, string | undefined>} [set] e.g. `{ BASE_PATH: '/sub/', ASTRO_CACHE_DIR: … }`
 * @returns {NodeJS.ProcessEnv}
 */
export function astroEnv(set = {}) {
	/** @type {NodeJS.ProcessEnv} */
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
	for (const key of INHERITED) delete env[key];
	for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
	for (const [key, value] of Object.entries(set)) if (value !== undefined) env[key] = value;
	return env;
}

/**
 * A port on 127.0.0.1 that nothing listens on (the OS picks it; a server started right after takes it).
 * @returns {Promise<number>}
 */
export async function freePort() {
	const server = createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	await new Promise((resolve) => server.close(resolve));
	if (!address || typeof address === 'string') throw new Error('no free port');
	return address.port;
}

/**
 * The frontmatter of an MDX file of the content, parsed on its own (as YAML), without the site's
 * code: what the bench and the tests read to know what the content declares.
 * @template [T=any]
 * @param {string} source the whole file
 * @returns {T} its fields, `{}` when it has none
 */
export const frontmatterOf = (source) => parseYaml(partsOf(source)[1] ?? '') ?? {};

/**
 * What follows a content file's frontmatter (its MDX body), split as `frontmatterOf` splits it.
 * @param {string} source the whole file
 */
export const bodyOf = (source) => partsOf(source).slice(2).join('---');

/** A content file cut at its `---` lines: before, the frontmatter, then the body's pieces. */
const partsOf = (source) => source.split(/^---$/m);

/**
 * esbuild options that bundle the project's TypeScript, with astro-long-read's source (it imports
 * its neighbours without extensions, which Node's type stripping cannot resolve), into one module,
 * leaving the npm packages both declare as imports that resolve from node_modules.
 */
export function bundleOptions() {
	const manifests = [path.join(ROOT, 'package.json'), path.join(ROOT, 'packages/astro-long-read/package.json')].map((file) => JSON.parse(readFileSync(file, 'utf8')));
	const names = manifests.flatMap((manifest) => Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies })).filter((name) => name !== 'astro-long-read');
	return { bundle: true, format: /** @type {const} */ ('esm'), platform: /** @type {const} */ ('node'), external: names.flatMap((name) => [name, `${name}/*`]), logLevel: /** @type {const} */ ('error') };
}
