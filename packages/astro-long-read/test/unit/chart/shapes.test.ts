import { describe, expect, test } from 'vitest';
import { isApproximate, shapeOf } from '../../../src/show/chart/shapes';
import { parseDate } from '../../../src/content/dates';

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
});
