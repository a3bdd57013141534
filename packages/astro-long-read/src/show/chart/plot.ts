/**
 * The widths the timeline's pictures are laid out for, px. The narrow layout fits the reading
 * column of a 320 px screen (272 px) and wraps labels to the whole plot; the wide one starts at
 * 560 px and keeps labels to 300 px. The components' CSS shows the variant that fits its column.
 */
export const PLOT = {
	narrow: { minWidth: 272, maxLabelWidth: 272 },
	wide: { minWidth: 560, maxLabelWidth: 300 },
} as const;

/** How the strip above each page labels the other sections: by number when narrow, by title when wide. */
export const STRIP_LABELS = { narrow: 'numbers', wide: 'titles' } as const;

/** The variants of both pictures, narrow first. */
export const PLOT_VARIANTS = ['narrow', 'wide'] as const;
export type PlotVariant = (typeof PLOT_VARIANTS)[number];
