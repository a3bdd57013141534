import { describe, expect, test } from 'vitest';
import { decadeTicks, timeScale } from 'astro-long-read/show/chart/axis';
import { timeline, year } from '../../fixtures/timeline';

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
