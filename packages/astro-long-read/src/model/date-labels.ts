/**
 * Parsed dates as a reader and a browser need them: a human label ("April 1931", "the 1990s",
 * "1900–1931"), a short one for tight spaces ("Apr 1931"), and the values of `<time datetime>`
 * at the date's own precision.
 */
import edtf, { format } from 'edtf';
import type { DatePoint, ParsedDate } from '../content/dates';

/** Month names are written in British English for now; a language option for them is still to come. */
const LOCALE = 'en-GB';
/** EDTF season codes (21–24 seasons, 33–36 quarters, 40–41 halves) as words. */
const SEASONS: Record<number, string> = {
	21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter',
	25: 'spring', 26: 'summer', 27: 'autumn', 28: 'winter',
	29: 'spring', 30: 'summer', 31: 'autumn', 32: 'winter',
	33: 'the first quarter of', 34: 'the second quarter of', 35: 'the third quarter of', 36: 'the last quarter of',
	40: 'the first half of', 41: 'the second half of',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

/**
 * Labels by precision and EDTF: the `edtf` package parses and formats a date again for each
 * label (about 2 ms), and a long read's pages show each date many times (its section, the
 * timeline, the whole article, the copies).
 */
const labels = new Map<string, string>();

function bareLabel(p: DatePoint): string {
	const key = `${p.precision} ${p.edtf}`;
	let label = labels.get(key);
	if (label === undefined) labels.set(key, (label = freshLabel(p)));
	return label;
}

function freshLabel(p: DatePoint): string {
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
			// The `edtf` package formats by precision: "1931", "April 1931", "27 April 1931".
			const plain = edtf(p.edtf.replace(/[~?%]/g, ''));
			return format(plain, LOCALE, { month: 'long' });
		}
	}
}

/** A point as a reader says it: "April 1931", "the 1990s", "c. 1932". */
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
 * "September–October 1932" is `September` (1932-09) + `–` + `October 1932` (1932-10).
 */
export function humanParts(date: ParsedDate): { parts: DatePart[]; joiner: string; lead: string } {
	const { start, end } = date;
	// An interval still going on: "since 1962".
	if (date.ongoing) return { parts: [{ text: humanPoint(start), datetime: machineDate(start) }], joiner: '', lead: 'since ' };
	if (!date.interval) return { parts: [{ text: humanPoint(start), datetime: machineDate(start) }], joiner: '', lead: '' };
	const a = utc(start.min);
	const b = utc(end.min);
	const plain = !start.approximate && !start.uncertain && !end.approximate && !end.uncertain;
	const to = { text: humanPoint(end), datetime: machineDate(end) };
	if (plain && start.precision === 'month' && end.precision === 'month' && a.year === b.year) {
		return { parts: [{ text: MONTHS[a.month], datetime: machineDate(start) }, to], joiner: '–', lead: '' };
	}
	const from = { text: humanPoint(start), datetime: machineDate(start) };
	// Spaced en dash between multi-word ends ("April 1931 – December 1932"), closed between years.
	const spaced = from.text.includes(' ') || to.text.includes(' ');
	return { parts: [from, to], joiner: spaced ? ' – ' : '–', lead: '' };
}

/** A date or interval as a reader says it: "April 1931", "1900–1931", "September–October 1932". */
export function humanDate(date: ParsedDate): string {
	const { parts, joiner, lead } = humanParts(date);
	return lead + parts.map((part) => part.text).join(joiner);
}

/** A short label for tight spaces: "Apr 1931", "1900–1931", "1990s". */
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
	if (date.ongoing) return `${short(date.start)}–`;
	if (!date.interval) return short(date.start);
	const a = utc(date.start.min).year;
	const b = utc(date.end.min).year;
	if (date.start.precision === 'month' && date.end.precision === 'month' && a === b) {
		return `${MONTHS[utc(date.start.min).month].slice(0, 3)}–${short(date.end)}`;
	}
	return `${short(date.start)}–${short(date.end)}`;
}
