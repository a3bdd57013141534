import { describe, expect, test } from 'vitest';
import { humanDate, humanParts, machineDate, shortDate } from '../../src/model/date-labels';
import { openTo, parseDate } from '../../src/content/dates';

const human = (text: string) => humanDate(parseDate(text));

describe('humanDate', () => {
	test.each([
		['1978-04', 'April 1978'],
		['199X', 'the 1990s'],
		['200X', 'the 2000s'],
		['1945/1978', '1945–1978'],
		['1978-04/1979-12', 'April 1978 – December 1979'],
		['1979-09/1979-10', 'September–October 1979'],
		['2001-09-11', '11 September 2001'],
		['2025-07-03', '3 July 2025'],
		['1989', '1989'],
		['~1979', 'c. 1979'],
		['1978-04~', 'c. April 1978'],
		['1979?', '1979 (?)'],
		['1979-21', 'spring 1979'],
		['1979-36', 'the last quarter of 1979'],
		['19XX', 'the 1900s'],
	])('%s reads "%s"', (text, expected) => {
		expect(human(text)).toBe(expected);
	});

	test('short labels fit the markers beside sentences', () => {
		expect(shortDate(parseDate('1978-04'))).toBe('Apr 1978');
		expect(shortDate(parseDate('1979-09/1979-10'))).toBe('Sep–Oct 1979');
		expect(shortDate(parseDate('1978-04/1979-12'))).toBe('Apr 1978–Dec 1979');
		expect(shortDate(parseDate('199X'))).toBe('1990s');
		expect(shortDate(parseDate('2001-09-11'))).toBe('11 Sep 2001');
		expect(shortDate(parseDate('~1979'))).toBe('c. 1979');
		expect(shortDate(parseDate('1979?'))).toBe('1979 (?)');
	});
});

describe('machine dates for <time datetime>', () => {
	test('match the precision of each end', () => {
		expect(machineDate(parseDate('2001-09-11').start)).toBe('2001-09-11');
		expect(machineDate(parseDate('1978-04').start)).toBe('1978-04');
		expect(machineDate(parseDate('1989').start)).toBe('1989');
		expect(machineDate(parseDate('199X').start)).toBe('1990');
	});

	test('an interval of months in one year shares the year', () => {
		expect(humanParts(parseDate('1979-09/1979-10'))).toEqual({
			parts: [
				{ text: 'September', datetime: '1979-09' },
				{ text: 'October 1979', datetime: '1979-10' },
			],
			joiner: '–',
			lead: '',
		});
	});

	test('an interval of years is two years', () => {
		expect(humanParts(parseDate('1945/1978'))).toEqual({
			parts: [
				{ text: '1945', datetime: '1945' },
				{ text: '1978', datetime: '1978' },
			],
			joiner: '–',
			lead: '',
		});
	});
});

test('an interval still going on is said from its start: "since 1962", "1962–"', () => {
	const now = parseDate('2021-05');
	expect(human('1962/..')).toBe('since 1962');
	expect(humanDate(openTo(parseDate('~1962-06/..'), now))).toBe('since c. June 1962');
	expect(shortDate(parseDate('1962/..'))).toBe('1962–');
	expect(humanParts(parseDate('1962/..'))).toEqual({ parts: [{ text: '1962', datetime: '1962' }], joiner: '', lead: 'since ' });
});
