/**
 * The timeline as a picture: from the timeline model (`buildTimeline`) to plain layout data —
 * x positions, lanes, shapes, ticks and era bands — that the SVG components and the social
 * cards draw. Pure: no DOM, no fonts to load, same input → same output.
 *
 * Horizontal positions are fractions of the plot's width (0 at the earliest date, 1 at the
 * latest), so a picture can be drawn with percentages and stretch with its column; vertical
 * positions and text are in px. Label widths are estimated from character widths and checked
 * against the narrowest width the picture is drawn at (`minWidth`): a label that clears its
 * neighbours there clears them at every wider width too, since a fixed-px label takes a smaller
 * fraction of a wider plot.
 */
import { scaleUtc } from 'd3-scale';
import { utcYear } from 'd3-time';
import { type ParsedDate, shortDate } from './dates';
import { listsEverySection } from './navigation';
import type { Era, Timeline, TimelineEvent } from './timeline';

// ---------------------------------------------------------------------------------------------
// Text

/** The printable ASCII characters and a little typographic punctuation, in this order… */
const MEASURED = ` !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_\`abcdefghijklmnopqrstuvwxyz{|}~’‘“”–—·é`;
/**
 * …and their advance widths in hundredths of an em: for each character the wider of DejaVu Sans
 * and Liberation Sans (Arial's metrics), the widest faces `system-ui` usually resolves to, so the
 * estimate errs on the wide side wherever the page is read.
 */
const REGULAR = [32,41,46,84,64,96,78,28,40,40,50,84,32,37,32,34,64,64,64,64,64,64,64,64,64,64,34,34,84,84,84,56,102,69,69,73,78,67,62,78,76,30,50,67,56,87,75,79,67,79,73,67,62,74,69,99,69,67,69,40,34,40,84,56,50,62,64,55,64,62,36,64,64,28,28,58,28,98,64,62,64,64,42,53,40,64,60,82,60,60,53,64,34,64,84,32,32,52,52,56,100,32,62];
const BOLD = [35,46,53,84,70,101,88,31,46,46,53,84,38,42,38,37,70,70,70,70,70,70,70,70,70,70,40,40,84,84,84,62,100,78,77,74,84,69,69,83,84,38,56,78,64,100,84,86,74,86,78,73,69,82,78,111,78,73,73,46,37,46,84,56,50,68,72,60,72,68,44,72,72,35,35,67,35,105,72,69,72,72,50,60,48,72,66,93,65,66,59,72,37,72,84,38,38,66,66,56,100,38,68];
const INDEX = new Map([...MEASURED].map((char, index) => [char, index]));
/** A margin for faces and hinting we did not measure. */
const SAFETY = 1.04;

/** The width of a line of text in px, estimated on the generous side. */
export function textWidth(text: string, fontSize: number, bold = false): number {
	const table = bold ? BOLD : REGULAR;
	let hundredths = 0;
	for (const char of text) {
		const index = INDEX.get(char);
		hundredths += index === undefined ? 100 : (table[index] ?? 100);
	}
	return (hundredths / 100) * fontSize * SAFETY;
}

/** One line of a label; the first may open with the date, set in bold. */
export interface LabelLine {
	date?: string;
	text: string;
}

/**
 * Breaks a label into lines no wider than `maxWidth` px, the first line opening with `date` in
 * bold. Words are never split; a word wider than the line gets a line of its own.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, date?: string): { lines: LabelLine[]; width: number } {
	const dateWidth = date ? textWidth(`${date} `, fontSize, true) : 0;
	const lines: LabelLine[] = [];
	const widths: number[] = [];
	let current = '';
	let used = dateWidth;
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = current ? `${current} ${word}` : word;
		const width = (lines.length === 0 ? dateWidth : 0) + textWidth(candidate, fontSize);
		if (current && width > maxWidth) {
			lines.push(lines.length === 0 && date ? { date, text: current } : { text: current });
			widths.push(used);
			current = word;
			used = textWidth(word, fontSize);
		} else {
			current = candidate;
			used = width;
		}
	}
	lines.push(lines.length === 0 && date ? { date, text: current } : { text: current });
	widths.push(used);
	return { lines, width: Math.max(...widths) };
}

// ---------------------------------------------------------------------------------------------
// Lanes

/** A stretch of the axis an item takes, label and mark together, as fractions of the width. */
export interface Extent {
	start: number;
	end: number;
}

/** A binary min-heap, enough for lane packing. */
class Heap<T> {
	private items: T[] = [];
	constructor(private readonly less: (a: T, b: T) => boolean) {}
	get size() {
		return this.items.length;
	}
	peek(): T | undefined {
		return this.items[0];
	}
	push(item: T) {
		const items = this.items;
		items.push(item);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.less(items[i]!, items[parent]!)) break;
			[items[i], items[parent]] = [items[parent]!, items[i]!];
			i = parent;
		}
	}
	pop(): T | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last !== undefined) {
			items[0] = last;
			let i = 0;
			for (;;) {
				const left = 2 * i + 1;
				const right = left + 1;
				let smallest = i;
				if (left < items.length && this.less(items[left]!, items[smallest]!)) smallest = left;
				if (right < items.length && this.less(items[right]!, items[smallest]!)) smallest = right;
				if (smallest === i) break;
				[items[i], items[smallest]] = [items[smallest]!, items[i]!];
				i = smallest;
			}
		}
		return top;
	}
}

/**
 * Greedy interval packing: items sorted by where they start, each put in the lowest lane that is
 * free by then. Items in one lane never overlap, and no packing uses fewer lanes. O(n log n).
 * Returns each item's lane, in the order the items were given.
 */
export function packLanes(extents: readonly Extent[]): number[] {
	const order = extents.map((extent, index) => ({ ...extent, index })).sort((a, b) => a.start - b.start || a.index - b.index);
	const busy = new Heap<{ end: number; lane: number }>((a, b) => a.end < b.end || (a.end === b.end && a.lane < b.lane));
	const free = new Heap<number>((a, b) => a < b);
	const lanes = new Array<number>(extents.length);
	let count = 0;
	for (const item of order) {
		while (busy.size && busy.peek()!.end < item.start) free.push(busy.pop()!.lane);
		const lane = free.size ? free.pop()! : count++;
		lanes[item.index] = lane;
		busy.push({ end: item.end, lane });
	}
	return lanes;
}

/**
 * Renumbers lanes so that they read in order from the top: by the smallest key (the earliest
 * date, or reading order) of the items in each. Items keep their lane-mates, so nothing overlaps.
 */
export function inOrder(lanes: readonly number[], keys: readonly number[]): number[] {
	const first = new Map<number, number>();
	lanes.forEach((lane, i) => first.set(lane, Math.min(first.get(lane) ?? Infinity, keys[i]!)));
	const rank = new Map([...first.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([lane], index) => [lane, index]));
	return lanes.map((lane) => rank.get(lane)!);
}

/** True when two extents share a point. */
export const overlap = (a: Extent, b: Extent) => a.start <= b.end && b.start <= a.end;

// ---------------------------------------------------------------------------------------------
// Scale, ticks, shapes

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
	const dates = [...timeline.eras.flatMap((era) => [era.period, ...era.events.map((event) => event.date)]), ...timeline.epilogue.map((event) => event.date), timeline.published].filter(
		(date): date is ParsedDate => date !== undefined,
	);
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

// ---------------------------------------------------------------------------------------------
// Placing a label beside its mark

export type Anchor = 'start' | 'end';

export interface PlacedLabel {
	/** Fraction of the width the text is anchored at. */
	x: number;
	anchor: Anchor;
	/** The text's estimated width in px. */
	width: number;
}

/**
 * Places a label of `width` px for a mark covering [x0, x1]: starting at the mark if it fits
 * there at `minWidth`, else ending at the mark's end, else flush with the edge nearer the mark.
 */
export function placeLabel(from: number, to: number, width: number, minWidth: number): PlacedLabel {
	const x0 = Math.max(0, from);
	const x1 = Math.min(1, to);
	if (x0 * minWidth + width <= minWidth) return { x: x0, anchor: 'start', width };
	if (x1 * minWidth - width >= 0) return { x: x1, anchor: 'end', width };
	return x0 + x1 < 1 ? { x: 0, anchor: 'start', width } : { x: 1, anchor: 'end', width };
}

/** The stretch a label takes at `minWidth`, the narrowest width: the widest it ever takes. */
export function labelExtent(label: PlacedLabel, minWidth: number): Extent {
	const span = label.width / minWidth;
	return label.anchor === 'start' ? { start: label.x, end: label.x + span } : { start: label.x - span, end: label.x };
}

const union = (a: Extent, b: Extent, gap: number): Extent => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) + gap });

// ---------------------------------------------------------------------------------------------
// The full picture

export interface ChartOptions {
	/** The narrowest plot width in px this layout is drawn at. */
	minWidth: number;
	/** The widest a label may be before it wraps, in px. */
	maxLabelWidth: number;
	/** Font sizes in px: event labels, era labels, tick labels. */
	fontSize?: number;
	eraFontSize?: number;
	tickFontSize?: number;
}

export interface EraBand {
	id: string;
	title: string;
	/** The label shown: the title, or in a narrow strip the section's number. */
	text: string;
	/** "1945–1989" */
	human: string;
	href: string;
	/** Position in reading order, from 0. */
	index: number;
	x0: number;
	x1: number;
	lane: number;
	label: PlacedLabel;
	/** Baseline of the label and top of the ribbon under it, in px. */
	labelY: number;
	ribbonY: number;
}

export interface Mark {
	id: string;
	label: string;
	/** "Apr 1978", shown before the label. */
	date: string;
	/** "April 1978", for a title. */
	human: string;
	href: string;
	shape: Shape;
	/** A bar's ends, or a point's date range (a month, a day). */
	x0: number;
	x1: number;
	/** A point's centre. */
	cx: number;
	approximate: boolean;
	/** After the article was written: the editorial epilogue. */
	epilogue: boolean;
	lane: number;
	/** Vertical centre of the mark, px. */
	y: number;
	text: PlacedLabel & { lines: LabelLine[]; /** Baseline of the first line, px. */ y: number };
}

export interface ChartLayout {
	/** Plot height in px. */
	height: number;
	fontSize: number;
	lineHeight: number;
	eraFontSize: number;
	tickFontSize: number;
	/** Point radius and bar height, px. */
	radius: number;
	barHeight: number;
	domain: [number, number];
	eras: EraBand[];
	ticks: Tick[];
	/** Baseline of the tick labels; the grid runs from `gridTop` to the bottom. */
	tickY: number;
	gridTop: number;
	marks: Mark[];
	published: { x: number; label: PlacedLabel & { text: string; y: number } };
	/** The epilogue's own block, below the article's events. */
	epilogue?: { x0: number; x1: number; top: number; headingY: number; heading: string };
	/** Events that cannot be placed, for the caption. */
	undated: { id: string; label: string; href: string }[];
}

/** Events of one block (the article's, or the epilogue) packed into lanes from `top`; returns the bottom. */
function placeMarks(events: { event: TimelineEvent; epilogue: boolean }[], scale: TimeScale, top: number, o: Required<ChartOptions> & { lineHeight: number; radius: number; gap: number }, out: Mark[]): number {
	const items = events.map(({ event, epilogue }) => {
		const date = event.date!;
		const shape = shapeOf(date);
		const x0 = scale(date.start.min);
		const x1 = scale(date.end.max);
		const cx = (x0 + x1) / 2;
		const markExtent = shape === 'point' ? { start: cx - o.radius / o.minWidth, end: cx + o.radius / o.minWidth } : { start: x0, end: x1 };
		const wrapped = wrapLabel(event.label, o.maxLabelWidth, o.fontSize, event.short);
		const placed = placeLabel(markExtent.start, markExtent.end, wrapped.width, o.minWidth);
		const extent = union(markExtent, labelExtent(placed, o.minWidth), o.gap / o.minWidth);
		return { event, epilogue, shape, x0, x1, cx, wrapped, placed, extent };
	});
	const lanes = inOrder(packLanes(items.map((item) => item.extent)), items.map((item) => item.x0));
	const laneCount = lanes.reduce((count, lane) => Math.max(count, lane + 1), 0);
	// Each lane is as tall as its longest label (found in one pass); labels sit right above their marks.
	const lines = new Array<number>(laneCount).fill(1);
	items.forEach((item, i) => {
		const lane = lanes[i]!;
		lines[lane] = Math.max(lines[lane]!, item.wrapped.lines.length);
	});
	const laneTop: number[] = [];
	let y = top;
	for (const count of lines) {
		laneTop.push(y);
		y += count * o.lineHeight + 2 * o.radius + o.gap;
	}
	items.forEach((item, i) => {
		const lane = lanes[i]!;
		const markY = laneTop[lane]! + lines[lane]! * o.lineHeight + o.radius + 2;
		const firstBaseline = markY - o.radius - 4 - (item.wrapped.lines.length - 1) * o.lineHeight - Math.round(o.fontSize * 0.25);
		out.push({
			id: item.event.id,
			label: item.event.label,
			date: item.event.short ?? '',
			human: item.event.human ?? '',
			href: item.event.entryHref,
			shape: item.shape,
			x0: item.x0,
			x1: item.x1,
			cx: item.cx,
			approximate: isApproximate(item.event.date!),
			epilogue: item.epilogue,
			lane,
			y: markY,
			text: { ...item.placed, lines: item.wrapped.lines, y: firstBaseline },
		});
	});
	return y;
}

/** Era labels (and the publication marker's, if given) packed into header lanes, with the eras' ribbons. */
function placeEras(
	eras: readonly Era[],
	scale: TimeScale,
	o: { minWidth: number; fontSize: number; top: number; ribbon: number; text?: (era: Era, index: number) => string; published?: { x: number; text: string } },
) {
	const { minWidth, fontSize, top, ribbon } = o;
	// With ribbons, each lane draws its eras' spans too; without, only the labels take room.
	const span = (x0: number, x1: number, label: PlacedLabel): Extent => (ribbon ? { start: x0, end: x1 } : labelExtent(label, minWidth));
	const gap = 10 / minWidth;
	const items = eras.map((era) => {
		const x0 = scale(era.period.start.min);
		const x1 = scale(era.period.end.max);
		const text = o.text?.(era, era.index) ?? era.title;
		const label = placeLabel(x0, x1, textWidth(text, fontSize, true), minWidth);
		return { era, text, x0, x1, label, extent: union(span(x0, x1, label), labelExtent(label, minWidth), gap) };
	});
	const published = o.published && { x: o.published.x, anchor: 'end' as const, width: textWidth(o.published.text, fontSize), text: o.published.text };
	const extents = items.map((item) => item.extent);
	if (published) extents.push(union({ start: published.x, end: published.x }, labelExtent(published, minWidth), gap));
	const lanes = inOrder(packLanes(extents), [...extents.keys()]);
	const laneHeight = Math.round(fontSize * (ribbon ? 1.35 : 1.3)) + ribbon;
	const laneY = (lane: number) => top + lane * laneHeight;
	const bands: EraBand[] = items.map((item, index) => ({
		id: item.era.id,
		title: item.era.title,
		text: item.text,
		human: item.era.human,
		href: item.era.href,
		index: item.era.index,
		x0: item.x0,
		x1: item.x1,
		lane: lanes[index]!,
		label: item.label,
		labelY: laneY(lanes[index]!) + fontSize,
		ribbonY: laneY(lanes[index]!) + Math.round(fontSize * 1.3),
	}));
	const bottom = top + Math.max(...lanes.map((lane) => lane + 1)) * laneHeight;
	const label = published && { ...published, y: laneY(lanes[items.length]!) + fontSize };
	return { bands, label, bottom };
}

/** The publication marker's label: "written Apr 2022". */
export const publishedText = (timeline: Timeline) => `written ${shortDate(timeline.published)}`;

/** The full picture: era bands, decade ticks, every dated event in lanes, the epilogue apart. */
export function chartLayout(timeline: Timeline, options: ChartOptions): ChartLayout {
	const o = {
		fontSize: 13,
		eraFontSize: 12,
		tickFontSize: 12,
		...options,
		lineHeight: Math.round((options.fontSize ?? 13) * 1.3),
		radius: 5,
		gap: 8,
	};
	const scale = timeScale(timeline);
	const [from, to] = scale.domain().map((date) => date.getTime()) as [number, number];
	const publishedX = scale(timeline.published.end.max);
	const header = placeEras(timeline.eras, scale, { minWidth: o.minWidth, fontSize: o.eraFontSize, top: 2, ribbon: 5, published: { x: publishedX, text: publishedText(timeline) } });
	const tickY = header.bottom + o.tickFontSize + 2;
	const gridTop = tickY + 6;
	const marks: Mark[] = [];
	let bottom = placeMarks(
		timeline.eras.flatMap((era) => era.events.map((event) => ({ event, epilogue: false }))),
		scale,
		gridTop + 4,
		o,
		marks,
	);
	let epilogue: ChartLayout['epilogue'];
	if (timeline.epilogue.length) {
		const top = bottom + 4;
		epilogue = { x0: publishedX, x1: 1, top, headingY: top + o.tickFontSize + 6, heading: 'After publication · editorial epilogue' };
		bottom = placeMarks(
			timeline.epilogue.map((event) => ({ event, epilogue: true })),
			scale,
			epilogue.headingY + 6,
			o,
			marks,
		);
	}
	return {
		height: Math.ceil(bottom),
		fontSize: o.fontSize,
		lineHeight: o.lineHeight,
		eraFontSize: o.eraFontSize,
		tickFontSize: o.tickFontSize,
		radius: o.radius,
		barHeight: 2 * o.radius,
		domain: [from, to],
		eras: header.bands,
		ticks: decadeTicks(scale, o.minWidth, o.tickFontSize, 6),
		tickY,
		gridTop,
		marks,
		published: { x: publishedX, label: header.label! },
		epilogue,
		undated: timeline.undated.map((event) => ({ id: event.id, label: event.label, href: event.entryHref })),
	};
}

// ---------------------------------------------------------------------------------------------
// The compact strip

export interface StripOptions {
	minWidth: number;
	/** The era to highlight: a section's id; none on the overview. */
	current?: string | undefined;
	/** Scales every size (the social cards draw the strip at twice the size). */
	scale?: number;
	/** Label the eras with their titles, or (where titles do not fit) with their numbers; the current era always gets its title. */
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

/** The whole axis in one line: the eras (one highlighted), the events as ticks, decades, publication. */
export function stripLayout(timeline: Timeline, options: StripOptions): StripLayout {
	const k = options.scale ?? 1;
	const fontSize = 12 * k;
	const scale = timeScale(timeline);
	const publishedX = scale(timeline.published.end.max);
	const text = (era: Era, index: number) => (options.labels === 'numbers' && era.id !== options.current ? String(index + 1) : era.title);
	const currentEra = options.current === undefined ? undefined : timeline.eraById.get(options.current);
	const only = options.scope === 'current';
	if (only && !currentEra) throw new RangeError(`stripLayout: scope "current" needs the id of an era, got ${options.current}`);
	const shown = only ? [currentEra!] : timeline.eras;
	const header = placeEras(shown, scale, { minWidth: options.minWidth, fontSize, top: 0, ribbon: 0, text });
	const bandY = header.bottom + 2 * k;
	const bandHeight = 12 * k;
	const eventY = bandY + bandHeight + 3 * k;
	const eventHeight = 8 * k;
	const tickY = eventY + eventHeight + fontSize + 3 * k;
	const dated = only ? currentEra!.events : [...timeline.eras.flatMap((era) => era.events), ...timeline.epilogue];
	const events = dated.map((event) => ({
		id: event.id,
		x: shapeOf(event.date!) === 'point' ? scale((event.date!.start.min + event.date!.end.max) / 2) : scale(event.date!.start.min),
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

/** A fraction of the width as an SVG length: `12.345%`. */
export const pct = (fraction: number) => `${Number((fraction * 100).toFixed(3))}%`;
