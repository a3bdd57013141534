import { describe, expect, test } from 'vitest';
import { timeScale } from '../../../src/show/chart/axis';
import { chartLayout } from '../../../src/show/chart/chart-layout';
import { PLOT } from '../../../src/show/chart/plot';
import { timeline, year } from '../../fixtures/timeline';

describe('eras', () => {
	const layout = chartLayout(timeline, PLOT.narrow);

	test('each section is an era band over its period, in reading order', () => {
		const scale = timeScale(timeline);
		expect(layout.eras.map((era) => [era.id, era.human])).toEqual([
			['the-ferry', '1815–1931'],
			['the-bridge', '1931–1989'],
			['the-levees', '1990 – May 2021'],
		]);
		expect(layout.eras[0]!.x0).toBe(0);
		expect(layout.eras[1]!.x0).toBeCloseTo(scale(year(1931)), 9);
		// The ferry and the bridge share 1931: their ribbons are in different lanes.
		expect(layout.eras[0]!.lane).not.toBe(layout.eras[1]!.lane);
	});
});
