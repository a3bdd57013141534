import { describe, expect, test } from 'vitest';
import { STRIP_LABEL_LANES, stripLayout, stripScope } from '../../../src/show/chart/strip-layout';
import { buildTimeline } from '../../../src/model/timeline';
import { PLOT, STRIP_LABELS } from '../../../src/show/chart/plot';
import { options, timeline } from '../../fixtures/timeline';

/** The narrow strip's plot width, the narrowest the strip is drawn at. */
const width = PLOT.narrow.minWidth;

describe('the strip', () => {
	test('highlights the current era and shows every dated event', () => {
		const strip = stripLayout(timeline, { minWidth: width, current: 'the-bridge' });
		expect(strip.eras.filter((era) => era.current).map((era) => era.id)).toEqual(['the-bridge']);
		expect(strip.eras.find((era) => era.id === 'the-ferry')!.text).toBe('The ferry');
		expect(strip.current?.title).toBe('The bridge');
		expect(strip.events).toHaveLength(12);
		expect(strip.events.filter((event) => event.current).map((event) => event.id)).toEqual(['cars-on-bridge']);
		expect(strip.events.filter((event) => event.epilogue).map((event) => event.id)).toEqual(['levees-raised']);
		const labels = strip.eras.map((era) => ({ lane: era.lane, ...(era.label.anchor === 'start' ? { start: era.label.x * width, end: era.label.x * width + era.label.width } : { start: era.label.x * width - era.label.width, end: era.label.x * width }) }));
		for (const a of labels) for (const b of labels) if (a !== b && a.lane === b.lane) expect(a.end < b.start || b.end < a.start).toBe(true);
	});

	test('without a current era, none is highlighted', () => {
		const strip = stripLayout(timeline, { minWidth: 600 });
		expect(strip.eras.some((era) => era.current)).toBe(false);
		expect(strip.events.some((event) => event.current)).toBe(false);
	});

	test('a narrow strip numbers the other eras and names the current one', () => {
		const strip = stripLayout(timeline, { minWidth: width, current: 'the-bridge', labels: STRIP_LABELS.narrow });
		expect(strip.eras.map((era) => era.text)).toEqual(['1', 'The bridge', '3']);
	});

	test('scoped to the current era: that era alone, with its place in reading order, and its events, on the same axis', () => {
		const all = stripLayout(timeline, { minWidth: width, current: 'the-bridge', labels: STRIP_LABELS.narrow });
		const own = stripLayout(timeline, { minWidth: width, current: 'the-bridge', labels: STRIP_LABELS.narrow, scope: 'current' });
		expect(own.eras.map((era) => [era.id, era.index, era.text, era.current])).toEqual([['the-bridge', 1, 'The bridge', true]]);
		expect(own.events).toEqual(all.events.filter((event) => event.current));
		expect(own.domain).toEqual(all.domain);
		expect(own.ticks).toEqual(all.ticks);
		expect(own.published).toBe(all.published);
		expect(() => stripLayout(timeline, { minWidth: width, scope: 'current' })).toThrow(/needs the id of an era/);
	});

	test('a section’s strip draws every era up to twelve sections, then its own', () => {
		const many = (count: number) =>
			buildTimeline(
				Array.from({ length: count }, (_, i) => ({ id: `s${i}`, file: `s${i}.mdx`, title: `S${i}`, href: `/s${i}/`, period: `${1900 + i}`, events: [] })),
				options,
			);
		expect(stripScope(timeline, 'the-bridge')).toBe('all');
		expect(stripScope(many(12), 's3')).toBe('all');
		expect(stripScope(many(13), 's3')).toBe('current');
		expect(stripScope(many(13), undefined)).toBe('all');
	});

	test('labels that would take more than its lines of labels fall back to numbers, then to none; the current era keeps its title', () => {
		const many = (count: number, title: (i: number) => string) =>
			buildTimeline(
				// Spread over the axis, which ends at publication (2021).
				Array.from({ length: count }, (_, i) => ({ id: `s${i}`, file: `s${i}.mdx`, title: title(i), href: `/s${i}/`, period: `${2020 - count + i}`, events: [] })),
				options,
			);
		const lanes = (strip: ReturnType<typeof stripLayout>) => new Set(strip.eras.filter((era) => era.text).map((era) => era.lane)).size;
		const long = (i: number) => `The ${i + 1}th section of a very long text`;
		// Few eras: titles, as asked.
		const few = stripLayout(many(3, long), { minWidth: 600 });
		expect(few.eras.map((era) => era.text)).toEqual([long(0), long(1), long(2)]);
		// More titles than the lines hold, numbers that fit: numbers.
		const numbered = stripLayout(many(12, long), { minWidth: 600, current: 's5' });
		expect(numbered.eras.map((era) => era.text)).toEqual(Array.from({ length: 12 }, (_, i) => (i === 5 ? long(5) : String(i + 1))));
		expect(lanes(numbered)).toBeLessThanOrEqual(STRIP_LABEL_LANES);
		// So many that numbers would not fit either: only the current era is named, and no label takes a line of its own.
		const crowded = stripLayout(many(400, long), { minWidth: 600, current: 's5' });
		expect(crowded.eras.filter((era) => era.text).map((era) => era.text)).toEqual([long(5)]);
		expect(lanes(crowded)).toBe(1);
		const overview = stripLayout(many(400, long), { minWidth: 600 });
		expect(overview.eras.every((era) => era.text === '' && era.lane === 0)).toBe(true);
		expect(overview.eras).toHaveLength(400);
		expect(overview.bandY).toBeLessThan(few.bandY);
		expect(overview.height).toBeLessThan(100);
	});
});
