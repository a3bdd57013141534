import { describe, expect, test } from 'vitest';
import { decadeTicks, timeScale } from '../../src/lib/chart/axis';
import { chartLayout } from '../../src/lib/chart/chart-layout';
import { placeLabel } from '../../src/lib/chart/labels';
import { type Extent, overlap, packLanes } from '../../src/lib/chart/lanes';
import { isApproximate, shapeOf } from '../../src/lib/chart/shapes';
import { stripLayout, stripScope } from '../../src/lib/chart/strip-layout';
import { textWidth, wrapLabel } from '../../src/lib/chart/text';
import { parseDate } from '../../src/lib/dates';
import { buildTimeline } from '../../src/lib/timeline';
import { PLOT, STRIP_LABELS } from '../../src/site.config';
import { options, timeline, year } from '../fixtures/timeline';

/** The px box of an event's label at a plot width, from its anchor and estimated width. */
function labelBox(mark: ReturnType<typeof chartLayout>['marks'][number], width: number, lineHeight: number) {
	const left = mark.text.anchor === 'start' ? mark.text.x * width : mark.text.x * width - mark.text.width;
	return { left, right: left + mark.text.width, top: mark.text.y - lineHeight, bottom: mark.text.y + (mark.text.lines.length - 1) * lineHeight + 4 };
}
const boxesOverlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the time scale', () => {
	const scale = timeScale(timeline);

	test('runs from the earliest to the latest date, as fractions of the width', () => {
		expect(scale.domain().map((d) => d.toISOString().slice(0, 10))).toEqual(['1945-01-01', '2025-07-03']);
		expect(scale(year(1945))).toBe(0);
		expect(scale(year(2025, 7, 4) - 1)).toBeCloseTo(1, 9);
		// Linear in time: 1985 is half-way between 1945 and 2025.
		expect(scale(year(1985))).toBeCloseTo((year(1985) - year(1945)) / (year(2025, 7, 4) - 1 - year(1945)), 9);
	});

	test('has a tick every decade, labelled as far as the width allows', () => {
		const wide = decadeTicks(scale, 600, 12);
		expect(wide.map((tick) => tick.year)).toEqual([1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020]);
		expect(wide.every((tick) => tick.label === String(tick.year))).toBe(true);
		const narrow = decadeTicks(scale, 200, 12);
		expect(narrow.map((tick) => tick.year)).toHaveLength(8);
		expect(narrow.filter((tick) => tick.label).map((tick) => tick.year)).toEqual([1960, 1980, 2000]);
	});
});

describe('shapes', () => {
	test('a day or a month is a point; an interval, a year, a decade or a season is a bar', () => {
		expect(shapeOf(parseDate('2001-09-11'))).toBe('point');
		expect(shapeOf(parseDate('1978-04'))).toBe('point');
		expect(shapeOf(parseDate('1989'))).toBe('bar');
		expect(shapeOf(parseDate('199X'))).toBe('bar');
		expect(shapeOf(parseDate('2001-21'))).toBe('bar');
		expect(shapeOf(parseDate('1978-04/1979-12'))).toBe('bar');
		expect(shapeOf(parseDate('1979-09/1979-10'))).toBe('bar');
	});

	test('approximate and uncertain dates are flagged, at either end', () => {
		expect(isApproximate(parseDate('~1985'))).toBe(true);
		expect(isApproximate(parseDate('1985?'))).toBe(true);
		expect(isApproximate(parseDate('1980/~1985'))).toBe(true);
		expect(isApproximate(parseDate('1985'))).toBe(false);
	});

	test('the layout gives each event its shape, its span and its style', () => {
		const layout = chartLayout(timeline, PLOT.wide);
		const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
		expect(mark('saur').shape).toBe('point');
		expect(mark('saur').cx).toBeGreaterThan(mark('saur').x0);
		expect(mark('withdrawal').shape).toBe('bar');
		// A year's bar is the year: its width is the uncertainty.
		const scale = timeScale(timeline);
		expect(mark('withdrawal').x0).toBeCloseTo(scale(year(1989)), 9);
		expect(mark('withdrawal').x1).toBeCloseTo(scale(year(1990) - 1), 9);
		expect(mark('northern-alliance').x1 - mark('northern-alliance').x0).toBeCloseTo(scale(year(2000)) - scale(year(1990)), 4);
		expect(mark('talks').approximate).toBe(true);
		expect(mark('saur').approximate).toBe(false);
		expect(mark('saur').href).toBe('/timeline/#saur');
		expect(mark('saur').date).toBe('Apr 1978');
	});
});

describe('lanes', () => {
	test('greedy packing keeps overlapping items apart and reuses the lowest free lane', () => {
		const extents: Extent[] = [
			{ start: 0, end: 0.5 },
			{ start: 0.1, end: 0.2 },
			{ start: 0.3, end: 0.9 },
			{ start: 0.6, end: 0.7 },
			{ start: 0.95, end: 1 },
		];
		expect(packLanes(extents)).toEqual([0, 1, 1, 0, 0]);
	});

	test('uses as few lanes as the deepest overlap and never puts overlapping items in one lane', () => {
		// A pseudo-random, repeatable set.
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const extents = Array.from({ length: 300 }, () => {
			const start = random();
			return { start, end: start + random() * 0.2 };
		});
		const lanes = packLanes(extents);
		for (let i = 0; i < extents.length; i++)
			for (let j = i + 1; j < extents.length; j++) if (lanes[i] === lanes[j]) expect(overlap(extents[i]!, extents[j]!)).toBe(false);
		const depth = Math.max(...extents.map((e) => extents.filter((f) => f.start <= e.start && e.start <= f.end).length));
		expect(Math.max(...lanes) + 1).toBe(depth);
	});

	test.each([PLOT.narrow.minWidth, 400, PLOT.wide.minWidth, 720])('no two labels overlap each other or another event’s mark, at %d px', (width) => {
		for (const variant of [PLOT.narrow, PLOT.wide]) {
			if (width < variant.minWidth) continue;
			const layout = chartLayout(timeline, variant);
			const boxes = layout.marks.map((mark) => ({ mark, label: labelBox(mark, width, layout.lineHeight) }));
			for (const a of boxes) {
				expect(a.label.left, a.mark.id).toBeGreaterThanOrEqual(-0.001);
				expect(a.label.right, a.mark.id).toBeLessThanOrEqual(width + 0.001);
				for (const b of boxes) {
					if (a === b) continue;
					expect(boxesOverlap(a.label, b.label), `${a.mark.id} / ${b.mark.id}`).toBe(false);
					const left = b.mark.shape === 'point' ? b.mark.cx * width - layout.radius : b.mark.x0 * width;
					const right = b.mark.shape === 'point' ? b.mark.cx * width + layout.radius : b.mark.x1 * width;
					const markBox = { left, right, top: b.mark.y - layout.radius, bottom: b.mark.y + layout.radius };
					expect(boxesOverlap(a.label, markBox), `${a.mark.id} label / ${b.mark.id} mark`).toBe(false);
				}
			}
		}
	});

	test('long labels wrap to the width, the first line opening with the date', () => {
		const { lines, width } = wrapLabel('Doha agreement: the Taliban pledge that Afghan soil will not be used against any state', 200, 13, '29 Feb 2020');
		expect(lines.length).toBeGreaterThan(2);
		expect(lines[0]!.date).toBe('29 Feb 2020');
		expect(lines.slice(1).every((line) => line.date === undefined)).toBe(true);
		expect(width).toBeLessThanOrEqual(200);
		expect(lines.map((line) => line.text).join(' ')).toBe('Doha agreement: the Taliban pledge that Afghan soil will not be used against any state');
	});

	test('a label starts at its mark, or ends at it, or is flush with the nearer edge', () => {
		expect(placeLabel(0.1, 0.2, 100, 500)).toEqual({ x: 0.1, anchor: 'start', width: 100 });
		expect(placeLabel(0.9, 0.95, 100, 500)).toEqual({ x: 0.95, anchor: 'end', width: 100 });
		expect(placeLabel(0.6, 0.65, 400, 500)).toEqual({ x: 1, anchor: 'end', width: 400 });
		expect(placeLabel(0.3, 0.35, 400, 500)).toEqual({ x: 0, anchor: 'start', width: 400 });
	});

	test('text width grows with the text and the weight', () => {
		expect(textWidth('1990s', 13)).toBeGreaterThan(textWidth('1990', 13));
		expect(textWidth('1990s', 13, true)).toBeGreaterThan(textWidth('1990s', 13));
		expect(textWidth('mmmm', 10)).toBeGreaterThan(textWidth('iiii', 10));
	});
});

describe('eras, publication and the epilogue', () => {
	const layout = chartLayout(timeline, PLOT.narrow);

	test('each section is an era band over its period, in reading order', () => {
		const scale = timeScale(timeline);
		expect(layout.eras.map((era) => [era.id, era.human])).toEqual([
			['soviet-era', '1945–1989'],
			['the-1990s', '1989–2001'],
			['after', '2020 – April 2022'],
		]);
		expect(layout.eras[0]!.x0).toBe(0);
		expect(layout.eras[1]!.x0).toBeCloseTo(scale(year(1989)), 9);
		// The Soviet era and the 1990s share 1989: their ribbons are in different lanes.
		expect(layout.eras[0]!.lane).not.toBe(layout.eras[1]!.lane);
	});

	test('marks the publication date and sets the epilogue apart, below the article’s events', () => {
		const scale = timeScale(timeline);
		expect(layout.published.x).toBeCloseTo(scale(year(2022, 5) - 1), 9);
		expect(layout.published.label.text).toBe('written Apr 2022');
		const after = layout.marks.filter((mark) => mark.epilogue);
		expect(after.map((mark) => mark.id)).toEqual(['recognition']);
		const before = layout.marks.filter((mark) => !mark.epilogue);
		expect(before.every((mark) => mark.cx < layout.published.x)).toBe(true);
		expect(layout.epilogue!.top).toBeGreaterThan(Math.max(...before.map((mark) => mark.y)));
		expect(after[0]!.text.y - layout.lineHeight).toBeGreaterThan(layout.epilogue!.headingY);
		expect(layout.epilogue!.x0).toBe(layout.published.x);
	});

	test('undated events are not placed, only listed for the caption', () => {
		expect(layout.marks.find((mark) => mark.id === 'hosting')).toBeUndefined();
		expect(layout.undated).toEqual([{ id: 'hosting', label: 'Moscow hosts Taliban leadership', href: '/timeline/#hosting' }]);
	});

	test('the layout is the same for the same input', () => {
		expect(chartLayout(timeline, PLOT.narrow)).toEqual(layout);
	});
});

describe('the strip', () => {
	/** The narrow strip's plot width, the narrowest the strip is drawn at. */
	const width = PLOT.narrow.minWidth;

	test('highlights the current era and shows every dated event', () => {
		const strip = stripLayout(timeline, { minWidth: width, current: 'the-1990s' });
		expect(strip.eras.filter((era) => era.current).map((era) => era.id)).toEqual(['the-1990s']);
		expect(strip.eras.find((era) => era.id === 'soviet-era')!.text).toBe('The Soviet era');
		expect(strip.current?.title).toBe('The 1990s');
		expect(strip.events).toHaveLength(12);
		expect(strip.events.filter((event) => event.current).map((event) => event.id)).toEqual(['northern-alliance']);
		expect(strip.events.filter((event) => event.epilogue).map((event) => event.id)).toEqual(['recognition']);
		const labels = strip.eras.map((era) => ({ lane: era.lane, ...(era.label.anchor === 'start' ? { start: era.label.x * width, end: era.label.x * width + era.label.width } : { start: era.label.x * width - era.label.width, end: era.label.x * width }) }));
		for (const a of labels) for (const b of labels) if (a !== b && a.lane === b.lane) expect(a.end < b.start || b.end < a.start).toBe(true);
	});

	test('without a current era, none is highlighted', () => {
		const strip = stripLayout(timeline, { minWidth: 600 });
		expect(strip.eras.some((era) => era.current)).toBe(false);
		expect(strip.events.some((event) => event.current)).toBe(false);
	});

	test('a narrow strip numbers the other eras and names the current one', () => {
		const strip = stripLayout(timeline, { minWidth: width, current: 'the-1990s', labels: STRIP_LABELS.narrow });
		expect(strip.eras.map((era) => era.text)).toEqual(['1', 'The 1990s', '3']);
	});

	test('scoped to the current era: that era alone, with its place in reading order, and its events, on the same axis', () => {
		const all = stripLayout(timeline, { minWidth: width, current: 'the-1990s', labels: STRIP_LABELS.narrow });
		const own = stripLayout(timeline, { minWidth: width, current: 'the-1990s', labels: STRIP_LABELS.narrow, scope: 'current' });
		expect(own.eras.map((era) => [era.id, era.index, era.text, era.current])).toEqual([['the-1990s', 1, 'The 1990s', true]]);
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
		expect(stripScope(timeline, 'the-1990s')).toBe('all');
		expect(stripScope(many(12), 's3')).toBe('all');
		expect(stripScope(many(13), 's3')).toBe('current');
		expect(stripScope(many(13), undefined)).toBe('all');
	});
});
