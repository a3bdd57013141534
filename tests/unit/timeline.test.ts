import { describe, expect, test } from 'vitest';
import { ContentError } from 'astro-long-read/content/errors';
import { type SourceInput, buildTimeline } from 'astro-long-read/model/timeline';
import { introduction as intro, options } from '../fixtures/timeline';

/**
 * This file's own sections, their events declared out of order on purpose: the subject here is
 * the order and the checks of `buildTimeline`. The introduction is the shared fixture's.
 */
const soviet: SourceInput = {
	id: 'soviet-era',
	file: 'content/sections/01-soviet-era.mdx',
	title: 'The Soviet era',
	href: '/soviet-era/',
	period: '1945/1989',
	events: [
		{ id: 'withdrawal', label: 'Red Army withdraws', date: '1989', sentence: 'withdraw' },
		{ id: 'friendship', label: 'Friendly relations', date: '1945/1978', sentence: 'friendly' },
		{ id: 'invasion', label: 'Soviet invasion', date: '1979-12', sentence: 'turbulent' },
		{ id: 'amin-killed', label: 'Amin killed', date: '1979-12', precision: '27 December 1979', sentence: 'turbulent' },
		{ id: 'saur', label: 'Saur Revolution', date: '1978-04', sentence: 'daoud' },
		{ id: 'turbulence', label: 'Turbulent period', date: '1978-04/1979-12', sentence: 'turbulent' },
	],
};
const later: SourceInput = {
	id: 'after',
	file: 'content/sections/02-after.mdx',
	title: 'After',
	href: '/after/',
	period: '2020/2022-04',
	events: [
		{ id: 'recognition', label: 'Russia recognises the Taliban', date: '2025-07-03', sentence: 'recognize' },
		{ id: 'doha', label: 'Doha agreement', date: '2020-02-29', sentence: 'doha-s' },
	],
};

describe('buildTimeline', () => {
	const timeline = buildTimeline([intro, soviet, later], options);

	test('sorts each era by start, then end (shorter first), then declaration order', () => {
		expect(timeline.eras.map((era) => era.events.map((event) => event.id))).toEqual([
			['friendship', 'saur', 'turbulence', 'invasion', 'amin-killed', 'withdrawal'],
			['doha'],
		]);
	});

	test('eras follow the sections, with their years', () => {
		expect(timeline.eras.map((era) => [era.id, era.title, era.human])).toEqual([
			['soviet-era', 'The Soviet era', '1945–1989'],
			['after', 'After', '2020 – April 2022'],
		]);
	});

	test('undated events are listed apart; later ones form the epilogue', () => {
		expect(timeline.undated.map((event) => event.id)).toEqual(['hosting']);
		expect(timeline.epilogue.map((event) => event.id)).toEqual(['recognition']);
		expect(timeline.events.map((event) => event.id).slice(-2)).toEqual(['hosting', 'recognition']);
	});

	test('links each entry to its sentence and back', () => {
		const saur = timeline.events.find((event) => event.id === 'saur')!;
		expect(saur.sentenceHref).toBe('/soviet-era/#daoud');
		expect(saur.entryHref).toBe('/timeline/#saur');
		expect(saur.human).toBe('April 1978');
		expect(saur.short).toBe('Apr 1978');
		expect(timeline.bySentence.get('turbulent')!.map((event) => event.id)).toEqual(['turbulence', 'invasion', 'amin-killed']);
	});

	test('keeps editorial precision and the article’s wording apart from the date', () => {
		const amin = timeline.events.find((event) => event.id === 'amin-killed')!;
		expect(amin.precision).toBe('27 December 1979');
		const hosting = timeline.events.find((event) => event.id === 'hosting')!;
		expect(hosting.when).toBe('For years');
		expect(hosting.date).toBeUndefined();
	});

	test('no warnings when every event is within its period', () => {
		expect(timeline.warnings).toEqual([]);
	});
});

describe('buildTimeline rejects bad content, naming the file and field', () => {
	test('a duplicate event id', () => {
		const copy = { ...later, events: [...later.events, { id: 'saur', label: 'x', date: '2021', sentence: 'doha-s' }] };
		expect(() => buildTimeline([soviet, copy], options)).toThrow(ContentError);
		expect(() => buildTimeline([soviet, copy], options)).toThrow(
			'content/sections/02-after.mdx: events[2].id "saur" is already the id of an event in content/sections/01-soviet-era.mdx',
		);
	});

	test('an invalid date', () => {
		const bad = { ...soviet, events: [{ id: 'bad', label: 'x', date: '1978-13', sentence: 'daoud' }] };
		expect(() => buildTimeline([bad], options)).toThrow(/01-soviet-era\.mdx: events\[0\]\.date "1978-13" is not a valid EDTF date/);
	});

	test('an invalid period', () => {
		expect(() => buildTimeline([{ ...soviet, period: '1945/19' }], options)).toThrow(/01-soviet-era\.mdx: period/);
	});

	test('a sentence id used by two files', () => {
		const clash = { ...later, events: [{ id: 'other', label: 'x', date: '2021', sentence: 'daoud' }] };
		expect(() => buildTimeline([soviet, clash], options)).toThrow(/02-after\.mdx: events\[0\]\.sentence "daoud" is also a sentence id in .*01-soviet-era\.mdx/);
	});

	test('a dated event in the introduction, which has no era', () => {
		const dated = { ...intro, events: [{ id: 'dated', label: 'x', date: '2018-11', sentence: 'hosting' }] };
		expect(() => buildTimeline([dated, soviet], options)).toThrow(/introduction\.mdx: events\[0\]\.date dates an event in a file that has no period/);
	});

	test('warns about an event outside its section’s period', () => {
		const outside = { ...soviet, events: [{ id: 'late', label: 'x', date: '1995', sentence: 'daoud' }] };
		expect(buildTimeline([outside], options).warnings).toEqual([
			'content/sections/01-soviet-era.mdx: events[0].date "1995" lies outside the section\'s period "1945/1989"',
		]);
	});
});

test('each page’s events, the eras by id and in order', () => {
	const timeline = buildTimeline([intro, soviet, later], options);
	expect(timeline.bySource.get('after')!.map((event) => [event.id, event.place])).toEqual([
		['doha', 'era'],
		['recognition', 'epilogue'],
	]);
	expect(timeline.undated.every((event) => event.place === 'undated')).toBe(true);
	expect(timeline.eraById.get('after')).toBe(timeline.eras[1]);
	expect(timeline.eras.map((era) => era.index)).toEqual([0, 1]);
	expect(timeline.dated.map((event) => event.id)).toEqual([...timeline.eras.flatMap((era) => era.events), ...timeline.epilogue].map((event) => event.id));
	expect(timeline.publishedHuman).toBe('April 2022');
});
