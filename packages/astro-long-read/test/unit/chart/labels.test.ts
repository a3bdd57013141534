import { describe, expect, test } from 'vitest';
import { placeLabel } from '../../../src/show/chart/labels';

describe('labels', () => {
	test('a label starts at its mark, or ends at it, or is flush with the nearer edge', () => {
		expect(placeLabel(0.1, 0.2, 100, 500)).toEqual({ x: 0.1, anchor: 'start', width: 100 });
		expect(placeLabel(0.9, 0.95, 100, 500)).toEqual({ x: 0.95, anchor: 'end', width: 100 });
		expect(placeLabel(0.6, 0.65, 400, 500)).toEqual({ x: 1, anchor: 'end', width: 400 });
		expect(placeLabel(0.3, 0.35, 400, 500)).toEqual({ x: 0, anchor: 'start', width: 400 });
	});
});
