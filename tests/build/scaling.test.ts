/**
 * A long article keeps every page the same weight: beyond `LIST_SECTIONS_UP_TO` sections the
 * header links to the overview's list instead of naming every section, and a section's strip
 * draws its own era and events. Two synthetic articles (the benchmark's generator) are built;
 * a section page of the longer one must be no bigger than the same page of the shorter one,
 * which is what keeps the build linear in the number of sections.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workFolder } from '../../scripts/bench/project.mjs';
import { EVENTS_PER_SECTION, writeSyntheticContent } from '../../scripts/bench/synthetic.mjs';
import { LIST_SECTIONS_UP_TO } from 'astro-long-read/model/navigation';
import { type BuildResult, buildSite, remove } from '../helpers/build';

const SHORT = LIST_SECTIONS_UP_TO + 1;
const LONG = 3 * LIST_SECTIONS_UP_TO;
const made: string[] = [];
const builds = new Map<number, BuildResult>();

async function build(sections: number) {
	const dir = await workFolder(`content-${sections}-`);
	made.push(dir);
	await writeSyntheticContent(dir, sections);
	const result = await buildSite({ contentDir: dir });
	made.push(result.workDir);
	if (!result.ok) throw new Error(`the synthetic article of ${sections} sections did not build:\n${result.output}`);
	builds.set(sections, result);
}

const page = async (sections: number, file: string) => readFile(path.join(builds.get(sections)!.outDir, file), 'utf8');

beforeAll(async () => {
	await build(SHORT);
	await build(LONG);
}, 300_000);

afterAll(async () => {
	await remove(...made);
});

describe(`an article of more than ${LIST_SECTIONS_UP_TO} sections`, () => {
	test('every header links to the overview’s list of sections instead of naming each one', async () => {
		for (const file of ['index.html', 'section-2/index.html', 'timeline/index.html', 'read/index.html']) {
			const $ = cheerio.load(await page(LONG, file));
			const links = $('.site-header nav a');
			expect(links.map((_, a) => $(a).text().trim()).get(), file).toEqual([`${LONG} sections`, 'Timeline', 'One page', 'Search']);
			expect(links.first().attr('href'), file).toBe('/#sections');
		}
		const overview = cheerio.load(await page(LONG, 'index.html'));
		expect(overview('h2#sections').text()).toBe(`The article in ${LONG} sections`);
		expect(overview('#sections ~ ol.section-list > li, .section-list > li').length).toBe(LONG);
	});

	test('a section’s strip draws only its own era and its own events, on the whole axis', async () => {
		const $ = cheerio.load(await page(LONG, 'section-7/index.html'));
		for (const plot of ['narrow', 'wide']) {
			const svg = $(`.timeline-strip .plot.${plot} svg`);
			expect(svg.find('a.era').length, plot).toBe(1);
			expect(svg.find('a.era').attr('href'), plot).toBe('/section-7/');
			expect(svg.find('a.era.current').length, plot).toBe(1);
			expect(svg.find('line.event').length, plot).toBe(EVENTS_PER_SECTION);
			expect(svg.find('line.event.current').length, plot).toBe(EVENTS_PER_SECTION);
		}
		expect($('.timeline-strip figcaption').text()).toContain('one of this section’s dated events');
		// The overview's strip still draws the whole article.
		const overview = cheerio.load(await page(LONG, 'index.html'));
		expect(overview('.timeline-strip .plot.wide a.era').length).toBe(LONG);
		expect(overview('.timeline-strip .plot.wide line.event').length).toBe(LONG * EVENTS_PER_SECTION);
	});

	test(`a section page weighs the same with ${LONG} sections as with ${SHORT}`, async () => {
		// Section 2 of each: the same text, the same neighbours; only the article around it differs.
		const [short, long] = await Promise.all([page(SHORT, 'section-2/index.html'), page(LONG, 'section-2/index.html')]);
		// Allow for the longer article's larger numbers ("36 sections", "Section 2 of 36").
		expect(long.length).toBeLessThanOrEqual(short.length + 64);
	});
});
