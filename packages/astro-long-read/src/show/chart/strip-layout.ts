/**
 * The compact strip on the overview, on each section page and on the social cards: the whole axis
 * in one line, the sections' eras as a band (the current one highlighted), each dated event as a
 * tick, decades and the publication marker. A long article's section page draws only its own era
 * and events (`stripScope`). Pure layout data, as for the full picture.
 */
import { listsEverySection } from '../../model/navigation';
import type { Era, Timeline } from '../../model/timeline';
import { type Tick, decadeTicks, timeScale } from './axis';
import { type EraBand, placeEras } from './eras';
import { shapeOf } from './shapes';

export interface StripOptions {
	minWidth: number;
	/** The era to highlight: a section's id; none on the overview. */
	current?: string | undefined;
	/** Scales every size (the social cards draw the strip at twice the size). */
	scale?: number;
	/**
	 * Label the eras with their titles, or (where titles do not fit) with their numbers; the current
	 * era always gets its title. Labels that would take more than `STRIP_LABEL_LANES` lines fall back
	 * to numbers, and numbers to none: a long text's list of sections names them instead.
	 */
	labels?: 'titles' | 'numbers';
	/**
	 * Draw every era and event (the default), or only the current era and its events on the
	 * whole axis: what a section page of a long article shows, so that each page costs its own
	 * events rather than the whole timeline's.
	 */
	scope?: 'all' | 'current';
}

export interface StripLayout {
	height: number;
	/** First and last millisecond of the axis. */
	domain: [number, number];
	fontSize: number;
	eras: (EraBand & { current: boolean })[];
	/** The eras' band: top and height, px. */
	bandY: number;
	bandHeight: number;
	/** One tick per dated event, under the bands: at a point's centre, at a span's start. */
	events: { id: string; x: number; epilogue: boolean; current: boolean }[];
	eventY: number;
	eventHeight: number;
	ticks: Tick[];
	tickY: number;
	/** The publication marker (its date is in the caption). */
	published: number;
	current?: EraBand;
}

/**
 * What a section's strip draws: every era while the article is short enough for every page to
 * list its sections (`listsEverySection`), otherwise the section's own era and events.
 */
export const stripScope = (timeline: Timeline, current: string | undefined): 'all' | 'current' =>
	current !== undefined && !listsEverySection(timeline.eras.length) ? 'current' : 'all';

/** Lines of era labels a strip may take above its band. */
export const STRIP_LABEL_LANES = 3;

/** The ways to label the eras, from the most to the least words. */
const LABELLING = ['titles', 'numbers', 'none'] as const;

/** The whole axis in one line: the eras (one highlighted), the events as ticks, decades, publication. */
export function stripLayout(timeline: Timeline, options: StripOptions): StripLayout {
	const k = options.scale ?? 1;
	const fontSize = 12 * k;
	const scale = timeScale(timeline);
	const publishedX = scale(timeline.published.end.max);
	const labelWith = (labelling: (typeof LABELLING)[number]) => (era: Era, index: number) =>
		labelling === 'titles' || era.id === options.current ? era.title : labelling === 'numbers' ? String(index + 1) : '';
	const currentEra = options.current === undefined ? undefined : timeline.eraById.get(options.current);
	const only = options.scope === 'current';
	if (only && !currentEra) throw new RangeError(`stripLayout: scope "current" needs the id of an era, got ${options.current}`);
	const shown = only ? [currentEra!] : timeline.eras;
	const place = (labelling: (typeof LABELLING)[number]) => placeEras(shown, scale, { minWidth: options.minWidth, fontSize, top: 0, ribbon: 0, text: labelWith(labelling) });
	const laneCount = (placed: ReturnType<typeof placeEras>) => Math.max(0, ...placed.bands.filter((band) => band.text).map((band) => band.lane + 1));
	const [preferred, ...fallbacks] = LABELLING.slice(LABELLING.indexOf(options.labels ?? 'titles'));
	let header = place(preferred!);
	for (const labelling of fallbacks) {
		if (laneCount(header) <= STRIP_LABEL_LANES) break;
		header = place(labelling);
	}
	const bandY = header.bottom + 2 * k;
	const bandHeight = 12 * k;
	const eventY = bandY + bandHeight + 3 * k;
	const eventHeight = 8 * k;
	const tickY = eventY + eventHeight + fontSize + 3 * k;
	const dated = only ? currentEra!.events : timeline.dated;
	const events = dated.map((event) => ({
		id: event.id,
		x: shapeOf(event.date) === 'point' ? scale((event.date.start.min + event.date.end.max) / 2) : scale(event.date.start.min),
		epilogue: event.place === 'epilogue',
		current: options.current !== undefined && event.place === 'era' && event.source.id === options.current,
	}));
	const eras = header.bands.map((band) => ({ ...band, current: band.id === options.current }));
	const [from, to] = scale.domain().map((date) => date.getTime()) as [number, number];
	return {
		height: Math.ceil(tickY + 4 * k),
		domain: [from, to],
		fontSize,
		eras,
		bandY,
		bandHeight,
		events,
		eventY,
		eventHeight,
		ticks: decadeTicks(scale, options.minWidth, fontSize, 6 * k),
		tickY,
		published: publishedX,
		current: eras.find((era) => era.current),
	};
}
