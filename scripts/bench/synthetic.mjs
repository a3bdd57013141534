/**
 * A synthetic article of N sections with 5 events each, shaped like `content/`: the same
 * frontmatter, `<S id>` sentences for every event, each `when` verbatim in its file's text,
 * unique ids and orders, an EDTF `period` per section, and an introduction with one undated
 * event. Written to a temporary folder for `CONTENT_DIR`; never into `content/`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const EVENTS_PER_SECTION = 5;

const FILLER =
	'Moscow weighed its interests in the region with care, and its envoys spoke with every side that might hold power in Kabul. ' +
	'The neighbours watched the border, the trade routes and the flow of refugees, and each of them drew its own conclusions. ' +
	'Old suspicions did not vanish, but they gave way, slowly, to the demands of a changing balance of power.';

/** The year of section `index` (0-based): one per section, wrapping within four-digit years. */
const yearOf = (index) => 1000 + (index % 1000);

/** The events of section `index`, as the content declares them (also used by the micro-benchmark). */
export function sectionEvents(index) {
	const year = yearOf(index);
	return Array.from({ length: EVENTS_PER_SECTION }, (_, k) => {
		const month = (k * 2) % 12; // January, March, May, …
		const event = {
			id: `event-${index + 1}-${k + 1}`,
			label: `Synthetic event ${k + 1} of section ${index + 1}`,
			// Shapes as in the real content: months, a year, an interval and an approximate date.
			date: k === 2 ? `${year}` : k === 3 ? `${year}-0${month + 1 > 9 ? 9 : month + 1}/${year}-12` : k === 4 ? `~${year}-11` : `${year}-${String(month + 1).padStart(2, '0')}`,
			when: k === 2 ? `in ${year}` : k === 3 ? `from ${MONTHS[Math.min(month, 8)]} to December ${year}` : k === 4 ? `around November ${year}` : `${MONTHS[month]} ${year}`,
			sentence: `sentence-${index + 1}-${k + 1}`,
		};
		if (k === 0) event.precision = `An editorial note on event ${k + 1} of section ${index + 1}`;
		return event;
	});
}

/** The section's source for `buildTimeline` (the micro-benchmark feeds it without a build). */
export function sectionSource(index) {
	const year = yearOf(index);
	return { id: `section-${index + 1}`, file: `sections/${index + 1}.mdx`, title: `Section ${index + 1}`, href: `/section-${index + 1}/`, period: `${year}/${year + 1}`, events: sectionEvents(index) };
}

const yaml = (value) => JSON.stringify(value);

function sectionFile(index) {
	const year = yearOf(index);
	const events = sectionEvents(index);
	const front = [
		'---',
		`title: ${yaml(`Section ${index + 1}: the year ${year}`)}`,
		`slug: ${yaml(`section-${index + 1}`)}`,
		`order: ${index + 1}`,
		`summary: ${yaml(`What happened in ${year}, in five synthetic events.`)}`,
		`period: ${yaml(`${year}/${year + 1}`)}`,
		'events:',
		...events.flatMap((event) => [
			`  - id: ${yaml(event.id)}`,
			`    label: ${yaml(event.label)}`,
			`    date: ${yaml(event.date)}`,
			`    when: ${yaml(event.when)}`,
			...(event.precision ? [`    precision: ${yaml(event.precision)}`] : []),
			`    sentence: ${yaml(event.sentence)}`,
		]),
		'---',
	];
	const sentences = events.map((event, k) => `<S id="${event.sentence}">Then, ${event.when}, the ${['first', 'second', 'third', 'fourth', 'fifth'][k]} thing of section ${index + 1} took place.</S>`);
	const body = [
		`${sentences[0]} ${sentences[1]} ${FILLER}`,
		`## A turn of events in section ${index + 1}`,
		`${FILLER} ${sentences[2]}`,
		`${sentences[3]} ${FILLER} ${sentences[4]}`,
	];
	return `${front.join('\n')}\n\n${body.join('\n\n')}\n`;
}

const INTRODUCTION = `---
title: "A synthetic article"
description: "A generated article for the benchmark: the real one's shape, many more sections."
published: "2022-04"
byline:
  jobTitle: "Senior Research Associate"
  affiliation: "Strategic Vision Institute, Islamabad"
  handle: "@yousafzaiZafar5"
events:
  - id: "undated-event"
    label: "Something the article does not date"
    when: "For years"
    sentence: "undated-sentence"
---

${FILLER}

<S id="undated-sentence">For years, this synthetic article had nothing to say.</S> ${FILLER}
`;

/** Writes the article into `dir` (`introduction.mdx`, `sections/NNNN.mdx`). */
export async function writeSyntheticContent(dir, sections) {
	await mkdir(path.join(dir, 'sections'), { recursive: true });
	await writeFile(path.join(dir, 'introduction.mdx'), INTRODUCTION);
	const width = String(sections).length;
	for (let index = 0; index < sections; index += 1) {
		await writeFile(path.join(dir, 'sections', `${String(index + 1).padStart(width, '0')}-section.mdx`), sectionFile(index));
	}
}
