/**
 * The integration in real builds of a small site of its own (written here, under `.tmp/`): the
 * Pagefind index and the compressed copies with the defaults, neither when switched off, Brotli's
 * quality by the option, the MDX steps kept to the content folder, and a wrong option stopping
 * `astro build` and `astro dev` with its name.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { BROTLI_QUALITY_BEYOND, COMPRESSIBLE, brotliOptions } from '../../src/build/precompress';

const run = promisify(execFile);
const PACKAGE = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A paragraph of a long read of our own: about rivers, nothing to do with any real article. */
const PARAGRAPH =
	'The river rose in the spring, as it had every year since the town was founded, and the ferrymen waited on the bank for the water to fall. ' +
	'Nobody in the valley remembered a year without the flood, and nobody had written down when the first one came.';

/** A two-page site with the fixture long read, whose config calls `longRead(options)`, `options` as written in the config. */
async function site(options: string): Promise<string> {
	await mkdir(path.join(PACKAGE, '.tmp'), { recursive: true });
	const root = await mkdtemp(path.join(PACKAGE, '.tmp', 'site-'));
	made.push(root);
	await mkdir(path.join(root, 'src/pages'), { recursive: true });
	// The fixture long read (test/fixture/), read by the collections the package gives.
	await cp(path.join(PACKAGE, 'test/fixture/content'), path.join(root, 'content'), { recursive: true });
	await writeFile(path.join(root, 'src/content.config.ts'), `import { longReadCollections } from 'astro-long-read/content';\nexport const collections = longReadCollections();\n`);
	await writeFile(path.join(root, 'astro.config.mjs'), `import longRead from 'astro-long-read';\nexport default { integrations: [longRead(${options})] };\n`);
	for (const [name, title] of [['index', 'On rivers'], ['floods', 'On floods']]) {
		const body = Array.from({ length: 30 }, () => `<p>${PARAGRAPH}</p>`).join('\n');
		await writeFile(path.join(root, `src/pages/${name}.astro`), `<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1>\n${body}\n</main></body></html>\n`);
	}
	return root;
}

/** What Vitest and Vite set in this process, which would reach the build as its own settings. */
const RUNNER_ONLY = new Set(['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']);

const env = () => {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !RUNNER_ONLY.has(key)));
	return { ...clean, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
};

async function build(root: string): Promise<{ ok: boolean; output: string; dist: string }> {
	const dist = path.join(root, 'dist');
	try {
		const { stdout, stderr } = await run(process.execPath, [ASTRO, 'build', '--root', root], { cwd: root, env: env() });
		return { ok: true, output: `${stdout}\n${stderr}`, dist };
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		return { ok: false, output: `${stdout}\n${stderr}`, dist };
	}
}

const files = async (dist: string) => (await readdir(dist, { recursive: true })).sort();
const brotliAt = (quality: number, data: Buffer) => brotliCompressSync(data, brotliOptions(quality, data.length));

/** Every text file's copies: each holds the file exactly, the Brotli one at `quality`. Returns how many. */
async function checkCopies(dist: string, quality: number): Promise<number> {
	let copies = 0;
	for (const file of (await files(dist)).filter((name) => COMPRESSIBLE.test(name))) {
		const data = await readFile(path.join(dist, file));
		const [gz, br] = await Promise.all([`${file}.gz`, `${file}.br`].map((copy) => readFile(path.join(dist, copy)).catch(() => undefined)));
		if (gz) expect(gunzipSync(gz).equals(data), `${file}.gz`).toBe(true);
		if (br) expect(br.equals(brotliAt(quality, data)), `${file}.br at quality ${quality}`).toBe(true);
		copies += Number(Boolean(gz)) + Number(Boolean(br));
	}
	return copies;
}

describe('a site with longRead() in its config', { timeout: 120_000 }, () => {
	test('with the defaults: a Pagefind index of the marked text, and a .gz and .br copy of every page at quality 11', async () => {
		const result = await build(await site(''));
		expect(result.ok, result.output).toBe(true);
		const all = await files(result.dist);
		expect(all).toContain('pagefind/pagefind.js');
		expect(result.output).toMatch(/\[pagefind-index\] indexed 2 pages in [\d.]+ s/);
		expect(result.output).toMatch(/\[precompress\] wrote \d+ compressed copies of \d+ text files \([\d.]+ MB; Brotli quality 11\) in [\d.]+ s/);
		for (const page of ['index.html', 'floods/index.html']) {
			expect(all).toEqual(expect.arrayContaining([page, `${page}.gz`, `${page}.br`]));
			expect(await readFile(path.join(result.dist, page), 'utf8')).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*default-src 'self'/);
		}
		expect(await readFile(path.join(result.dist, '_headers'), 'utf8')).toMatch(/Content-Security-Policy: default-src 'self';.*frame-ancestors 'none'/);
		expect(await checkCopies(result.dist, 11)).toBeGreaterThanOrEqual(4);
	});

	test("a directive's own sources, in every page's policy and in _headers", async () => {
		const result = await build(await site(`{ csp: { 'img-src': ["'self'", 'https://images.example.org'] } }`));
		expect(result.ok, result.output).toBe(true);
		const wanted = "img-src 'self' https://images.example.org";
		expect(await readFile(path.join(result.dist, 'index.html'), 'utf8')).toContain(wanted);
		expect(await readFile(path.join(result.dist, '_headers'), 'utf8')).toContain(wanted);
	});

	test('search and precompress switched off: neither index nor copies', async () => {
		const result = await build(await site('{ search: false, precompress: false }'));
		expect(result.ok, result.output).toBe(true);
		const all = await files(result.dist);
		expect(all.filter((file) => file.startsWith('pagefind'))).toEqual([]);
		expect(all.filter((file) => /\.(gz|br)$/.test(file))).toEqual([]);
	});

	test.each([
		['brotli11UpTo below the text: quality 10', '{ brotli11UpTo: 0 }', 10],
		["both thresholds below it: Brotli's fast end", '{ brotli11UpTo: 0, brotli10UpTo: 0 }', BROTLI_QUALITY_BEYOND],
	])('%s', async (_, options, quality) => {
		const result = await build(await site(`{ precompress: ${options} }`));
		expect(result.ok, result.output).toBe(true);
		expect(result.output).toContain(`Brotli quality ${quality})`);
		expect(await checkCopies(result.dist, quality)).toBeGreaterThanOrEqual(4);
	});

	test("the long read's MDX steps apply to its content folder only; the site's own .md and .mdx pages compile as written", async () => {
		const root = await site('');
		// A Markdown page (Astro 7's default processor, Sätteri) and an MDX page outside the content
		// folder, with what the long read's checks refuse there: a component the article does not know.
		await writeFile(path.join(root, 'src/pages/notes.md'), `---\ntitle: Notes\n---\n\n# Notes\n\n${PARAGRAPH}\n`);
		await writeFile(path.join(root, 'src/pages/colophon.mdx'), `export const Aside = (props) => <aside>{props.children}</aside>;\n\n# Colophon\n\n<Aside>${PARAGRAPH}</Aside>\n`);
		const result = await build(root);
		expect(result.ok, result.output).toBe(true);
		expect(await readFile(path.join(result.dist, 'notes/index.html'), 'utf8')).toContain('Nobody in the valley');
		const colophon = await readFile(path.join(result.dist, 'colophon/index.html'), 'utf8');
		expect(colophon).toMatch(/<aside>The river rose/);
		// Not shaped as the long read's text: no sentence or paragraph ids.
		expect(colophon).not.toMatch(/id="[ps]-/);
	});

	test('a site that lists mdx() itself is told that longRead() adds it', async () => {
		const root = await site('');
		await writeFile(path.join(root, 'astro.config.mjs'), `import longRead from 'astro-long-read';\nimport mdx from '@astrojs/mdx';\nexport default { integrations: [longRead(), mdx()] };\n`);
		const result = await build(root);
		expect(result.ok).toBe(false);
		expect(result.output).toContain('remove mdx() from the integrations in astro.config.mjs: longRead() adds it');
	});

	test('a wrong option stops astro build, naming it', async () => {
		const result = await build(await site('{ serch: true, precompress: { brotli11UpTo: -1 } }'));
		expect(result.ok).toBe(false);
		expect(result.output).toContain('invalid options in longRead');
		expect(result.output).toContain('Unrecognized key: "serch"');
		expect(result.output).toContain('`precompress.brotli11UpTo`');
	});

	test('a wrong option stops astro dev, naming it', async () => {
		const root = await site("{ search: 'yes' }");
		const child = spawn(process.execPath, [ASTRO, 'dev', '--root', root, '--port', '0'], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const code = await new Promise<number | null>((resolve) => {
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				resolve(null);
			}, 60_000);
			child.on('exit', (exitCode) => {
				clearTimeout(timer);
				resolve(exitCode);
			});
		});
		expect(code, `astro dev ${code === null ? 'was still running after 60 s' : `exited with ${code}`}:\n${output}`).not.toBe(0);
		expect(code).not.toBeNull();
		expect(output).toContain('`search`: Invalid input: expected boolean');
	});
});
