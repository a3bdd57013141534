/**
 * The package's second user: the fixture long read (`test/fixture/content/`), built with a site
 * of its own (`test/fixture/site/`, under the sub-path `/river/`), held to the checks the
 * repository's site passes — every sentence on its page, the timeline both ways, every link and
 * anchor resolving in a browser with no error and no Content-Security-Policy violation, axe at
 * phone and desktop widths in light and dark, the EPUB through EPUBCheck — and showing the dates
 * this text has and the article does not: uncertain, approximate, still going on. What is checked
 * is read from the fixture's content, never typed here.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { crawl } from '../../../../tests/helpers/crawl';
import { AXE_VIEWS, type Hosted, axeViolations, serveDir, session } from '../../../../tests/helpers/served';
import { lacking, needing } from '../../../../tests/helpers/tools';
import { toolPath } from '../../../../scripts/tools.mjs';

const run = promisify(execFile);
const PACKAGE = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(PACKAGE, 'test/fixture');
const ASTRO = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
/** The fixture site's `base` (its astro.config.mjs). */
const BASE = '/river/';

interface Event {
	id: string;
	sentence: string;
	date?: string;
	label: string;
}
interface Part {
	/** The page's path under the base: `''` for the overview, `the-ferry/` for a section. */
	page: string;
	events: Event[];
	/** Each `<S id>` of the file, with its words. */
	sentences: Map<string, string>;
	/** The author's paragraphs, tags taken out. */
	paragraphs: string[];
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The fixture's introduction and sections, as its files declare them. */
async function declared(): Promise<Part[]> {
	const files = ['introduction.mdx', ...(await readdir(path.join(FIXTURE, 'content/sections'))).sort().map((file) => `sections/${file}`)];
	return Promise.all(
		files.map(async (file) => {
			const source = await readFile(path.join(FIXTURE, 'content', file), 'utf8');
			const [, yaml = '', body = ''] = source.split(/^---$/m);
			const data = parseYaml(yaml) as { slug?: string; events?: Event[] };
			const slug = file === 'introduction.mdx' ? undefined : (data.slug ?? path.basename(file, '.mdx'));
			const sentences = new Map([...body.matchAll(/<S id="([^"]+)">([\s\S]*?)<\/S>/g)].map((match) => [match[1]!, flat(match[2]!)]));
			const paragraphs = body
				.split(/\n\s*\n/)
				.map((block) => block.trim())
				.filter((block) => block && !/^<\/?[A-Z]/.test(block) && !block.startsWith('#'))
				.map((block) => flat(block.replace(/<\/?S[^>]*>/g, '')));
			return { page: slug ? `${slug}/` : '', events: data.events ?? [], sentences, paragraphs };
		}),
	);
}

const PARTS = await declared();
const SECTIONS = PARTS.filter((part) => part.page !== '');
const EVENTS = PARTS.flatMap((part) => part.events.map((event) => ({ ...event, page: part.page })));

let work: string;
let dist: string;
let output: string;

/** A built page, parsed. */
const page = async (pathname: string) => cheerio.load(await readFile(path.join(dist, pathname.slice(BASE.length), 'index.html'), 'utf8'));

beforeAll(async () => {
	await mkdir(path.join(PACKAGE, '.tmp'), { recursive: true });
	work = await mkdtemp(path.join(PACKAGE, '.tmp', 'long-read-'));
	dist = path.join(work, 'dist');
	const runnerOnly = new Set(['NODE_ENV', 'TEST', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'CONTENT_DIR']);
	const env = {
		...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !runnerOnly.has(key))),
		ASTRO_CACHE_DIR: path.join(work, 'cache'),
		ASTRO_TELEMETRY_DISABLED: '1',
		NO_COLOR: '1',
	};
	const root = path.join(FIXTURE, 'site');
	const { stdout, stderr } = await run(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', dist], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
	output = `${stdout}\n${stderr}`;
}, 240_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('the fixture long read, built with its own site under a sub-path', () => {
	test('builds without a warning: every page, and every copy the package adds', async () => {
		expect(output).not.toMatch(/\[WARN\]|warn/i);
		const built = (await readdir(dist, { recursive: true })).map((file) => file.split(path.sep).join('/'));
		const pages = ['', ...SECTIONS.map((section) => section.page), 'timeline/', 'read/'];
		for (const pathname of pages) {
			expect(built).toContain(`${pathname}index.html`);
			expect(built).toContain(`${pathname}index.md`);
		}
		expect(built).toEqual(expect.arrayContaining(['404.html', 'llms.txt', 'llms-full.txt', 'timeline.json', 'robots.txt', 'og/overview.png']));
		expect(built.filter((file) => /^book\/.+\.epub$/.test(file))).toHaveLength(1);
		expect(built.filter((file) => file.startsWith('cite/'))).toHaveLength(3);
		// No search page was asked for, so none is recorded or indexed.
		expect(output).not.toContain('/search/');
		expect(built.some((file) => file.startsWith('pagefind'))).toBe(false);
	});

	test('every sentence and paragraph of the text reaches the reader, on its page and on the whole-text page', async () => {
		const read = flat((await page(`${BASE}read/`))('main').text());
		for (const part of PARTS) {
			const $ = await page(`${BASE}${part.page}`);
			const text = flat($('main').text());
			for (const paragraph of part.paragraphs) {
				expect(text, part.page).toContain(paragraph);
				expect(read).toContain(paragraph);
			}
			for (const [id, words] of part.sentences) expect(flat($(`#${id}`).text()), `#${id}`).toContain(words);
		}
	});

	test('the timeline both ways: each entry links to its sentence, and the sentence links back to the entry', async () => {
		const timeline = await page(`${BASE}timeline/`);
		for (const event of EVENTS) {
			const entry = timeline(`#${event.id}`);
			expect(entry.length, `entry #${event.id}`).toBe(1);
			const toSentence = `${BASE}${event.page}#${event.sentence}`;
			expect(entry.find(`a[href="${toSentence}"]`).length, `#${event.id} → ${toSentence}`).toBeGreaterThan(0);
			// The markers follow the sentence they belong to, up to the next one.
			const sentence = (await page(`${BASE}${event.page}`))(`#${event.sentence}`);
			expect(sentence.length, toSentence).toBe(1);
			expect(sentence.nextUntil('.sentence', `a.marker[href="${BASE}timeline/#${event.id}"]`).length, `${toSentence} → #${event.id}`).toBe(1);
		}
	});

	test('uncertain, approximate and still-going dates are said as such; the section without events shows none', async () => {
		// The fixture has each kind, so none of the checks below passes for want of a case.
		const dates = EVENTS.flatMap((event) => (event.date ? [event.date] : []));
		for (const kind of [/\?$/, /^~/, /\/\.\.$/]) expect(dates.some((date) => kind.test(date)), String(kind)).toBe(true);
		expect(SECTIONS.some((section) => section.events.length === 0)).toBe(true);
		const timeline = await page(`${BASE}timeline/`);
		const said = (id: string) => flat(timeline(`#${id} .event-date`).first().text());
		for (const event of EVENTS.filter((item) => item.date)) {
			const date = event.date!;
			const year = /\d{4}/.exec(date)![0];
			expect(said(event.id)).toContain(year);
			if (date.endsWith('?')) expect(said(event.id)).toContain('(?)');
			if (date.startsWith('~')) expect(said(event.id)).toContain('c. ');
			if (date.endsWith('/..')) expect(said(event.id)).toBe(`since ${year}`);
		}
		// The picture names each dated event by its label, word for word however its lines wrap
		// (longRead() keeps HTML's white-space rules: Astro's JSX rules would glue the words at each wrap).
		const picture = flat(timeline('.timeline-chart svg').first().text());
		for (const event of EVENTS.filter((item) => item.date)) expect(picture).toContain(event.label);
		for (const section of SECTIONS.filter((part) => part.events.length === 0)) {
			expect((await page(`${BASE}${section.page}`))('#section-events').length).toBe(0);
		}
	});

	describe('in a browser', () => {
		const { describe: inChromium } = needing('chromium');
		inChromium('Chromium', () => {
			let hosted: Hosted;
			beforeAll(async () => {
				hosted = await serveDir({ dir: dist, base: BASE });
			});
			afterAll(() => hosted?.close());

			test('every link and anchor resolves, with no error and no policy violation', async () => {
				const walked = await crawl(hosted);
				for (const part of PARTS) expect(walked.pages.has(`${BASE}${part.page}`)).toBe(true);
				expect(walked.broken).toEqual([]);
				expect(walked.errors).toEqual([]);
				expect(walked.violations).toEqual([]);
			});

			test.each(AXE_VIEWS)('axe finds no WCAG 2.2 AA or best-practice violation, %s scheme, %d px wide', async (colorScheme, width) => {
				const found: string[] = [];
				const v = await session(hosted, { colorScheme, viewport: { width, height: 812 } });
				for (const pathname of [BASE, ...SECTIONS.map((section) => `${BASE}${section.page}`), `${BASE}timeline/`, `${BASE}read/`, `${BASE}404.html`]) {
					await v.goto(pathname);
					found.push(...(await axeViolations(v.page)).map((violation) => `${pathname}: ${violation}`));
				}
				await v.close();
				expect(found).toEqual([]);
			});
		});
	});

	test.skipIf(lacking('epubcheck'))('EPUBCheck finds no error and no warning in the book', async () => {
		const [book] = await readdir(path.join(dist, 'book'));
		const { stdout, stderr } = await run(toolPath('java'), ['-jar', toolPath('epubcheck'), '--failonwarnings', path.join(dist, 'book', book!)], {
			maxBuffer: 16 * 1024 * 1024,
		}).catch((error: { stdout?: string; stderr?: string }) => {
			throw new Error(`EPUBCheck:\n${error.stdout}\n${error.stderr}`);
		});
		expect(`${stdout}\n${stderr}`).toMatch(/No errors or warnings detected/);
	}, 120_000);
});
