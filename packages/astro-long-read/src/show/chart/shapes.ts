/**
 * How an event's date is drawn: its shape (a point or a bar as wide as the date's uncertainty)
 * and whether it is approximate or uncertain (drawn dashed and hatched).
 */
import type { ParsedDate } from '../../content/dates';

export type Shape = 'point' | 'bar';

/**
 * How a date is drawn: a point for a single day or month; a bar for an interval, or for a single
 * season, year, decade or century, whose width is the date's uncertainty.
 */
export function shapeOf(date: ParsedDate): Shape {
	if (date.interval) return 'bar';
	return date.start.precision === 'day' || date.start.precision === 'month' ? 'point' : 'bar';
}

/** An approximate (`~`) or uncertain (`?`) date, at either end: drawn dashed and hatched. */
export const isApproximate = (date: ParsedDate) => date.start.approximate || date.end.approximate || date.start.uncertain || date.end.uncertain;
