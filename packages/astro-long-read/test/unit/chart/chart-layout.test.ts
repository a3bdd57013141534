import { describe, expect, test } from 'vitest';
import { timeScale } from '../../../src/show/chart/axis';
import { type Mark, chartLayout } from '../../../src/show/chart/chart-layout';
import { PLOT } from '../../../src/show/chart/plot';
import { timeline, year } from '../../fixtures/timeline';

/** The px box of an event's label at a plot width, from its anchor and estimated width. */
function labelBox(mark: Mark, width: number, lineHeight: number) {
	const left = mark.text.anchor === 'start' ? mark.text.x * width : mark.text.x * width - mark.text.width;
	return { left, right: left + mark.text.width, top: mark.text.y - lineHeight, bottom: mark.text.y + (mark.text.lines.length - 1) * lineHeight + 4 };
}
const boxesOverlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('marks', () => {
	test('the layout gives each event its shape, its span and its style', () => {
		const layout = chartLayout(timeline, PLOT.wide);
		const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
		expect(mark('great-flood').shape).toBe('point');
		expect(mark('great-flood').cx).toBeGreaterThan(mark('great-flood').x0);
		expect(mark('ferry-stops').shape).toBe('bar');
		// A year's bar is the year: its width is the uncertainty.
		const scale = timeScale(timeline);
		expect(mark('ferry-stops').x0).toBeCloseTo(scale(year(1931)), 9);
		expect(mark('ferry-stops').x1).toBeCloseTo(scale(year(1932) - 1), 9);
		expect(mark('cars-on-bridge').x1 - mark('cars-on-bridge').x0).toBeCloseTo(scale(year(1960)) - scale(year(1950)), 4);
		expect(mark('first-ferry').approximate).toBe(true);
		expect(mark('great-flood').approximate).toBe(false);
		expect(mark('great-flood').href).toBe('/timeline/#great-flood');
		expect(mark('great-flood').date).toBe('Mar 1841');
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
});

describe('publication, the epilogue and undated events', () => {
	const layout = chartLayout(timeline, PLOT.narrow);

	test('marks the publication date and sets the epilogue apart, below the article’s events', () => {
		const scale = timeScale(timeline);
		expect(layout.published.x).toBeCloseTo(scale(year(2021, 6) - 1), 9);
		expect(layout.published.label.text).toBe('written May 2021');
		const after = layout.marks.filter((mark) => mark.epilogue);
		expect(after.map((mark) => mark.id)).toEqual(['levees-raised']);
		const before = layout.marks.filter((mark) => !mark.epilogue);
		expect(before.every((mark) => mark.cx < layout.published.x)).toBe(true);
		expect(layout.epilogue!.top).toBeGreaterThan(Math.max(...before.map((mark) => mark.y)));
		expect(after[0]!.text.y - layout.lineHeight).toBeGreaterThan(layout.epilogue!.headingY);
		expect(layout.epilogue!.x0).toBe(layout.published.x);
	});

	test('undated events are not placed, only listed for the caption', () => {
		expect(layout.marks.find((mark) => mark.id === 'every-spring')).toBeUndefined();
		expect(layout.undated).toEqual([{ id: 'every-spring', label: 'The river floods the lower town', href: '/timeline/#every-spring' }]);
	});

	test('the layout is the same for the same input', () => {
		expect(chartLayout(timeline, PLOT.narrow)).toEqual(layout);
	});
});
