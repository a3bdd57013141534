/**
 * The social cards as a link preview sees them: every page's `og:image` is an absolute URL under
 * SITE_URL + BASE_PATH, resolving to a 1200×630 PNG under 100 KB; without SITE_URL the URL is
 * root-relative; and two builds draw the same bytes.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BuildResult, buildSite, declaredSections, htmlFiles, remove } from '../helpers/build';
import { fileFor, loadPage } from '../helpers/site';

const SITE = 'https://example.org';
const BASE = '/sub/';
/** The sections in reading order, from the content. */
const SECTIONS = await declaredSections();

/** Width and height from a PNG's IHDR chunk, which follows the 8-byte signature. */
function pngSize(bytes: Buffer) {
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function cardHashes(outDir: string) {
	const dir = path.join(outDir, 'og');
	const files = (await readdir(dir)).filter((file) => file.endsWith('.png')).sort();
	return Object.fromEntries(await Promise.all(files.map(async (file) => [file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex')])));
}

describe('social cards', () => {
	let build: BuildResult;
	let plain: BuildResult;

	beforeAll(async () => {
		build = await buildSite({ site: SITE, base: BASE });
		plain = await buildSite();
		expect(build.ok, build.output).toBe(true);
		expect(plain.ok, plain.output).toBe(true);
	});

	afterAll(() => remove(build.workDir, plain.workDir));

	test('every page names an absolute og:image: a 1200×630 PNG under 100 KB', async () => {
		const files = await htmlFiles(build.outDir);
		expect(files.length).toBeGreaterThan(5);
		const seen = new Set<string>();
		for (const file of files) {
			const pathname = `${BASE}${file.replace(/index\.html$/, '')}`;
			const $ = await loadPage(build.outDir, BASE, pathname);
			const image = $('meta[property="og:image"]').attr('content') ?? '';
			expect(image, file).toMatch(new RegExp(`^${SITE}${BASE}og/[a-z0-9-]+\\.png$`));
			expect($('meta[property="og:image"]'), file).toHaveLength(1);
			expect($('meta[property="og:image:width"]').attr('content'), file).toBe('1200');
			expect($('meta[property="og:image:height"]').attr('content'), file).toBe('630');
			expect($('meta[property="og:image:alt"]').attr('content')?.length ?? 0, file).toBeGreaterThan(20);
			expect($('meta[name="twitter:card"]').attr('content'), file).toBe('summary_large_image');
			expect($('meta[name="twitter:image"]').attr('content'), file).toBe(image);
			const png = fileFor(build.outDir, BASE, new URL(image).pathname);
			expect(png, image).toBeDefined();
			const bytes = await readFile(png!);
			expect(pngSize(bytes), image).toEqual({ width: 1200, height: 630 });
			expect((await stat(png!)).size, image).toBeLessThan(100 * 1024);
			seen.add(image);
		}
		// The overview, every section and the timeline each have a card of their own.
		for (const id of ['overview', ...SECTIONS.map((section) => section.slug), 'timeline']) expect(seen).toContain(`${SITE}${BASE}og/${id}.png`);
	});

	test('each section page shows its own card', async () => {
		for (const { slug, title } of SECTIONS) {
			const $ = await loadPage(build.outDir, BASE, `${BASE}${slug}/`);
			expect($('meta[property="og:image"]').attr('content'), slug).toBe(`${SITE}${BASE}og/${slug}.png`);
			expect($('meta[property="og:image:alt"]').attr('content'), slug).toContain(title);
		}
	});

	test('without SITE_URL, the card’s URL is root-relative', async () => {
		const $ = await loadPage(plain.outDir, '/', '/timeline/');
		expect($('meta[property="og:image"]').attr('content')).toBe('/og/timeline.png');
	});

	test('two builds draw the same bytes (the cards do not depend on where the site is served)', async () => {
		expect(await cardHashes(build.outDir)).toEqual(await cardHashes(plain.outDir));
	});
});
