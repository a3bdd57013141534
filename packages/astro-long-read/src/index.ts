/**
 * astro-long-read: one long MDX text as a reading site. This integration hands its options to the
 * content collections and the page model (`config.ts`), adds MDX with the steps that check and
 * shape the long read's files (`content/markdown/`), sets the site's Content-Security-Policy (in
 * every page's `<meta>`, in `_headers` for hosts that read it, and in `astro preview`'s
 * responses) and adds the steps that work on the built site — the build cache they share,
 * `_headers`, the redirect rules of former URLs, the Pagefind index, and the precompressed
 * `.gz`/`.br` copies — in the order they need: the cache first, the copies last, after every
 * other file is written.
 *
 *     // astro.config.mjs
 *     integrations: [longRead({ content: './content', search: true }), …]
 *
 * Its options are checked when the config loads: a wrong one stops `astro dev` and `astro build`
 * with a message naming it.
 */
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import { configModule, resolveConfig } from './config';
import { onFailureReload, reloadOnConnect } from './content/content-errors';
import { longReadProcessor } from './content/markdown/processor';
import { quietHeadInjectDirective } from './content/markdown/quiet-directive';
import { cardPainter } from './build/cards/painter';
import { type ExportName, exportRoutes } from './routes';
import { buildCache } from './build/build-cache';
import { pagefindIndex } from './build/pagefind';
import { PRECOMPRESS_DEFAULTS, precompress } from './build/precompress';
import { astroCsp, defaultSources, responseHeaders } from './build/security';
import { securityHeaders } from './build/security-headers';
import { redirectRules } from './build/redirect-rules';

const NAME = 'astro-long-read';

/** A colour as CSS writes it in hex: `#8a2b12`. */
const colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour in hex, e.g. "#8a2b12"');

/** A part switched on unless the options say `false`. */
const on = z.boolean().default(true);

export const LongReadOptionsSchema = z.strictObject({
	/** The content folder, from the project's root: `introduction.mdx` and `sections/*.mdx`. */
	content: z.string().min(1).default('./content'),
	/** The text's language: `tag` is every page's `lang`, `locale` the one its dates are written in. */
	language: z
		.strictObject({
			tag: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag, e.g. "en"'),
			locale: z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'must be a language and a region, e.g. "en-GB"'),
		})
		.default({ tag: 'en', locale: 'en-GB' }),
	/**
	 * What kind of text it is, in the words the pages use: `name` as a sentence says it ("an essay",
	 * in "The river and the town, an essay written …"), `label` as the social cards' kicker ("Essay").
	 */
	genre: z.strictObject({ name: z.string().trim().min(1), label: z.string().trim().min(1) }).default({ name: 'a long read', label: 'Long read' }),
	/** Where the text first appeared, if elsewhere: credited on the pages, in the book and the citations. */
	original: z.strictObject({ name: z.string().trim().min(1), url: z.url() }).optional(),
	/**
	 * The copies of the text the build writes beside the pages, each on unless switched off:
	 * `markdown` (each page's `index.md`), `llms` (`/llms.txt`, `/llms-full.txt`), `citations`
	 * (`/cite/<key>.bib`, `.ris`, `.json`), `epub` (`/book/<title>.epub`), `cards` (`/og/<page>.png`),
	 * `timelineJson` (`/timeline.json`, for TimelineJS), `robots` (`/robots.txt`).
	 */
	exports: z
		.strictObject({ markdown: on, llms: on, citations: on, epub: on, cards: on, timelineJson: on, robots: on } satisfies Record<ExportName, typeof on>)
		.prefault({}),
	/** The social cards' colours (a light palette: the cards are images, shown on every scheme). */
	card: z
		.strictObject({
			// Each may be given alone; the others keep these.
			colours: z
				.strictObject({
					bg: colour.default('#fdfcf9'),
					fg: colour.default('#1d1c1a'),
					muted: colour.default('#57534b'),
					rule: colour.default('#d9d4c7'),
					accent: colour.default('#8a2b12'),
					band: z.tuple([colour, colour]).default(['#c9c3b6', '#a9a397']),
				})
				.prefault({}),
		})
		.prefault({}),
	/** The site has a search page, `/search/`: Pagefind indexes the text pages mark with `data-pagefind-body`. */
	search: z.boolean().default(true),
	/**
	 * Write a `.gz` and a `.br` copy beside every text file, for hosts that serve them as they are
	 * (nginx `gzip_static`, Caddy `precompressed`); `false` for hosts that compress on their own.
	 */
	precompress: z
		.union([
			z.literal(false),
			z.strictObject({
				/** Up to how many bytes of text Brotli works at quality 11. */
				brotli11UpTo: z.number().int().nonnegative().default(PRECOMPRESS_DEFAULTS.brotli11UpTo),
				/** Up to how many bytes of text it works at quality 10 (beyond `brotli11UpTo`); beyond, at 5. */
				brotli10UpTo: z.number().int().nonnegative().default(PRECOMPRESS_DEFAULTS.brotli10UpTo),
			}),
		])
		.default(PRECOMPRESS_DEFAULTS),
	/**
	 * Directives of the Content-Security-Policy whose sources replace the defaults
	 * (`astro-long-read/security`'s `defaultSources`), e.g. `{ 'img-src': ["'self'", 'https://images.example.org'] }`.
	 */
	csp: z.record(z.string().regex(/^[a-z]+(-[a-z]+)*$/), z.array(z.string().min(1)).min(1)).default({}),
});

/** What `longRead()` accepts: every option may be left out. */
export type LongReadUserOptions = z.input<typeof LongReadOptionsSchema>;
export type LongReadOptions = z.output<typeof LongReadOptionsSchema>;

/**
 * A union's issues as the branch the value took the shape of reports them (`precompress: { … }`
 * is the object, not `false`): Zod names the union alone ("Invalid input") when a branch fails on
 * a type, not on a check.
 */
function insideUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
	if (issue.code !== 'invalid_union') return [issue];
	const inside = issue.errors.filter((branch) => branch.length > 0 && branch.every((problem) => problem.path.length > 0));
	if (inside.length !== 1) return [issue];
	return inside[0]!.flatMap((problem) => insideUnion({ ...problem, path: [...issue.path, ...problem.path] }));
}

/** The options with their defaults, or an error naming each wrong one as it is written in the config. */
export function parseOptions(input: unknown): LongReadOptions {
	const parsed = LongReadOptionsSchema.safeParse(input ?? {});
	if (parsed.success) return parsed.data;
	const problems = parsed.error.issues.flatMap(insideUnion).map((issue) => {
		const at = issue.path.length ? `\`${issue.path.join('.')}\`` : 'the options';
		return `  - ${at}: ${issue.message}`;
	});
	throw new Error(`${NAME}: invalid options in longRead({ … }) in astro.config.mjs:\n${problems.join('\n')}`);
}

export default function longRead(userOptions?: LongReadUserOptions): AstroIntegration {
	const options = parseOptions(userOptions);
	return {
		name: NAME,
		hooks: {
			'astro:config:setup': ({ config, command, updateConfig, injectRoute }) => {
				// HTML's own white-space rules, as browsers apply them: a line break between two inline
				// elements stays a space. Astro 7's default ('jsx') drops it, which glues the components'
				// words together ("isa", wrapped timeline labels); JSX rules save under 1% of the compressed
				// HTML. A site that keeps all white space (`false`) keeps it.
				if (config.compressHTML === 'jsx') updateConfig({ compressHTML: true });
				// What the content, the model and the pages read of the options.
				const resolved = resolveConfig(options, fileURLToPath(config.root));
				updateConfig({ vite: { plugins: [configModule(resolved)] } });
				// The policy: every page carries it in a <meta> tag with Astro's hashes of what it emits
				// (it holds where a host sends no headers); `_headers` and `astro preview` repeat it,
				// with what only a header can say.
				const sources = { ...defaultSources, ...options.csp };
				updateConfig({ security: { csp: astroCsp(sources) } });
				if (command === 'preview') updateConfig({ server: { headers: responseHeaders(sources) } });
				// Right after this one: the cache the expensive steps share (Astro's cacheDir).
				const self = config.integrations.findIndex((integration) => integration.name === NAME);
				// MDX, with the long read's steps on its content folder; a site lists no mdx() of its own.
				if (config.integrations.some((integration) => integration.name === '@astrojs/mdx')) {
					throw new Error(`${NAME}: remove mdx() from the integrations in astro.config.mjs: longRead() adds it, with the steps that check and shape the long read's MDX`);
				}
				// Without the one warning every MDX module gives Rolldown (quiet-directive.ts).
				const theirs = config.vite?.build?.rolldownOptions?.onLog;
				updateConfig({ vite: { build: { rolldownOptions: { onLog: quietHeadInjectDirective(theirs) } } } });
				// The article has no code: Shiki's inline styles would also break the Content-Security-Policy.
				config.integrations.splice(self + 1, 0, buildCache(), mdx({ processor: longReadProcessor(resolved.content.dir), syntaxHighlight: false }));
				// The copies of the text, as routes of the site; the social cards drawn in worker threads.
				for (const route of exportRoutes(options.exports)) injectRoute(route);
				if (options.exports.cards || options.exports.epub) config.integrations.push(cardPainter());
				config.integrations.push(securityHeaders(sources), redirectRules());
				// Last, once every other integration has written its files: the search index, then the copies of everything.
				if (options.search) config.integrations.push(pagefindIndex());
				if (options.precompress) config.integrations.push(precompress(options.precompress));
			},
			// In `astro dev`: a content file an edit broke reloads the open pages, which then show
			// Astro's error overlay naming the file and the field.
			'astro:server:setup': ({ server }) => {
				onFailureReload(() => server.ws.send({ type: 'full-reload', path: '*' }));
				// A page that was loading when the reload went out connects afterwards, and is told then.
				server.ws.on('vite:client:connect', (_data, client) => {
					if (reloadOnConnect()) client.send({ type: 'full-reload', path: '*' });
				});
			},
		},
	};
}
