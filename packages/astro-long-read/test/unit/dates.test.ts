import { describe, expect, test } from 'vitest';
import { DateError, isValidDate, openTo, overlaps, parseDate } from '../../src/content/dates';

describe('parseDate', () => {
	test('reads precision from the EDTF text', () => {
		expect(parseDate('1931-05-02').start.precision).toBe('day');
		expect(parseDate('1931-04').start.precision).toBe('month');
		expect(parseDate('1940').start.precision).toBe('year');
		expect(parseDate('199X').start.precision).toBe('decade');
		expect(parseDate('19XX').start.precision).toBe('century');
		expect(parseDate('1932-21').start.precision).toBe('season');
	});

	test('gives an interval both ends, covering whole months', () => {
		const date = parseDate('1931-04/1932-12');
		expect(date.interval).toBe(true);
		expect(new Date(date.start.min).toISOString()).toBe('1931-04-01T00:00:00.000Z');
		expect(new Date(date.end.max).toISOString()).toBe('1932-12-31T23:59:59.999Z');
	});

	test('a decade covers its ten years', () => {
		const date = parseDate('199X');
		expect(new Date(date.start.min).toISOString()).toBe('1990-01-01T00:00:00.000Z');
		expect(new Date(date.end.max).toISOString()).toBe('1999-12-31T23:59:59.999Z');
	});

	test('keeps the approximate and uncertain qualifiers', () => {
		expect(parseDate('~1932').start.approximate).toBe(true);
		expect(parseDate('1932?').start.uncertain).toBe(true);
		expect(parseDate('1932').start.approximate).toBe(false);
	});

	test.each([
		['1931-13', /not a valid EDTF date/],
		['1931-02-30', /not a valid EDTF date/],
		['abc', /not a valid EDTF date/],
		['', /not a valid EDTF date/],
		['2001/', /leaves an end open or unknown/],
		['../2001', /leaves an end open or unknown/],
		['2001/2003/..', /not a valid EDTF date/],
		['1990/1980', /not a valid EDTF date/],
		['[1990,1991]', /set of dates/],
		['201X-XX', /unspecified digits/],
	])('rejects %j', (text, message) => {
		expect(() => parseDate(text)).toThrow(DateError);
		expect(() => parseDate(text)).toThrow(message);
		expect(isValidDate(text)).toBe(false);
	});
});

test('overlaps compares whole spans', () => {
	expect(overlaps(parseDate('200X'), parseDate('2001/2021'))).toBe(true);
	expect(overlaps(parseDate('1940'), parseDate('1940/2001'))).toBe(true);
	expect(overlaps(parseDate('2024-03-03'), parseDate('2020/2022-04'))).toBe(false);
	expect(overlaps(parseDate('1939-12'), parseDate('1940/2001'))).toBe(false);
});

test('a date parsed again gives the same value, and a bad one fails every time', () => {
	expect(parseDate('1932-12-24/1940-02-15')).toEqual(parseDate('1932-12-24/1940-02-15'));
	for (let attempt = 0; attempt < 2; attempt++) expect(() => parseDate('1940-13')).toThrow(DateError);
});

test('an interval still going on ("1962/..") runs up to the time of writing, and no further back than its start', () => {
	const ongoing = parseDate('1962/..');
	expect(ongoing).toMatchObject({ interval: true, ongoing: true, start: { precision: 'year' } });
	expect(ongoing.end).toBe(ongoing.start);
	const drawn = openTo(ongoing, parseDate('2021-05'));
	expect(drawn.start).toBe(ongoing.start);
	expect(drawn.end).toEqual(parseDate('2021-05').end);
	expect(overlaps(drawn, parseDate('2000/2001'))).toBe(true);
	// Written before it began (an epilogue), it is drawn as its start alone.
	expect(openTo(ongoing, parseDate('1950')).end).toBe(ongoing.start);
	// Any other date is left as it is.
	const closed = parseDate('1962/1970');
	expect(openTo(closed, parseDate('2021'))).toBe(closed);
});
