import { describe, expect, test } from 'vitest';
import { textWidth, wrapLabel } from '../../../src/show/chart/text';

describe('text', () => {
	test('long labels wrap to the width, the first line opening with the date', () => {
		const { lines, width } = wrapLabel('The great flood: the town council meets on the hill and votes to move the whole town to higher ground', 200, 13, '12 Mar 1841');
		expect(lines.length).toBeGreaterThan(2);
		expect(lines[0]!.date).toBe('12 Mar 1841');
		expect(lines.slice(1).every((line) => line.date === undefined)).toBe(true);
		expect(width).toBeLessThanOrEqual(200);
		expect(lines.map((line) => line.text).join(' ')).toBe('The great flood: the town council meets on the hill and votes to move the whole town to higher ground');
	});

	test('text width grows with the text and the weight', () => {
		expect(textWidth('1990s', 13)).toBeGreaterThan(textWidth('1990', 13));
		expect(textWidth('1990s', 13, true)).toBeGreaterThan(textWidth('1990s', 13));
		expect(textWidth('mmmm', 10)).toBeGreaterThan(textWidth('iiii', 10));
	});
});
