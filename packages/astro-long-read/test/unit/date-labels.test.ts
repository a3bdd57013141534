import { describe, expect, test } from 'vitest';
import { humanDate, humanParts, machineDate, shortDate } from '../../src/model/date-labels';
import { openTo, parseDate } from '../../src/content/dates';

const human = (text: string) => humanDate(parseDate(text));

describe('humanDate', () => {
	test.each([
		['1931-04', 'April 1931'],
		['199X', 'the 1990s'],
		['200X', 'the 2000s'],
		['1900/1931', '1900–1931'],
		['1931-04/1932-12', 'April 1931 – December 1932'],
		['1932-09/1932-10', 'September–October 1932'],
		['1931-05-02', '2 May 1931'],
		['2024-03-03', '3 March 2024'],
		['1940', '1940'],
		['~1932', 'c. 1932'],
		['1931-04~', 'c. April 1931'],
		['1932?', '1932 (?)'],
		['1932-21', 'spring 1932'],
		['1932-36', 'the last quarter of 1932'],
		['19XX', 'the 1900s'],
	])('%s reads "%s"', (text, expected) => {
		expect(human(text)).toBe(expected);
	});

	test('short labels fit the markers beside sentences', () => {
		expect(shortDate(parseDate('1931-04'))).toBe('Apr 1931');
		expect(shortDate(parseDate('1932-09/1932-10'))).toBe('Sep–Oct 1932');
		expect(shortDate(parseDate('1931-04/1932-12'))).toBe('Apr 1931–Dec 1932');
		expect(shortDate(parseDate('199X'))).toBe('1990s');
		expect(shortDate(parseDate('1931-05-02'))).toBe('2 May 1931');
		expect(shortDate(parseDate('~1932'))).toBe('c. 1932');
		expect(shortDate(parseDate('1932?'))).toBe('1932 (?)');
	});
});

describe('machine dates for <time datetime>', () => {
	test('match the precision of each end', () => {
		expect(machineDate(parseDate('1931-05-02').start)).toBe('1931-05-02');
		expect(machineDate(parseDate('1931-04').start)).toBe('1931-04');
		expect(machineDate(parseDate('1940').start)).toBe('1940');
		expect(machineDate(parseDate('199X').start)).toBe('1990');
	});

	test('an interval of months in one year shares the year', () => {
		expect(humanParts(parseDate('1932-09/1932-10'))).toEqual({
			parts: [
				{ text: 'September', datetime: '1932-09' },
				{ text: 'October 1932', datetime: '1932-10' },
			],
			joiner: '–',
			lead: '',
		});
	});

	test('an interval of years is two years', () => {
		expect(humanParts(parseDate('1900/1931'))).toEqual({
			parts: [
				{ text: '1900', datetime: '1900' },
				{ text: '1931', datetime: '1931' },
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
