/**
 * The timeline as a picture, for /timeline/: from the timeline model (`buildTimeline`) to plain
 * layout data — era bands with the publication marker in the header, decade ticks, every dated
 * event as a mark with its label, packed into lanes, and the epilogue in its own block below —
 * that `ChartSvg.astro` draws. Pure: no DOM, no fonts to load, same input → same output.
 * Horizontal positions are fractions of the plot's width; vertical positions and text are in px.
 */
import { shortDate } from '../../model/date-labels';
import type { DatedEvent, Timeline } from '../../model/timeline';
import { type Tick, type TimeScale, decadeTicks, timeScale } from './axis';
import { type EraBand, placeEras } from './eras';
import { type PlacedLabel, labelExtent, placeLabel } from './labels';
import { inOrder, packLanes, union } from './lanes';
import { type Shape, isApproximate, shapeOf } from './shapes';
import { type LabelLine, wrapLabel } from './text';

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

export interface Mark {
	id: string;
	label: string;
	/** "Apr 1931", shown before the label. */
	date: string;
	/** "April 1931", for a title. */
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
function placeMarks(events: { event: DatedEvent; epilogue: boolean }[], scale: TimeScale, top: number, o: Required<ChartOptions> & { lineHeight: number; radius: number; gap: number }, out: Mark[]): number {
	const items = events.map(({ event, epilogue }) => {
		const { date } = event;
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
			approximate: isApproximate(item.event.date),
			epilogue: item.epilogue,
			lane,
			y: markY,
			text: { ...item.placed, lines: item.wrapped.lines, y: firstBaseline },
		});
	});
	return y;
}

/** The publication marker's label: "written May 2021". */
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
