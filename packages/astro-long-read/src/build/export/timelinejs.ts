/**
 * The timeline in TimelineJS3's JSON format, so that anyone can load it into TimelineJS:
 * https://timeline.knightlab.com/docs/json-format.html
 * Eras are the sections; each event keeps its id as `unique_id`. Events the article does not
 * date cannot be placed on TimelineJS's axis: they are named in the title slide instead.
 * The slides' texts are HTML, built as hast (hastscript) and written by hast-util-to-html.
 */
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { humanDate } from '../../model/date-labels';
import type { DatePoint, ParsedDate } from '../../content/dates';
import type { Timeline, TimelineEvent } from '../../model/timeline';

export interface TimelineJSDate {
	year: number;
	month?: number;
	day?: number;
	display_date?: string;
}

export interface TimelineJSSlide {
	start_date?: TimelineJSDate;
	end_date?: TimelineJSDate;
	display_date?: string;
	text: { headline: string; text?: string };
	group?: string;
	unique_id?: string;
	background?: { url?: string; color?: string };
}

export interface TimelineJSDocument {
	title: TimelineJSSlide;
	events: TimelineJSSlide[];
	eras: { start_date: TimelineJSDate; end_date: TimelineJSDate; text: { headline: string } }[];
}

/** A point at its own precision: a month gives year and month, a decade its first year. */
function startOf(point: DatePoint): TimelineJSDate {
	const d = new Date(point.min);
	const date: TimelineJSDate = { year: d.getUTCFullYear() };
	if (point.precision === 'month' || point.precision === 'day') date.month = d.getUTCMonth() + 1;
	if (point.precision === 'day') date.day = d.getUTCDate();
	return date;
}

/** The last unit a point covers: `199X` ends in 1999, `1932` in 1932. */
function endOf(point: DatePoint): TimelineJSDate {
	if (point.precision !== 'decade' && point.precision !== 'century' && point.precision !== 'season') return startOf(point);
	const d = new Date(point.max);
	return point.precision === 'season' ? { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 } : { year: d.getUTCFullYear() };
}

function span(date: ParsedDate): Pick<TimelineJSSlide, 'start_date' | 'end_date'> {
	const start = startOf(date.start);
	const end = endOf(date.end);
	const same = JSON.stringify(start) === JSON.stringify(end);
	return same ? { start_date: start } : { start_date: start, end_date: end };
}

export interface ExportOptions {
	title: string;
	description: string;
	/** Turns a site path into the URL written in the export (absolute when the site has one). */
	absolute: (pathname: string) => string;
	/** The name of the group for the epilogue. */
	epilogueGroup?: string;
}

function slide(event: TimelineEvent, group: string, options: ExportOptions): TimelineJSSlide {
	if (!event.date) throw new Error(`event ${event.id} has no date`);
	const text = h(null, [
		event.when ? h('p', `The article says “${event.when}”.`) : null,
		event.precision ? h('p', `Editorial note: ${event.precision}.`) : null,
		h('p', h('a', { href: options.absolute(event.sentenceHref) }, `Read it in “${event.source.title}”`)),
	]);
	return {
		...span(event.date),
		display_date: event.human,
		text: { headline: event.label, text: toHtml(text) },
		group,
		unique_id: event.id,
	};
}

export function toTimelineJS(timeline: Timeline, options: ExportOptions): TimelineJSDocument {
	const epilogueGroup = options.epilogueGroup ?? 'After publication';
	const text = h(null, [
		h('p', options.description),
		h('p', `Written ${humanDate(timeline.published)} (inferred from the text). Dates and notes are editorial.`),
		timeline.undated.length ? h('p', `Not dated in the article, so not on this axis: ${timeline.undated.map((event) => event.label).join('; ')}.`) : null,
	]);
	return {
		title: {
			// The title's headline is HTML (the title as its text); the events' are given as they are.
			text: { headline: toHtml({ type: 'text', value: options.title }), text: toHtml(text) },
		},
		events: [
			...timeline.eras.flatMap((era) => era.events.map((event) => slide(event, era.title, options))),
			...timeline.epilogue.map((event) => slide(event, epilogueGroup, options)),
		],
		eras: timeline.eras.map((era) => ({
			start_date: startOf(era.period.start),
			end_date: endOf(era.period.end),
			text: { headline: era.title },
		})),
	};
}
