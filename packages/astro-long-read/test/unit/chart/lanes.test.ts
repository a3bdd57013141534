import { describe, expect, test } from 'vitest';
import { type Extent, overlap, packLanes } from '../../../src/show/chart/lanes';

describe('lanes', () => {
	test('greedy packing keeps overlapping items apart and reuses the lowest free lane', () => {
		const extents: Extent[] = [
			{ start: 0, end: 0.5 },
			{ start: 0.1, end: 0.2 },
			{ start: 0.3, end: 0.9 },
			{ start: 0.6, end: 0.7 },
			{ start: 0.95, end: 1 },
		];
		expect(packLanes(extents)).toEqual([0, 1, 1, 0, 0]);
	});

	test('uses as few lanes as the deepest overlap and never puts overlapping items in one lane', () => {
		// A pseudo-random, repeatable set.
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const extents = Array.from({ length: 300 }, () => {
			const start = random();
			return { start, end: start + random() * 0.2 };
		});
		const lanes = packLanes(extents);
		for (let i = 0; i < extents.length; i++)
			for (let j = i + 1; j < extents.length; j++) if (lanes[i] === lanes[j]) expect(overlap(extents[i]!, extents[j]!)).toBe(false);
		const depth = Math.max(...extents.map((e) => extents.filter((f) => f.start <= e.start && e.start <= f.end).length));
		expect(Math.max(...lanes) + 1).toBe(depth);
	});
});
