/**
 * The site follows its content, not our article: a scratch article of five sections (one more
 * than ours), with dated and undated events and one after its publication, is written to a
 * temporary `CONTENT_DIR` and built. Everything checked is read back from the files written —
 * reading order, the rel=next/prev chain, the timeline's eras and entries, the two-way links,
 * the overview's list and the structured data — never counts or names typed in here.
 * Its sentences are invented: a fixture, not the article.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	type BuildResult,
	type DeclaredEvent,
	type DeclaredIntroduction,
	type DeclaredSection,
	ROOT,
	buildSite,
	declaredEvents,
	declaredIntroduction,
	declaredSections,
	remove,
} from '../helpers/build';
import { type Page, loadPage } from '../helpers/site';

const SITE = 'https://example.org';
const BASE = '/scratch/';

/**
 * The files are named so that their alphabetical order is not the reading order (which comes
 * from `order`), and one section has no `slug`, so its URL is its file name.
 */
const FILES: Record<string, string> = {
	'introduction.mdx': `---
title: "A scratch article"
description: "A made-up article of five sections, written by a test to see the site follow its content."
published: "2010-06"
byline:
  jobTitle: "Test Writer"
  affiliation: "Fixture Institute, Nowhere"
  handle: "@fixture"
events:
  - id: "town-founded"
    label: "The town is founded"
    when: "Long ago"
    sentence: "long-ago"
---

This article is a fixture: its sentences are invented for a test. <S id="long-ago">Long ago, a town grew up where the river meets the hills.</S> Nothing in it is true.
`,
	'sections/rivers.mdx': `---
title: "Rivers first"
slug: "first-rivers"
order: 1
summary: "The river is bridged, then floods."
period: "1900/1919"
events:
  - id: "bridge-built"
    label: "A bridge is built"
    date: "1905-03"
    when: "In March 1905"
    sentence: "bridge"
  - id: "great-flood"
    label: "The great flood"
    date: "1912"
    precision: "Spring 1912"
    sentence: "flood"
  - id: "ferry-ends"
    label: "The ferry stops running"
    when: "For a while"
    sentence: "ferry"
---

<S id="bridge">In March 1905, a wooden bridge was built across the river.</S> <S id="flood">Seven years later the water rose over it.</S>

<S id="ferry">For a while, nobody used the old ferry.</S>
`,
	'sections/hills.mdx': `---
title: "The hills"
order: 2
summary: "A road climbs the hills."
period: "1920/1939"
events:
  - id: "road-opened"
    label: "The hill road opens"
    date: "1925-07-14"
    when: "on 14 July 1925"
    sentence: "road"
  - id: "orchards-planted"
    label: "Orchards are planted"
    date: "~1931"
    sentence: "orchards"
---

<S id="road">The hill road opened on 14 July 1925.</S> <S id="orchards">Around 1931 orchards covered the slopes.</S>
`,
	'sections/coast.mdx': `---
title: "The coast"
slug: "the-coast"
order: 3
summary: "A harbour is dug, and a lighthouse lit."
period: "1940/1959"
events:
  - id: "harbour-dug"
    label: "The harbour is dug"
    date: "1944/1946"
    when: "from 1944 to 1946"
    sentence: "harbour"
  - id: "lighthouse-lit"
    label: "A lighthouse is lit"
    sentence: "lighthouse"
---

<S id="harbour">Workers dug the harbour from 1944 to 1946.</S>

## A light

<S id="lighthouse">A lighthouse was lit on the point.</S>
`,
	'sections/arcade.mdx': `---
title: "The plains"
slug: "plains"
order: 4
summary: "Rails cross the plains; a drought follows."
period: "1960/1989"
events:
  - id: "railway-laid"
    label: "The railway is laid"
    date: "196X"
    when: "In the 1960s"
    sentence: "railway"
  - id: "drought"
    label: "A long drought"
    date: "1975-08"
    sentence: "drought"
---

<S id="railway">In the 1960s, a railway was laid across the plains.</S> <S id="drought">In August 1975 the wells ran dry.</S>
`,
	'sections/bay.mdx': `---
title: "The bay, last"
slug: "last-bay"
order: 5
summary: "A ferry crosses the bay, and more is to come."
period: "1990/2010-06"
events:
  - id: "bay-ferry"
    label: "A ferry crosses the bay"
    date: "1999-12"
    sentence: "bay-ferry"
  - id: "market-moves"
    label: "The market moves to the quay"
    when: "One day"
    sentence: "market"
  - id: "bridge-over-bay"
    label: "A bridge spans the bay"
    date: "2015-01"
    precision: "After this article was written"
    sentence: "bay-bridge"
---

<S id="bay-ferry">By the end of 1999 a ferry crossed the bay.</S> <S id="market">One day the market will move to the quay.</S>

<S id="bay-bridge">Some say a bridge will span the bay.</S>
`,
};

/** The start of an EDTF date as a sortable string (`~1931` → `1931`, `196X` → `1960`, `1944/1946` → `1944`). */
const startOf = (date: string) => date.split('/')[0]!.replace(/[~?%]/g, '').replace(/X/g, '0');
/** The last day an EDTF date of year or month precision can mean, as a sortable string. */
const endOf = (date: string) => (date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date);

let dir: string;
let build: BuildResult;
let introduction: DeclaredIntroduction;
let sections: DeclaredSection[];
let events: DeclaredEvent[];
const pages = new Map<string, Page>();
const page = (pathname: string) => {
	const $ = pages.get(pathname);
	if (!$) throw new Error(`${pathname} was not built`);
	return $;
};
/** The page of the file that declares an event: the overview for the introduction. */
const pageOf = (event: DeclaredEvent) => {
	if (event.file === 'introduction.mdx') return BASE;
	const section = sections.find((s) => path.join('sections', s.file) === event.file);
	if (!section) throw new Error(`${event.file} is no section`);
	return `${BASE}${section.slug}/`;
};
const later = (event: DeclaredEvent) => event.date !== undefined && startOf(event.date) > endOf(introduction.published);

beforeAll(async () => {
	await mkdir(path.join(ROOT, 'tmp'), { recursive: true });
	dir = await mkdtemp(path.join(ROOT, 'tmp', 'content-scratch-'));
	await mkdir(path.join(dir, 'sections'));
	for (const [file, text] of Object.entries(FILES)) await writeFile(path.join(dir, file), text);
	introduction = await declaredIntroduction(dir);
	sections = await declaredSections(dir);
	events = await declaredEvents(dir);

	build = await buildSite({ contentDir: dir, site: SITE, base: BASE });
	expect(build.ok, build.output).toBe(true);
	for (const pathname of [BASE, `${BASE}timeline/`, ...sections.map((s) => `${BASE}${s.slug}/`)]) pages.set(pathname, await loadPage(build.outDir, BASE, pathname));
}, 180_000);

afterAll(() => remove(dir, build?.workDir ?? ''));

describe('a scratch article of five sections, built from its own CONTENT_DIR', () => {
	test('the fixture is what this test means it to be: five sections, dated, undated and later events', () => {
		expect(sections.length).toBe(5);
		// Reading order is not the files' alphabetical order, and one slug is the file name.
		expect(sections.map((s) => s.file)).not.toEqual(sections.map((s) => s.file).sort());
		expect(sections.some((s) => !/^slug:/m.test(s.source))).toBe(true);
		expect(events.filter((e) => e.date && !later(e)).length).toBeGreaterThan(sections.length);
		expect(events.filter((e) => !e.date).length).toBeGreaterThan(1);
		expect(events.filter(later).length).toBeGreaterThan(0);
	});

	test('the overview lists the sections in reading order, with their titles and summaries', () => {
		const $ = page(BASE);
		const items = $('ol.section-list > li')
			.map((_, li) => ({
				href: $(li).find('a').attr('href'),
				title: $(li).find('a').text().replace(/\s+/g, ' ').trim(),
				summary: $(li).find('.summary').text().trim(),
			}))
			.get();
		// A section's number is its place in reading order.
		expect(items).toEqual(sections.map((s, i) => ({ href: `${BASE}${s.slug}/`, title: `${i + 1}. ${s.title}`, summary: s.summary })));
		expect($('h1').text().trim()).toBe(introduction.title);
	});

	test('each section page has its title; every header names the sections in reading order', () => {
		for (const section of sections) expect(page(`${BASE}${section.slug}/`)('h1').text().trim(), section.slug).toBe(section.title);
		for (const [pathname, $] of pages) {
			const named = $('.site-header nav a')
				.map((_, a) => $(a).attr('href'))
				.get()
				.slice(0, sections.length);
			expect(named, pathname).toEqual(sections.map((s) => `${BASE}${s.slug}/`));
		}
	});

	test('rel=next walks from the overview through every section, and rel=prev walks back', () => {
		const chain = [BASE, ...sections.map((s) => `${BASE}${s.slug}/`)];
		const visited: string[] = [];
		for (let at: string | undefined = BASE; at; ) {
			visited.push(at);
			expect(visited.length, 'rel=next loops').toBeLessThanOrEqual(chain.length);
			const $ = page(at);
			const next = $('link[rel="next"]').attr('href');
			expect($('a[rel="next"]').attr('href'), at).toBe(next);
			at = next;
		}
		expect(visited).toEqual(chain);
		chain.forEach((pathname, i) => {
			const $ = page(pathname);
			expect($('link[rel="prev"]').attr('href'), pathname).toBe(chain[i - 1]);
			expect($('a[rel="prev"]').attr('href'), pathname).toBe(chain[i - 1]);
		});
	});

	test('the timeline has one era per section, in reading order, then the undated events, then the epilogue', () => {
		const $ = page(`${BASE}timeline/`);
		const groups = $('.timeline section.group')
			.map((_, group) => {
				const heading = $(group).find('h2').first();
				return { id: heading.attr('id'), title: heading.text().trim() };
			})
			.get();
		expect(groups.slice(0, sections.length)).toEqual(sections.map((s) => ({ id: `era-${s.slug}`, title: s.title })));
		expect(groups.slice(sections.length).map((group) => group.id)).toEqual(['era-undated', 'era-after-publication']);
		expect($('.kicker').text()).toContain(`${events.length} events`);
	});

	test('every event is an entry, in its place: its section’s era by date, the undated in reading order, the later ones last', () => {
		const $ = page(`${BASE}timeline/`);
		const ids = (group: string) =>
			$(`h2[id="${group}"]`)
				.closest('section.group')
				.find('li.entry')
				.map((_, li) => $(li).attr('id'))
				.get();
		expect($('li.entry').map((_, li) => $(li).attr('id')).get().sort()).toEqual(events.map((e) => e.id).sort());
		for (const section of sections) {
			const own = events
				.filter((e) => e.date && !later(e) && e.file === path.join('sections', section.file))
				.sort((a, b) => startOf(a.date!).localeCompare(startOf(b.date!)));
			expect(own.length, section.slug).toBeGreaterThan(0);
			expect(ids(`era-${section.slug}`), section.slug).toEqual(own.map((e) => e.id));
		}
		const files = ['introduction.mdx', ...sections.map((s) => path.join('sections', s.file))];
		const undated = events.filter((e) => !e.date).sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file));
		expect(ids('era-undated')).toEqual(undated.map((e) => e.id));
		expect(ids('era-after-publication')).toEqual(events.filter(later).sort((a, b) => startOf(a.date!).localeCompare(startOf(b.date!))).map((e) => e.id));
	});

	test('each entry links to its sentence on its section’s page, and each sentence links back', () => {
		const $timeline = page(`${BASE}timeline/`);
		for (const event of events) {
			const href = $timeline(`li.entry[id="${event.id}"] .label a`).attr('href');
			expect(href, event.id).toBe(`${pageOf(event)}#${event.sentence}`);
			const $ = page(pageOf(event));
			const sentence = $(`.sentence[id="${event.sentence}"]`);
			expect(sentence.length, event.id).toBe(1);
			const back = sentence
				.nextAll('a.marker')
				.map((_, a) => $(a).attr('href'))
				.get();
			expect(back, event.id).toContain(`${BASE}timeline/#${event.id}`);
		}
	});

	test('each section page’s own timeline lists exactly its events', () => {
		for (const section of sections) {
			const $ = page(`${BASE}${section.slug}/`);
			const listed = $('.section-timeline li.entry .label a')
				.map((_, a) => $(a).attr('href'))
				.get()
				.sort();
			const own = events.filter((e) => e.file === path.join('sections', section.file)).map((e) => `${BASE}${section.slug}/#${e.sentence}`);
			expect(listed, section.slug).toEqual(own.sort());
		}
	});

	test('the structured data names each section as a part of the article, in reading order', () => {
		const $ = page(BASE);
		const [whole] = JSON.parse($('script[type="application/ld+json"]').text())['@graph'];
		expect(whole).toMatchObject({ '@type': 'Article', headline: introduction.title, url: `${SITE}${BASE}` });
		expect(whole.hasPart).toEqual(sections.map((s) => ({ '@type': 'Article', headline: s.title, url: `${SITE}${BASE}${s.slug}/` })));
	});
});
