/**
 * The author's loop, timed in headless Chromium against `astro dev` (what `npm run dev` runs),
 * on a copy of the content: from starting the server to the first page served, and from saving
 * an edit — to a sentence, then to an event's frontmatter — to the open page showing it.
 */
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH } from './chrome.mjs';
import { median } from './build.mjs';
import { ROOT, astroEnv, astroOf, freePort, frontmatterOf } from './project.mjs';

const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;

/**
 * Starts `astro dev` in the Astro project at `root` with `env`; resolves once it serves `pathname`.
 * @param {{ root?: string, env: NodeJS.ProcessEnv, pathname: string }} options
 * @returns {Promise<{ origin: string, startSeconds: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function serveDev({ root = ROOT, env, pathname }) {
	const port = await freePort();
	const started = process.hrtime.bigint();
	const child = spawn(process.execPath, [astroOf(root), 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const stop = async () => {
		if (child.exitCode === null) child.kill('SIGTERM');
		await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
	};
	const origin = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`astro dev stopped:\n${output}`);
		const status = await fetch(`${origin}${pathname}`).then((r) => r.status, () => 0);
		if (status === 200) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`astro dev served no ${pathname} within 120 s (last answer: ${status || 'none'}):\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	return { origin, startSeconds: seconds(started), output: () => output, stop };
}

/**
 * Starts this project's `astro dev` on a copy of `content` in `work`; resolves once it serves `pathname`.
 * @returns {Promise<{ origin: string, contentDir: string, startSeconds: number, output: () => string, stop: () => Promise<void> }>}
 */
export async function startDev({ work, content = path.join(ROOT, 'content'), pathname }) {
	const contentDir = path.join(work, 'content');
	await cp(content, contentDir, { recursive: true });
	const env = astroEnv({ CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: path.join(work, 'cache') });
	return { contentDir, ...(await serveDev({ env, pathname })) };
}

/** Replaces `from` with `to` in a file, once; throws where `from` is not there. */
export async function replaceInFile(file, from, to) {
	const text = await readFile(file, 'utf8');
	if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
	await writeFile(file, text.replace(from, to));
}

/** Edits of each kind, one after another: the page shows a saved edit after one reload or two (see below). */
const EDITS = 3;

/**
 * The dev loop on the real article: start, then `EDITS` sentence edits and `EDITS` event label
 * edits, each timed from the save to the open page showing it; the medians count for the budget.
 * Vite reloads the open page as soon as it sees the file change, and Astro's content layer re-reads
 * the file beside it: when that reload renders before the new text is in, a second reload shows it,
 * so single edits take either about 0.5 s or about 1.1 s.
 */
export async function devLoop({ work }) {
	const sections = (await readdir(path.join(ROOT, 'content/sections'))).filter((file) => file.endsWith('.mdx')).sort();
	const source = await readFile(path.join(ROOT, 'content/sections', sections[0]), 'utf8');
	const frontmatter = frontmatterOf(source);
	// A section's URL is its `slug`, or its file name.
	const slug = frontmatter.slug ?? sections[0].replace(/\.mdx$/, '');
	const label = frontmatter.events?.[0]?.label;
	const sentence = /<S id="[^"]+">([^<]{20,}?)[.?!]/.exec(source)?.[1];
	if (!label || !sentence) throw new Error(`${sections[0]}: no event label or marked sentence to edit`);

	const dev = await startDev({ work, pathname: `/${slug}/` });
	const file = path.join(dev.contentDir, 'sections', sections[0]);
	const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROME_ARGS });
	try {
		const page = await browser.newPage();
		await page.goto(`${dev.origin}/${slug}/`, { waitUntil: 'load' });
		const shows = async (edit, text) => {
			const started = process.hrtime.bigint();
			await edit();
			await page.waitForFunction((wanted) => document.body.innerText.includes(wanted), text, { timeout: 30_000, polling: 'raf' });
			return seconds(started);
		};
		const runs = { sentence: [], event: [] };
		let [text, name] = [sentence, label];
		for (let edit = 1; edit <= EDITS; edit += 1) {
			const [nextText, nextName] = [`${sentence} (edit ${edit})`, `${label} (edit ${edit})`];
			runs.sentence.push(await shows(() => replaceInFile(file, text, nextText), nextText));
			runs.event.push(await shows(() => replaceInFile(file, `label: "${name}"`, `label: "${nextName}"`), nextName));
			[text, name] = [nextText, nextName];
		}
		return { start: dev.startSeconds, editSentence: median(runs.sentence), editEvent: median(runs.event), runs };
	} finally {
		await browser.close();
		await dev.stop();
	}
}
