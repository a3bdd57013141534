/**
 * The axis every picture of a timeline shares: a time scale from the earliest to the latest date,
 * decade ticks labelled as densely as the width allows, and fractions of the width written as SVG
 * lengths. Horizontal positions are fractions of the plot's width (0 at the earliest date, 1 at
 * the latest), so a picture can be drawn with percentages and stretch with its column.
 */
import { scaleUtc } from 'd3-scale';
import { utcYear } from 'd3-time';
import type { Timeline } from '../../model/timeline';
import { textWidth } from './text';

export interface Tick {
	/** Fraction of the width. */
	x: number;
	year: number;
	/** Set when the tick is labelled at this width. */
	label?: string;
}

/** The time scale: UTC milliseconds → fraction of the width, from the earliest to the latest date. */
const scales = new WeakMap<Timeline, ReturnType<typeof makeTimeScale>>();

/** The axis every picture of a timeline shares: computed once per timeline, then reused by every page. */
export function timeScale(timeline: Timeline) {
	let scale = scales.get(timeline);
	if (!scale) scales.set(timeline, (scale = makeTimeScale(timeline)));
	return scale;
}

function makeTimeScale(timeline: Timeline) {
	const dates = [...timeline.eras.map((era) => era.period), ...timeline.dated.map((event) => event.date), timeline.published];
	const min = Math.min(...dates.map((date) => date.start.min));
	const max = Math.max(...dates.map((date) => date.end.max));
	return scaleUtc().domain([new Date(min), new Date(max)]).range([0, 1]);
}

export type TimeScale = ReturnType<typeof timeScale>;

/**
 * Decade ticks inside the domain. Labels ("1950") are kept every 10, 20, 50… years: the smallest
 * step at which neighbouring labels, centred on their ticks, clear each other at `minWidth`.
 */
export function decadeTicks(scale: TimeScale, minWidth: number, fontSize: number, overhang = 0): Tick[] {
	const dates = scale.ticks(utcYear.every(10)!);
	const ticks = dates.map((date) => ({ x: scale(date), year: date.getUTCFullYear() }));
	const labelWidth = textWidth('0000', fontSize) + 8;
	const step = [10, 20, 50, 100].find((years) => {
		const gap = (scale(new Date(Date.UTC(2000 + years, 0, 1))) - scale(new Date(Date.UTC(2000, 0, 1)))) * minWidth;
		return gap >= labelWidth;
	}) ?? 100;
	// A label may reach `overhang` px past either end of the plot, into its padding.
	const half = (textWidth('0000', fontSize) / 2 - overhang) / minWidth;
	return ticks.map((tick) => (tick.year % step === 0 && tick.x - half >= 0 && tick.x + half <= 1 ? { ...tick, label: String(tick.year) } : tick));
}

/** A fraction of the width as an SVG length: `12.345%`. */
export const pct = (fraction: number) => `${Number((fraction * 100).toFixed(3))}%`;
