/**
 * The site's constants, defined once: where the article first appeared, the language it is
 * written in (both handed to astro-long-read in astro.config.mjs), and the widths the timeline's
 * pictures are laid out for. Components, the export modules, the benchmark and the tests all read
 * them from here.
 */
/** The first publication: credited on every page, never made our canonical URL. */
export const ORIGINAL = { name: 'Daily Times', url: 'https://dailytimes.com.pk/926224/russias-taliban-policy' } as const;

/** The article's language: `lang` of every page and the book, and `og:locale`. */
export const LANGUAGE = { tag: 'en', region: 'en-GB', ogLocale: 'en_GB' } as const;

/**
 * The plot widths of the timeline's pictures, px. The narrow layout fits the reading column of a
 * 320 px screen (272 px) and wraps labels to the whole plot; the wide one starts at 560 px and
 * keeps labels to 300 px. CSS shows the variant that fits its column.
 */
export const PLOT = {
	narrow: { minWidth: 272, maxLabelWidth: 272 },
	wide: { minWidth: 560, maxLabelWidth: 300 },
} as const;

/** How the strip above each page labels the other sections: by number when narrow, by title when wide. */
export const STRIP_LABELS = { narrow: 'numbers', wide: 'titles' } as const;

/**
 * The screen widths the site is laid out and tested for, CSS px: the narrowest phone it
 * supports, a common phone, and a desktop (whose half is its 200% zoom).
 */
export const SCREENS = { narrowest: 320, phone: 375, desktop: 1280 } as const;

/** The variants of both pictures, narrow first. */
export const PLOT_VARIANTS = ['narrow', 'wide'] as const;
export type PlotVariant = (typeof PLOT_VARIANTS)[number];
