import { describe, expect, test } from 'vitest';
import { timeScale } from 'astro-long-read/show/chart/axis';
import { chartLayout } from 'astro-long-read/show/chart/chart-layout';
import { PLOT } from '../../../src/site.config';
import { timeline, year } from '../../fixtures/timeline';

describe('eras', () => {
	const layout = chartLayout(timeline, PLOT.narrow);

	test('each section is an era band over its period, in reading order', () => {
		const scale = timeScale(timeline);
		expect(layout.eras.map((era) => [era.id, era.human])).toEqual([
			['soviet-era', '1945–1989'],
			['the-1990s', '1989–2001'],
			['after', '2020 – April 2022'],
		]);
		expect(layout.eras[0]!.x0).toBe(0);
		expect(layout.eras[1]!.x0).toBeCloseTo(scale(year(1989)), 9);
		// The Soviet era and the 1990s share 1989: their ribbons are in different lanes.
		expect(layout.eras[0]!.lane).not.toBe(layout.eras[1]!.lane);
	});
});
