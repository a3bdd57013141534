/**
 * The sections as eras on the axis: each era's span and its label, packed into header lanes so
 * that no two labels (nor, where ribbons are drawn, two spans) share a lane, with room for the
 * publication marker's label among them. Both the full picture and the strip draw their header
 * with it.
 */
import type { Era } from '../../model/timeline';
import type { TimeScale } from './axis';
import { type PlacedLabel, labelExtent, placeLabel } from './labels';
import { type Extent, inOrder, packLanes, union } from './lanes';
import { textWidth } from './text';

export interface EraBand {
	id: string;
	title: string;
	/** The label shown: the title, or in a narrow strip the section's number; none (`''`) where a strip names too many eras to label them. */
	text: string;
	/** "1900–1989" */
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

export interface EraOptions {
	minWidth: number;
	fontSize: number;
	/** The top of the first lane, px. */
	top: number;
	/** The height of the ribbon under each label, px; 0 for none. */
	ribbon: number;
	/** The label of an era (by default its title); `''` for none. */
	text?: (era: Era, index: number) => string;
	/** The publication marker, whose label takes a lane among the eras'. */
	published?: { x: number; text: string };
}

/** Era labels (and the publication marker's, if given) packed into header lanes, with the eras' ribbons. */
export function placeEras(eras: readonly Era[], scale: TimeScale, o: EraOptions) {
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
	// An era without a label (and without a ribbon) takes no lane: it is only its band.
	const packed = items.flatMap((item, index) => (item.text || ribbon ? [index] : []));
	const extents = packed.map((index) => items[index]!.extent);
	if (published) extents.push(union({ start: published.x, end: published.x }, labelExtent(published, minWidth), gap));
	const laneOf = inOrder(packLanes(extents), [...extents.keys()]);
	const lanes = items.map(() => 0);
	packed.forEach((index, k) => (lanes[index] = laneOf[k]!));
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
	const bottom = top + Math.max(0, ...laneOf.map((lane) => lane + 1)) * laneHeight;
	const label = published && { ...published, y: laneY(laneOf[packed.length]!) + fontSize };
	return { bands, label, bottom };
}
