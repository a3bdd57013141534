import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/content/errors';
import { type SourceInput, buildTimeline } from '../../src/model/timeline';
import { introduction as intro, options } from '../fixtures/timeline';

/**
 * This file's own sections, their events declared out of order on purpose: the subject here is
 * the order and the checks of `buildTimeline`. The introduction is the shared fixture's.
 */
const ferry: SourceInput = {
	id: 'the-ferry',
	file: 'content/sections/01-the-ferry.mdx',
	title: 'The ferry',
	href: '/the-ferry/',
	period: '1800/1899',
	events: [
		{ id: 'ferry-stops', label: 'The ferry stops', date: '1899', sentence: 'ferry-stops' },
		{ id: 'ferry-years', label: 'The ferry years', date: '1820/1841', sentence: 'ferry-years' },
		{ id: 'rope-lost', label: 'The ferry rope is lost', date: '1842-10', sentence: 'hard-years' },
		{ id: 'council-votes', label: 'The council votes to move', date: '1842-10', precision: '13 October 1842', sentence: 'hard-years' },
		{ id: 'great-flood', label: 'The great flood', date: '1841-03', sentence: 'great-flood' },
		{ id: 'hard-years', label: 'Hard years', date: '1841-03/1842-10', sentence: 'hard-years' },
	],
};
const later: SourceInput = {
	id: 'the-levees',
	file: 'content/sections/02-the-levees.mdx',
	title: 'The levees',
	href: '/the-levees/',
	period: '1990/2021-05',
	events: [
		{ id: 'levees-raised', label: 'The levees are raised', date: '2023-06-03', sentence: 'raised' },
		{ id: 'levee-vote', label: 'The town votes for levees', date: '1992-02-29', sentence: 'levee-vote' },
	],
};

describe('buildTimeline', () => {
	const timeline = buildTimeline([intro, ferry, later], options);

	test('sorts each era by start, then end (shorter first), then declaration order', () => {
		expect(timeline.eras.map((era) => era.events.map((event) => event.id))).toEqual([
			['ferry-years', 'great-flood', 'hard-years', 'rope-lost', 'council-votes', 'ferry-stops'],
			['levee-vote'],
		]);
	});

	test('eras follow the sections, with their years', () => {
		expect(timeline.eras.map((era) => [era.id, era.title, era.human])).toEqual([
			['the-ferry', 'The ferry', '1800–1899'],
			['the-levees', 'The levees', '1990 – May 2021'],
		]);
	});

	test('undated events are listed apart; later ones form the epilogue', () => {
		expect(timeline.undated.map((event) => event.id)).toEqual(['every-spring']);
		expect(timeline.epilogue.map((event) => event.id)).toEqual(['levees-raised']);
		expect(timeline.events.map((event) => event.id).slice(-2)).toEqual(['every-spring', 'levees-raised']);
	});

	test('links each entry to its sentence and back', () => {
		const flood = timeline.events.find((event) => event.id === 'great-flood')!;
		expect(flood.sentenceHref).toBe('/the-ferry/#great-flood');
		expect(flood.entryHref).toBe('/timeline/#great-flood');
		expect(flood.human).toBe('March 1841');
		expect(flood.short).toBe('Mar 1841');
		expect(timeline.bySentence.get('hard-years')!.map((event) => event.id)).toEqual(['hard-years', 'rope-lost', 'council-votes']);
	});

	test('keeps editorial precision and the text’s wording apart from the date', () => {
		const vote = timeline.events.find((event) => event.id === 'council-votes')!;
		expect(vote.precision).toBe('13 October 1842');
		const spring = timeline.events.find((event) => event.id === 'every-spring')!;
		expect(spring.when).toBe('every spring');
		expect(spring.date).toBeUndefined();
	});

	test('no warnings when every event is within its period', () => {
		expect(timeline.warnings).toEqual([]);
	});
});

describe('buildTimeline rejects bad content, naming the file and field', () => {
	test('a duplicate event id', () => {
		const copy = { ...later, events: [...later.events, { id: 'great-flood', label: 'x', date: '2021', sentence: 'raised' }] };
		expect(() => buildTimeline([ferry, copy], options)).toThrow(ContentError);
		expect(() => buildTimeline([ferry, copy], options)).toThrow(
			'content/sections/02-the-levees.mdx: events[2].id "great-flood" is already the id of an event in content/sections/01-the-ferry.mdx',
		);
	});

	test('an invalid date', () => {
		const bad = { ...ferry, events: [{ id: 'bad', label: 'x', date: '1841-13', sentence: 'great-flood' }] };
		expect(() => buildTimeline([bad], options)).toThrow(/01-the-ferry\.mdx: events\[0\]\.date "1841-13" is not a valid EDTF date/);
	});

	test('an invalid period', () => {
		expect(() => buildTimeline([{ ...ferry, period: '1800/18' }], options)).toThrow(/01-the-ferry\.mdx: period/);
	});

	test('a sentence id used by two files', () => {
		const clash = { ...later, events: [{ id: 'other', label: 'x', date: '2021', sentence: 'great-flood' }] };
		expect(() => buildTimeline([ferry, clash], options)).toThrow(/02-the-levees\.mdx: events\[0\]\.sentence "great-flood" is also a sentence id in .*01-the-ferry\.mdx/);
	});

	test('a dated event in the introduction, which has no era', () => {
		const dated = { ...intro, events: [{ id: 'dated', label: 'x', date: '1841-03', sentence: 'floods-every-spring' }] };
		expect(() => buildTimeline([dated, ferry], options)).toThrow(/introduction\.mdx: events\[0\]\.date dates an event in a file that has no period/);
	});

	test('warns about an event outside its section’s period', () => {
		const outside = { ...ferry, events: [{ id: 'late', label: 'x', date: '1950', sentence: 'great-flood' }] };
		expect(buildTimeline([outside], options).warnings).toEqual([
			'content/sections/01-the-ferry.mdx: events[0].date "1950" lies outside the section\'s period "1800/1899"',
		]);
	});
});

test('each page’s events, the eras by id and in order', () => {
	const timeline = buildTimeline([intro, ferry, later], options);
	expect(timeline.bySource.get('the-levees')!.map((event) => [event.id, event.place])).toEqual([
		['levee-vote', 'era'],
		['levees-raised', 'epilogue'],
	]);
	expect(timeline.undated.every((event) => event.place === 'undated')).toBe(true);
	expect(timeline.eraById.get('the-levees')).toBe(timeline.eras[1]);
	expect(timeline.eras.map((era) => era.index)).toEqual([0, 1]);
	expect(timeline.dated.map((event) => event.id)).toEqual([...timeline.eras.flatMap((era) => era.events), ...timeline.epilogue].map((event) => event.id));
	expect(timeline.publishedHuman).toBe('May 2021');
});
