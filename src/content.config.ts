/**
 * The article's content: one introduction and its sections, all MDX in the top-level `content/`
 * folder. Every field the pages rely on is declared and checked here, so bad content stops the
 * build with the entry and the field named.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { type Loader, type LoaderContext, glob } from 'astro/loaders';
import { ANCHOR_ID, ANCHOR_ID_RULE, type Part, listFiles, readFiles, sentenceClashes, strayFiles } from './lib/content-files';
import { recordFailure, recordSuccess } from './lib/content-errors';
import { DateError, parseDate } from './lib/dates';
import { ContentError } from './lib/errors';

const shown = (file: string) => path.relative(process.cwd(), file);

/** The files that the whole folder's checks found wrong: a file's own validation does not clear them. */
let folderFailures = new Set<string>();

/**
 * Astro's glob loader, with what it would pass over checked:
 * - each entry's validation is recorded: in `astro dev`, a file an edit broke stops the page with
 *   the file and the field named (src/lib/content-errors.ts), instead of leaving the old text on
 *   screen;
 * - two files that would have one URL (the same `slug`, or a file name that gives another's
 *   slug) stop the build; Astro's loader only warns, and keeps one of them;
 * - given the layout of the whole content folder (to the loader of the folder itself): every file
 *   there that no collection reads (`.md`, `.MDX`, a subfolder, the wrong folder), which Astro's
 *   loader never sees, and every sentence id used in two files, stop the build, each named.
 */
function checkedGlob(options: { pattern: string; base: string }, layout: readonly Part[] = []): Loader {
	const inner = glob(options);
	/** Which file each id (the URL segment) belongs to, in this load and the edits since. */
	const owners = new Map<string, string>();
	/** The dev server's watchers it listens to. */
	const watching = new WeakSet<object>();

	/** The file already holding `id`, if it is another file that still exists and still has it. */
	function ownerOf(id: string, file: string, context: LoaderContext): string | undefined {
		const claimed = owners.get(id);
		if (claimed && claimed !== file && existsSync(claimed)) return claimed;
		// An entry kept from the last build (unchanged, so not parsed again in this one).
		const kept = context.store.get(id);
		if (!kept?.filePath) return undefined;
		const other = path.resolve(fileURLToPath(context.config.root), kept.filePath);
		if (other === file || !existsSync(other)) return undefined;
		return kept.digest === context.generateDigest(readFileSync(other, 'utf8')) ? other : undefined;
	}

	/** Records that `file` has the URL `id`; throws if another file has it already. */
	function claim(id: string, file: string, data: Record<string, unknown>, context: LoaderContext) {
		for (const [held, owner] of owners) if (owner === file && held !== id) owners.delete(held);
		const other = ownerOf(id, file, context);
		if (other) {
			const from = typeof data.slug === 'string' ? '' : ' (from the file name)';
			throw new ContentError(shown(file), 'slug', `"${id}"${from} is also the URL of ${shown(other)}; give each its own slug`);
		}
		owners.set(id, file);
	}

	/**
	 * The whole folder, checked at once: files that no collection reads, and sentence ids used in
	 * two files. In `astro dev`, each is shown in the open page until it is fixed.
	 */
	function checkFolder(root: string): Error | undefined {
		const files = listFiles(root);
		const errors = new Map<string, ContentError[]>();
		const fail = (file: string, field: string, message: string) => {
			const absolute = path.join(root, file);
			errors.set(absolute, [...(errors.get(absolute) ?? []), new ContentError(shown(absolute), field, message)]);
		};
		for (const stray of strayFiles(files, layout)) fail(stray.file, 'file', stray.message);
		const sources = readFiles(files, layout).map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }));
		for (const clash of sentenceClashes(sources)) {
			const message = `is also a sentence of ${shown(path.join(root, clash.other))}; sentence ids must be unique across the article, which /read/ shows on one page`;
			fail(clash.file, `<S id="${clash.id}"> (line ${clash.line})`, message);
		}
		for (const file of folderFailures) if (!errors.has(file)) recordSuccess(file);
		for (const [file, [error]] of errors) recordFailure(file, error);
		folderFailures = new Set(errors.keys());
		const all = [...errors.values()].flat();
		return all.length <= 1 ? all[0] : Object.assign(new Error(all.map((error) => error.message).join('\n')), { name: 'ContentError' });
	}

	return {
		name: 'checked-glob',
		load: async (context) => {
			owners.clear();
			const root = path.resolve(fileURLToPath(context.config.root), options.base);
			if (layout.length) {
				const error = checkFolder(root);
				if (error) throw error;
			}
			await inner.load({
				...context,
				parseData: async (props) => {
					const file = props.filePath ?? props.id;
					try {
						claim(props.id, file, props.data, context);
						const data = await context.parseData(props);
						if (!folderFailures.has(file)) recordSuccess(file);
						return data;
					} catch (error) {
						recordFailure(file, error);
						throw error;
					}
				},
			});
			// In `astro dev`: a file added, renamed, removed or edited later is checked as it happens.
			if (!layout.length || !context.watcher || watching.has(context.watcher)) return;
			watching.add(context.watcher);
			context.watcher.on('all', (event, changed) => {
				if (!['add', 'change', 'unlink', 'addDir', 'unlinkDir'].includes(event) || !changed.startsWith(root + path.sep)) return;
				const error = checkFolder(root);
				if (error) context.logger.error(error.message);
			});
		},
	};
}

/** Where the MDX lives; tests and the benchmark point this at generated fixtures. */
const base = process.env.CONTENT_DIR ?? './content';
/** The folder as an author would name it: `content`. */
const folder = path.relative(process.cwd(), path.resolve(base)) || '.';

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

/** An EDTF date or interval (`1978-04`, `199X`, `1945/1978`, `~1979`), checked with the `edtf` package. */
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
		/** Stable id: the entry's fragment on /timeline/ (`/timeline/#saur-revolution`). */
		id: anchorId,
		/** A short label of ours, e.g. "Saur Revolution: Daoud overthrown and killed". */
		label: text('a short label for the timeline'),
		/** When it happened, in EDTF. Leave out for events the article does not date ("For years"). */
		date: edtfDate.optional(),
		/** The article's own wording of the time, verbatim ("late 1979"); leave out when it gives none. */
		when: text("the article's own words for the time").optional(),
		/** Editorial precision beyond the article ("27–28 April 1978"), shown as ours. */
		precision: text('an editorial note on the exact date').optional(),
		/** The id of the `<S id="…">` sentence in this file that mentions the event. */
		sentence: anchorId,
	})
	.strict();

const events = z.array(event).default([]);

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
		})
		.strict(),
});

const sections = defineCollection({
	loader: checkedGlob({ pattern: sectionFiles.pattern, base: `${base}/${sectionFiles.folder}` }),
	schema: z
		.object({
			/** The section's heading (editorial). */
			title: text('the heading of the section'),
			/** The URL segment (`/soviet-era/`); defaults to the file name. */
			slug: anchorId.optional(),
			/** Position in reading order, 1 for the first section; unique. */
			order: z.number().int().positive(),
			/** One line for the overview's list of sections. */
			summary: text('a one-line summary of the section'),
			/** The years the section covers, as an EDTF interval; its era on the timeline. */
			period: edtfDate.refine((value) => value.includes('/'), 'must be an EDTF interval, e.g. "1945/1989"'),
			/** Events mentioned in this section. */
			events,
		})
		.strict(),
});

export const collections = { introduction, sections };
