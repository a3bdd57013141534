import { describe, expect, test } from 'vitest';
import { decadeTicks, timeScale } from '../../../src/show/chart/axis';
import { timeline, year } from '../../fixtures/timeline';

describe('the time scale', () => {
	const scale = timeScale(timeline);

	test('runs from the earliest to the latest date, as fractions of the width', () => {
		// From the start of the first era (1815) to the last day of the epilogue (3 June 2023).
		expect(scale.domain().map((d) => d.toISOString().slice(0, 10))).toEqual(['1815-01-01', '2023-06-03']);
		expect(scale(year(1815))).toBe(0);
		expect(scale(year(2023, 6, 4) - 1)).toBeCloseTo(1, 9);
		// Linear in time: 1931 lies as far along as its share of the years since 1815.
		expect(scale(year(1931))).toBeCloseTo((year(1931) - year(1815)) / (year(2023, 6, 4) - 1 - year(1815)), 9);
	});

	test('has a tick every decade, labelled as far as the width allows', () => {
		const decades = Array.from({ length: 21 }, (_, i) => 1820 + 10 * i);
		const wide = decadeTicks(scale, 1000, 12);
		expect(wide.map((tick) => tick.year)).toEqual(decades);
		expect(wide.every((tick) => tick.label === String(tick.year))).toBe(true);
		// Every 20 years; 1820 and 2020 sit too near the ends for their labels.
		const narrow = decadeTicks(scale, 600, 12);
		expect(narrow.map((tick) => tick.year)).toHaveLength(21);
		expect(narrow.filter((tick) => tick.label).map((tick) => tick.year)).toEqual([1840, 1860, 1880, 1900, 1920, 1940, 1960, 1980, 2000]);
		// Every 50 years.
		const narrowest = decadeTicks(scale, 200, 12);
		expect(narrowest.filter((tick) => tick.label).map((tick) => tick.year)).toEqual([1850, 1900, 1950, 2000]);
	});
});
