/**
 * The timeline, built once from the events declared in the content. Pure: plain data in, plain
 * data out, so the list, the pages and any export share one model.
 *
 * Rules (documented in docs/architecture.md, "How the timeline is ordered"):
 * - Dated events sit in the era of the section that declares them, in chronological order:
 *   by start, then by end (the shorter first), then in the order they are declared.
 * - Events the article does not date ("For years") are listed apart, in reading order.
 * - Events after the article was written form the epilogue, shown after the article's events.
 */
import { humanDate, shortDate } from './date-labels';
import { type ParsedDate, openTo, overlaps, parseDate } from '../content/dates';
import { ContentError } from '../content/errors';

/** An event as declared in a content file's frontmatter. */
export interface EventInput {
	id: string;
	label: string;
	date?: string;
	when?: string;
	precision?: string;
	sentence: string;
}

/** A content file that declares events: the introduction or a section. */
export interface SourceInput {
	id: string;
	/** The content file, for error messages. */
	file: string;
	title: string;
	/** The page the file is read on. */
	href: string;
	/** The section's period (EDTF interval); none for the introduction, which is no era. */
	period?: string;
	events: readonly EventInput[];
}

export interface TimelineEvent {
	id: string;
	label: string;
	when?: string;
	precision?: string;
	date?: ParsedDate;
	/** "April 1931", "the 1990s"; undefined for undated events. */
	human?: string;
	/** "Apr 1931", for the markers beside the sentences. */
	short?: string;
	/** The page and file that declare the event. */
	source: Pick<SourceInput, 'id' | 'title' | 'href' | 'file'>;
	sentence: string;
	/** Link to the sentence that mentions the event. */
	sentenceHref: string;
	/** Link to the event's entry on the timeline page. */
	entryHref: string;
	/** Where the event is listed: in its section's era, with the undated events, or in the epilogue. */
	place: 'era' | 'undated' | 'epilogue';
}

/** An event with a date: in an era or in the epilogue. */
export type DatedEvent = TimelineEvent & { date: ParsedDate };

export interface Era {
	id: string;
	/** Position among the eras (reading order), from 0. */
	index: number;
	title: string;
	href: string;
	period: ParsedDate;
	/** "1900–1940" */
	human: string;
	events: DatedEvent[];
}

export interface Timeline {
	eras: Era[];
	/** Events the article gives no date for. */
	undated: TimelineEvent[];
	/** What happened after the article was written. */
	epilogue: DatedEvent[];
	/** Every event, in the order shown: eras, then undated, then epilogue. */
	events: TimelineEvent[];
	/** The events with a date, in the order shown: the eras', then the epilogue's. */
	dated: DatedEvent[];
	/** Each sentence id and the events that point at it, in the order shown. */
	bySentence: Map<string, TimelineEvent[]>;
	/** Each source (section or introduction) id and the events it declares, in the order shown. */
	bySource: Map<string, TimelineEvent[]>;
	/** Each era by its section's id. */
	eraById: Map<string, Era>;
	/** When the article was written (inferred); later events are the epilogue. */
	published: ParsedDate;
	/** The same, for a reader: "May 2021". */
	publishedHuman: string;
	/** Problems that do not stop the build, such as an event outside its section's period. */
	warnings: string[];
}

export interface TimelineOptions {
	/** When the article was written (EDTF); later events form the epilogue. */
	published: string;
	/** The timeline page's URL; entries are its fragments. */
	timelineHref: string;
}

const chronological = (a: { date: ParsedDate; order: number }, b: { date: ParsedDate; order: number }) =>
	a.date.start.min - b.date.start.min || a.date.end.max - b.date.end.max || a.order - b.order;

function parseField(value: string, file: string, field: string): ParsedDate {
	try {
		return parseDate(value);
	} catch (error) {
		throw new ContentError(file, field, error instanceof Error ? error.message : String(error));
	}
}

/** Builds the timeline; errors in the content throw a `ContentError` naming the file and field. */
export function buildTimeline(sources: readonly SourceInput[], options: TimelineOptions): Timeline {
	const published = parseDate(options.published);
	const seenEvent = new Map<string, string>();
	const seenSentence = new Map<string, string>();
	const warnings: string[] = [];
	const eras: Era[] = [];
	const undated: TimelineEvent[] = [];
	const later: { event: DatedEvent; date: ParsedDate; order: number }[] = [];
	let order = 0;

	for (const source of sources) {
		const period = source.period ? openTo(parseField(source.period, source.file, 'period'), published) : undefined;
		const dated: { event: DatedEvent; date: ParsedDate; order: number }[] = [];

		source.events.forEach((input, index) => {
			const field = `events[${index}]`;
			const first = seenEvent.get(input.id);
			if (first) throw new ContentError(source.file, `${field}.id`, `"${input.id}" is already the id of an event in ${first}`);
			seenEvent.set(input.id, source.file);
			const sentenceOwner = seenSentence.get(input.sentence);
			if (sentenceOwner && sentenceOwner !== source.file) {
				throw new ContentError(source.file, `${field}.sentence`, `"${input.sentence}" is also a sentence id in ${sentenceOwner}; sentence ids must be unique across the article`);
			}
			seenSentence.set(input.sentence, source.file);

			// An interval still going on runs up to the time of writing.
			const date = input.date === undefined ? undefined : openTo(parseField(input.date, source.file, `${field}.date`), published);
			const event: TimelineEvent = {
				id: input.id,
				label: input.label,
				when: input.when,
				precision: input.precision,
				date,
				human: date && humanDate(date),
				short: date && shortDate(date),
				source: { id: source.id, title: source.title, href: source.href, file: source.file },
				sentence: input.sentence,
				sentenceHref: `${source.href}#${input.sentence}`,
				entryHref: `${options.timelineHref}#${input.id}`,
				place: 'era',
			};
			order += 1;

			if (!date) {
				event.place = 'undated';
				return void undated.push(event);
			}
			if (date.start.min > published.end.max) {
				event.place = 'epilogue';
				return void later.push({ event: { ...event, date }, date, order });
			}
			if (!period) {
				throw new ContentError(source.file, `${field}.date`, `dates an event in a file that has no period; declare dated events in the section that tells them`);
			}
			if (!overlaps(date, period)) {
				warnings.push(`${source.file}: ${field}.date "${input.date}" lies outside the section's period "${source.period}"`);
			}
			dated.push({ event: { ...event, date }, date, order });
		});

		if (period) {
			eras.push({
				id: source.id,
				index: eras.length,
				title: source.title,
				href: source.href,
				period,
				human: humanDate(period),
				events: dated.sort(chronological).map((item) => item.event),
			});
		}
	}

	const epilogue = later.sort(chronological).map((item) => item.event);
	const dated = [...eras.flatMap((era) => era.events), ...epilogue];
	const events = [...eras.flatMap((era) => era.events), ...undated, ...epilogue];
	const bySentence = Map.groupBy(events, (event) => event.sentence);
	const bySource = Map.groupBy(events, (event) => event.source.id);
	const eraById = new Map(eras.map((era) => [era.id, era]));

	return { eras, undated, epilogue, events, dated, bySentence, bySource, eraById, published, publishedHuman: humanDate(published), warnings };
}
