/**
 * EDTF dates (ISO 8601-2), parsed by the `edtf` package into plain values: each end's first and
 * last moment, its precision, and whether it is approximate or uncertain. `date-labels.ts` says
 * them for readers and browsers.
 */
import edtf from 'edtf';
import { LRUCache } from 'lru-cache';


/** How exact a single date is. */
export type Precision = 'day' | 'month' | 'season' | 'year' | 'decade' | 'century';

/** One end of a date: an exact day, a month, a year, or a whole decade or century. */
export interface DatePoint {
	/** The EDTF text of this point, e.g. `1931-04` or `199X`. */
	edtf: string;
	precision: Precision;
	/** First and last millisecond covered (UTC). */
	min: number;
	max: number;
	approximate: boolean;
	uncertain: boolean;
}

export interface ParsedDate {
	/** The EDTF text as written in the content. */
	edtf: string;
	/** `start` is the interval's lower end (or the date itself); `end` its upper end. */
	start: DatePoint;
	end: DatePoint;
	interval: boolean;
	/**
	 * An interval still going on when the text was written (`1962/..`): its `end` is its start
	 * here, until the timeline draws it up to the time of writing (`openTo`).
	 */
	ongoing?: boolean;
}

export class DateError extends Error {}

type EdtfValue = ReturnType<typeof edtf>;

function precisionOf(value: EdtfValue): Precision {
	if (value.type === 'Season') return 'season';
	if (value.type === 'Decade') return 'decade';
	if (value.type === 'Century') return 'century';
	// Unspecified digits in a year: `199X` is a decade, `19XX` a century.
	const unspecified = /^-?\d+(X+)$/.exec(value.edtf.replace(/[~?%]/g, ''));
	if (unspecified) return unspecified[1].length === 1 ? 'decade' : 'century';
	if (value.unspecified && value.unspecified.value) {
		throw new DateError(`"${value.edtf}" has unspecified digits this site does not show (only whole decades "199X" and centuries "19XX")`);
	}
	return (['year', 'year', 'month', 'day'] as const)[value.precision] ?? 'day';
}

function point(value: EdtfValue): DatePoint {
	if (!Number.isFinite(value.min) || !Number.isFinite(value.max)) {
		throw new DateError(`"${value.edtf}" is open-ended; give both ends of the interval`);
	}
	return {
		edtf: value.edtf,
		precision: precisionOf(value),
		min: value.min,
		max: value.max,
		approximate: Boolean(value.approximate?.value),
		uncertain: Boolean(value.uncertain?.value),
	};
}

/**
 * Dates already parsed, by their text. EDTF parsing is the slow part of deriving the model (about
 * 0.5 ms a date): the schema and the timeline both parse each date, and `astro dev` derives the
 * model again after every edit, mostly of dates it has seen. Results are never changed by callers.
 */
const parsed = new LRUCache<string, ParsedDate>({ max: 10_000 });

/** Parses one EDTF date or interval; throws a `DateError` saying what is wrong. */
export function parseDate(text: string): ParsedDate {
	const known = parsed.get(text);
	if (known) return known;
	const date = parseUncached(text);
	parsed.set(text, date);
	return date;
}

function parseUncached(text: string): ParsedDate {
	let value: EdtfValue;
	try {
		value = edtf(text);
	} catch (error) {
		const lines = (error instanceof Error ? error.message : String(error)).split('\n');
		const reason = [lines[0], lines.find((line) => line.startsWith('Unexpected'))].filter(Boolean).join(' ');
		throw new DateError(`"${text}" is not a valid EDTF date (${reason})`);
	}
	if (value.type === 'Interval') {
		// EDTF's open end (`..`): the interval goes on. An unknown end (`1962/`) or an open start
		// (`../1900`) has no place on a timeline.
		if (value.lower && Number.isFinite(value.lower.min) && /\/\.\.$/.test(text)) {
			const start = point(value.lower);
			return { edtf: text, start, end: start, interval: true, ongoing: true };
		}
		if (!value.lower || !value.upper || !Number.isFinite(value.min) || !Number.isFinite(value.max)) {
			throw new DateError(`"${text}" leaves an end open or unknown; give both ends, or ".." after the start of an interval still going on ("1962/..")`);
		}
		const start = point(value.lower);
		const end = point(value.upper);
		if (start.min > end.max) throw new DateError(`"${text}" ends before it starts`);
		return { edtf: text, start, end, interval: true };
	}
	if (value.type === 'List' || value.type === 'Set') {
		throw new DateError(`"${text}" is a set of dates; give one date or one interval`);
	}
	const single = point(value);
	return { edtf: text, start: single, end: single, interval: false };
}

/** True when the text is a valid EDTF date this site can show. */
export function isValidDate(text: string): boolean {
	try {
		parseDate(text);
		return true;
	} catch {
		return false;
	}
}

/** An interval still going on, drawn up to `now` (the time of writing); any other date as it is. */
export const openTo = (date: ParsedDate, now: ParsedDate): ParsedDate =>
	date.ongoing ? { ...date, end: now.end.max > date.start.max ? now.end : date.start } : date;

/** True when two dates share at least one moment. */
export function overlaps(a: ParsedDate, b: ParsedDate): boolean {
	return a.start.min <= b.end.max && b.start.min <= a.end.max;
}
