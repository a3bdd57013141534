/**
 * The site's constants, defined once: where the article first appeared and the language it is
 * written in (both handed to astro-long-read in astro.config.mjs), the screen widths the site is
 * tested at, and the widths the timeline's pictures are laid out for (from astro-long-read).
 * Components, the benchmark and the tests read them from here.
 */

/** The first publication: credited on every page, never made our canonical URL. */
export const ORIGINAL = { name: 'Daily Times', url: 'https://dailytimes.com.pk/926224/russias-taliban-policy' } as const;

/** The article's language: `lang` of every page and the book, and `og:locale`. */
export const LANGUAGE = { tag: 'en', region: 'en-GB', ogLocale: 'en_GB' } as const;

/** The timeline pictures' widths, as astro-long-read lays them out (its components' CSS shows the one that fits). */
export { PLOT, PLOT_VARIANTS, STRIP_LABELS, type PlotVariant } from 'astro-long-read/show/chart/plot';

/**
 * The screen widths the site is laid out and tested for, CSS px: the narrowest phone it
 * supports, a common phone, and a desktop (whose half is its 200% zoom).
 */
export const SCREENS = { narrowest: 320, phone: 375, desktop: 1280 } as const;

