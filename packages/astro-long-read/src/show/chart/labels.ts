/**
 * A label beside its mark: anchored at the mark's start or end, or flush with an edge, so that it
 * stays inside the plot. Label widths are in px and checked at the narrowest width the picture is
 * drawn at (`minWidth`): a label that clears its neighbours there clears them at every wider width
 * too, since a fixed-px label takes a smaller fraction of a wider plot.
 */
import type { Extent } from './lanes';

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
