/**
 * The long read's content collections: one introduction and its sections, all MDX in the content
 * folder (`longRead({ content })`, `content/` by default). Every field the pages rely on is
 * declared and checked here, so bad content stops the build with the entry and the field named.
 * The loader (`checked-glob.ts`) checks what the schema cannot see: the folder's files, and URLs
 * and sentence ids across files. A site's `src/content.config.ts` is one line:
 *
 *     export const collections = longReadCollections();
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { checkedGlob } from './checked-glob';
import { ANCHOR_ID, ANCHOR_ID_RULE, type Part } from './content-files';
import { DateError, parseDate } from './dates';
import config from 'virtual:astro-long-read/config';

const base = config.content.dir;
const folder = config.content.folder;

/** Where the files are read from; any other file there that looks like content stops the build. */
const introductionFiles: Part = {
	folder: '',
	pattern: 'introduction.mdx',
	layout: `the introduction is ${folder}/introduction.mdx, and each section a ${folder}/sections/*.mdx file`,
};
const sectionFiles: Part = { folder: 'sections', pattern: '*.mdx', layout: `sections are read from ${folder}/sections/ itself, not from its subfolders` };

/** Ids become URL fragments and HTML ids: lower-case words joined by hyphens. */
const anchorId = z.string().regex(ANCHOR_ID, ANCHOR_ID_RULE);

// Astro reports missing fields and wrong types itself ("title: Required"); these say what is expected.
const text = (what: string) => z.string().trim().min(1, `must not be empty: ${what}`);

/** An EDTF date or interval (`1931-05`, `199X`, `1900/1989`, `~1820`, `1962/..`), checked with the `edtf` package. */
const edtfDate = z.string().superRefine((value, ctx) => {
	try {
		parseDate(value);
	} catch (error) {
		if (!(error instanceof DateError)) throw error;
		ctx.addIssue({ code: 'custom', message: error.message });
	}
});

/** An event of the timeline, declared beside the sentence that mentions it. */
const event = z
	.object({
		/** Stable id: the entry's fragment on /timeline/ (`/timeline/#great-flood`). */
		id: anchorId,
		/** A short label of ours, e.g. "The great flood; the town council meets on the hill". */
		label: text('a short label for the timeline'),
		/** When it happened, in EDTF. Leave out for events the article does not date ("For years"). */
		date: edtfDate.optional(),
		/** The article's own wording of the time, verbatim ("around 1820"); leave out when it gives none. */
		when: text("the article's own words for the time").optional(),
		/** Editorial precision beyond the article ("12–14 March 1841"), shown as ours. */
		precision: text('an editorial note on the exact date').optional(),
		/** The id of the `<S id="…">` sentence in this file that mentions the event. */
		sentence: anchorId,
	})
	.strict();

const events = z.array(event).default([]);

/**
 * Ids this file's anchors had when they were published, each with the id that now stands in its
 * place (`"s-the-first-ferry-crossed-the": "s-the-first-ferry-crossed-a"`): a link to the old id
 * lands there. The build says when one is needed (content/published.json records what was published).
 */
const formerAnchors = z.record(anchorId, anchorId).default({});

const introduction = defineCollection({
	loader: checkedGlob({ pattern: introductionFiles.pattern, base }, [introductionFiles, sectionFiles]),
	schema: z
		.object({
			/** The article's title (editorial: the text has none). */
			title: text('the title of the article'),
			/** One or two sentences for the overview and for link previews. */
			description: text('a description of the article'),
			/** When the article was written, in EDTF; inferred, and always shown as inferred. */
			published: edtfDate,
			/** The byline's facts for structured data, as the article gives them (it names no author). */
			byline: z
				.object({
					jobTitle: text('the job title, as in the byline'),
					affiliation: text('the institution and city, as in the byline'),
					handle: text('the social-media handle, as in the byline'),
				})
				.strict(),
			/** Events mentioned in the introduction; undated ones only, as it has no era of its own. */
			events,
			formerAnchors,
		})
		.strict(),
});

const sections = defineCollection({
	loader: checkedGlob({ pattern: sectionFiles.pattern, base: `${base}/${sectionFiles.folder}` }),
	schema: z
		.object({
			/** The section's heading (editorial). */
			title: text('the heading of the section'),
			/** The URL segment (`/the-ferry/`); defaults to the file name. */
			slug: anchorId.optional(),
			/** Position in reading order, 1 for the first section; unique. */
			order: z.number().int().positive(),
			/** One line for the overview's list of sections. */
			summary: text('a one-line summary of the section'),
			/** The years the section covers, as an EDTF interval; its era on the timeline. */
			period: edtfDate.refine((value) => value.includes('/'), 'must be an EDTF interval, e.g. "1900/1989"'),
			/** Events mentioned in this section. */
			events,
			/** The slugs this section was published under before (`["bridges"]`): each old URL redirects here. */
			formerSlugs: z.array(anchorId).default([]),
			formerAnchors,
		})
		.strict(),
});

/** The collections, by the names the page model reads them by. */
export const longReadCollections = () => ({ introduction, sections });
