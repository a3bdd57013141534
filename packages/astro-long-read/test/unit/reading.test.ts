import { describe, expect, test } from 'vitest';
import { countOf, countWords, readingMinutes, readingTime } from '../../src/content/reading';

describe('reading time', () => {
	test('counts words, not punctuation', () => {
		expect(countWords('The town’s argument with the river — is older than its bridge.')).toBe(11);
		expect(countWords('  ')).toBe(0);
	});

	test('rounds to whole minutes, at least one', () => {
		expect(readingMinutes(0)).toBe(1);
		expect(readingMinutes(450)).toBe(2);
		expect(readingTime(1000)).toBe('5 min read');
	});
});

describe('counts in prose', () => {
	test('words up to twelve, then figures; one is singular', () => {
		expect(countOf(4, 'section')).toBe('four sections');
		expect(countOf(1, 'section')).toBe('one section');
		expect(countOf(12, 'section')).toBe('twelve sections');
		expect(countOf(13, 'section')).toBe('13 sections');
		expect(countOf(1400, 'event')).toBe('1,400 events');
	});
});
