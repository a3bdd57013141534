/**
 * EDTF dates (ISO 8601-2), parsed by the `edtf` package and turned into what a reader and a
 * browser need: a human label ("April 1978", "the 1990s", "1945–1978") and the values of
 * `<time datetime>` at the date's own precision.
 */
import edtf, { format } from 'edtf';
import { LANGUAGE } from '../site.config';

const LOCALE = LANGUAGE.region;
/** EDTF season codes (21–24 seasons, 33–36 quarters, 40–41 halves) as words. */
const SEASONS: Record<number, string> = {
	21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter',
	25: 'spring', 26: 'summer', 27: 'autumn', 28: 'winter',
	29: 'spring', 30: 'summer', 31: 'autumn', 32: 'winter',
	33: 'the first quarter of', 34: 'the second quarter of', 35: 'the third quarter of', 36: 'the last quarter of',
	40: 'the first half of', 41: 'the second half of',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** How exact a single date is. */
export type Precision = 'day' | 'month' | 'season' | 'year' | 'decade' | 'century';

/** One end of a date: an exact day, a month, a year, or a whole decade or century. */
export interface DatePoint {
	/** The EDTF text of this point, e.g. `1978-04` or `199X`. */
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

/** Parses one EDTF date or interval; throws a `DateError` saying what is wrong. */
export function parseDate(text: string): ParsedDate {
	let value: EdtfValue;
	try {
		value = edtf(text);
	} catch (error) {
		const lines = (error instanceof Error ? error.message : String(error)).split('\n');
		const reason = [lines[0], lines.find((line) => line.startsWith('Unexpected'))].filter(Boolean).join(' ');
		throw new DateError(`"${text}" is not a valid EDTF date (${reason})`);
	}
	if (value.type === 'Interval') {
		if (!value.lower || !value.upper || !Number.isFinite(value.min) || !Number.isFinite(value.max)) throw new DateError(`"${text}" is open-ended; give both ends of the interval`);
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

function utc(ms: number) {
	const d = new Date(ms);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The `datetime` attribute of a point, at its precision (decades and centuries: their first year). */
export function machineDate(p: DatePoint): string {
	const { year, month, day } = utc(p.min);
	switch (p.precision) {
		case 'day':
			return `${pad(year, 4)}-${pad(month + 1)}-${pad(day)}`;
		case 'month':
			return `${pad(year, 4)}-${pad(month + 1)}`;
		default:
			return pad(year, 4);
	}
}

function qualify(label: string, p: DatePoint): string {
	const approx = p.approximate ? `c. ${label}` : label;
	return p.uncertain ? `${approx} (?)` : approx;
}

function bareLabel(p: DatePoint): string {
	const { year } = utc(p.min);
	switch (p.precision) {
		case 'decade':
			return `the ${year}s`;
		case 'century':
			return `the ${year}s`;
		case 'season': {
			const code = Number(/-(\d{2})\b/.exec(p.edtf)?.[1]);
			return `${SEASONS[code] ?? 'part of'} ${year}`;
		}
		default: {
			// The `edtf` package formats by precision: "1978", "April 1978", "27 April 1978".
			const plain = edtf(p.edtf.replace(/[~?%]/g, ''));
			return format(plain, LOCALE, { month: 'long' });
		}
	}
}

/** A point as a reader says it: "April 1978", "the 1990s", "c. 1979". */
export function humanPoint(p: DatePoint): string {
	return qualify(bareLabel(p), p);
}

/** One part of a date as shown: its words and its `<time datetime>` value. */
export interface DatePart {
	text: string;
	datetime: string;
}

/**
 * A date or interval as the parts a page shows: one part, or two joined by `joiner`.
 * "September–October 1979" is `September` (1979-09) + `–` + `October 1979` (1979-10).
 */
export function humanParts(date: ParsedDate): { parts: DatePart[]; joiner: string } {
	const { start, end } = date;
	if (!date.interval) return { parts: [{ text: humanPoint(start), datetime: machineDate(start) }], joiner: '' };
	const a = utc(start.min);
	const b = utc(end.min);
	const plain = !start.approximate && !start.uncertain && !end.approximate && !end.uncertain;
	const to = { text: humanPoint(end), datetime: machineDate(end) };
	if (plain && start.precision === 'month' && end.precision === 'month' && a.year === b.year) {
		return { parts: [{ text: MONTHS[a.month], datetime: machineDate(start) }, to], joiner: '–' };
	}
	const from = { text: humanPoint(start), datetime: machineDate(start) };
	// Spaced en dash between multi-word ends ("April 1978 – December 1979"), closed between years.
	const spaced = from.text.includes(' ') || to.text.includes(' ');
	return { parts: [from, to], joiner: spaced ? ' – ' : '–' };
}

/** A date or interval as a reader says it: "April 1978", "1945–1978", "September–October 1979". */
export function humanDate(date: ParsedDate): string {
	const { parts, joiner } = humanParts(date);
	return parts.map((part) => part.text).join(joiner);
}

/** A short label for tight spaces: "Apr 1978", "1945–1978", "1990s". */
export function shortDate(date: ParsedDate): string {
	const short = (p: DatePoint) => {
		const { year, month, day } = utc(p.min);
		const base =
			p.precision === 'decade' || p.precision === 'century'
				? `${year}s`
				: p.precision === 'day'
					? `${day} ${MONTHS[month].slice(0, 3)} ${year}`
					: p.precision === 'month'
						? `${MONTHS[month].slice(0, 3)} ${year}`
						: bareLabel(p);
		return qualify(base, p);
	};
	if (!date.interval) return short(date.start);
	const a = utc(date.start.min).year;
	const b = utc(date.end.min).year;
	if (date.start.precision === 'month' && date.end.precision === 'month' && a === b) {
		return `${MONTHS[utc(date.start.min).month].slice(0, 3)}–${short(date.end)}`;
	}
	return `${short(date.start)}–${short(date.end)}`;
}

/** True when two dates share at least one moment. */
export function overlaps(a: ParsedDate, b: ParsedDate): boolean {
	return a.start.min <= b.end.max && b.start.min <= a.end.max;
}
