/**
 * What the long read's content, model and pages need from `longRead({ … })`, resolved once from
 * the options and handed to them as the virtual module `virtual:astro-long-read/config` (the way
 * Starlight hands its user config to its routes): the content folder, the text's language and
 * where it first appeared.
 */
import path from 'node:path';

export interface LongReadConfig {
	content: {
		/** The content folder, absolute. */
		dir: string;
		/** The same folder as an author names it in messages, from the project's root: `content`. */
		folder: string;
		/** The record of every URL and anchor published (`content/published.json`), as messages name it. */
		manifest: string;
	};
	language: {
		/** The text's language: `lang` of every page and of the book (`en`). */
		tag: string;
		/** The locale its dates are written in (`en-GB`), and `og:locale` (`en_GB`). */
		locale: string;
		ogLocale: string;
	};
	/** What kind of text it is: "an essay" as a sentence says it, "Essay" as a kicker. */
	genre: Genre;
	/** Whether the site has a search page (`/search/`, indexed by Pagefind). */
	search: boolean;
	/** How the social cards look. */
	card: { colours: CardColours };
	/** Where the text first appeared, when it did elsewhere: credited, never made the canonical URL. */
	original: { name: string; url: string } | undefined;
}

/** The social cards' colours: background, text, muted text, rules, accent, and the two shades of the sections' bands. */
export interface CardColours {
	bg: string;
	fg: string;
	muted: string;
	rule: string;
	accent: string;
	band: readonly [string, string];
}

export interface Genre {
	name: string;
	label: string;
}

export interface ConfigInput {
	content: string;
	language: { tag: string; locale: string };
	genre: Genre;
	search: boolean;
	card: { colours: CardColours };
	original?: { name: string; url: string } | undefined;
}

/** The options resolved against the project's root (a path). */
export function resolveConfig(options: ConfigInput, root: string): LongReadConfig {
	const dir = path.resolve(root, options.content);
	const folder = path.relative(root, dir) || '.';
	return {
		content: { dir, folder, manifest: path.join(folder, 'published.json') },
		language: { ...options.language, ogLocale: options.language.locale.replace('-', '_') },
		genre: options.genre,
		search: options.search,
		card: options.card,
		original: options.original,
	};
}

export const CONFIG_MODULE = 'virtual:astro-long-read/config';

/** The Vite plugin that serves the resolved config to the package's modules. */
export function configModule(config: LongReadConfig) {
	const resolved = `\0${CONFIG_MODULE}`;
	return {
		name: 'astro-long-read:config',
		resolveId: (id: string) => (id === CONFIG_MODULE ? resolved : undefined),
		load: (id: string) => (id === resolved ? `export default ${JSON.stringify(config)};` : undefined),
	};
}
