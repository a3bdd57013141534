/**
 * The content collections' loader: Astro's glob loader, with what it would pass over checked
 * (see `checkedGlob`). Errors name the file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Loader, type LoaderContext, glob } from 'astro/loaders';
import { slug as githubSlug } from 'github-slugger';
import { type Part, listFiles, strayFiles } from './content-files';
import { recordFailure, recordSuccess } from './content-errors';
import { ContentError, shownPath } from './errors';


/** A file that would have the URL of another; it names the file to fix. */
class SlugClash extends ContentError {
	constructor(
		readonly file: string,
		message: string,
	) {
		super(shownPath(file), 'slug', message);
	}
}

interface Owner {
	file: string;
	/** Whether the frontmatter sets `slug` (else the URL comes from the file name). */
	named: boolean;
}

/** Longer than the watcher's 50 ms: a change after it reaches the loaders by itself. */
const SETTLE_MS = 60;

/** The digest of the text Astro's loaders last read of each file, by its absolute path. */
const lastRead = new Map<string, string>();

/** Astro's digest of a file's text now; undefined once it is gone. */
function digestOfFile(file: string, context: LoaderContext): string | undefined {
	try {
		return context.generateDigest(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Files announced again, whose next change event is that announcement. */
const announcing = new Set<string>();

/**
 * In `astro dev`: an editor that saves in place empties the file, then writes it. The watcher
 * passes on one change per file per 50 ms, so Astro's loader may read the empty file and never
 * hear of the write: the page would keep its old text, or show the empty file's errors. Once the
 * change has settled, a file whose text no loader has read is announced again, once.
 */
function announceIfUnread(watcher: NonNullable<LoaderContext['watcher']>, file: string, context: LoaderContext) {
	if (announcing.delete(file)) return;
	setTimeout(() => {
		const now = digestOfFile(file, context);
		if (now === undefined || lastRead.get(file) === now) return;
		announcing.add(file);
		watcher.emit('change', file);
		watcher.emit('all', 'change', file);
	}, SETTLE_MS);
}

/**
 * The id Astro's glob loader gives an entry by default: its frontmatter's `slug`, else its path in
 * the folder without the extension, each segment as a GitHub heading slug (`index` dropped).
 */
function defaultId(entry: string, data: Record<string, unknown>): string {
	if (data.slug) return String(data.slug);
	const segments = entry.replace(/\.[^./]*$/, '').split('/');
	return segments.map((segment) => githubSlug(segment)).join('/').replace(/\/index$/, '');
}

/** The files that the whole folder's checks found wrong: a file's own validation does not clear them. */
let folderFailures = new Set<string>();

/**
 * Astro's glob loader, with what it would pass over checked:
 * - each entry's validation is recorded: in `astro dev`, a file an edit broke stops the page with
 *   the file and the field named (content-errors.ts), instead of leaving the old text on
 *   screen;
 * - two files that would have one URL (the same `slug`, or a file name that gives another's
 *   slug) stop the build; Astro's loader only warns, and keeps one of them;
 * - given the layout of the whole content folder (to the loader of the folder itself): every file
 *   there that no collection reads (`.md`, `.MDX`, a subfolder, the wrong folder), which Astro's
 *   loader never sees, and every sentence id used in two files, stop the build, each named.
 */
export function checkedGlob(options: { pattern: string; base: string }, layout: readonly Part[] = []): Loader {
	/** The id each file (by its path in the folder) was last given from a frontmatter. */
	const idOf = new Map<string, string>();
	const inner = glob({
		...options,
		// Astro's own ids, except for a file read empty mid-save (no frontmatter at all): it keeps
		// the id it had. Given the file name's id instead, its entry was dropped, not kept as the
		// last good one, and the open page could not render it again once the save was read.
		generateId: ({ entry, data }) => {
			const kept = Object.keys(data).length === 0 ? idOf.get(entry) : undefined;
			if (kept !== undefined) return kept;
			const id = defaultId(entry, data);
			idOf.set(entry, id);
			return id;
		},
	});
	/** Which file each id (the URL segment) belongs to, in this load and the edits since, and whether its frontmatter names it. */
	const owners = new Map<string, Owner>();
	/** The dev server's watchers it listens to. */
	const watching = new WeakSet<object>();

	/** The file already holding `id`, if it is another file that still exists and still has it. */
	function ownerOf(id: string, file: string, context: LoaderContext): (Owner & { kept: boolean }) | undefined {
		const claimed = owners.get(id);
		if (claimed && claimed.file !== file && existsSync(claimed.file)) return { ...claimed, kept: false };
		// An entry kept from the last build (unchanged, so not parsed again in this one).
		const kept = context.store.get(id);
		if (!kept?.filePath) return undefined;
		const other = path.resolve(fileURLToPath(context.config.root), kept.filePath);
		if (other === file || !existsSync(other)) return undefined;
		if (kept.digest !== context.generateDigest(readFileSync(other, 'utf8'))) return undefined;
		return { file: other, named: typeof kept.data.slug === 'string', kept: true };
	}

	/**
	 * Records that `file` has the URL `id`; throws if another file has it already. The message
	 * names the same file whichever of the two Astro's loader reads first (it reads in parallel):
	 * the later of the two by path, or the file just edited when the other is kept from before.
	 */
	function claim(id: string, file: string, data: Record<string, unknown>, context: LoaderContext) {
		for (const [held, owner] of owners) if (owner.file === file && held !== id) owners.delete(held);
		const mine: Owner = { file, named: typeof data.slug === 'string' };
		const other = ownerOf(id, file, context);
		if (other) {
			const [blamed, kept] = other.kept || other.file < file ? [mine, other] : [other, mine];
			const from = blamed.named ? '' : ' (from the file name)';
			throw new SlugClash(blamed.file, `"${id}"${from} is also the URL of ${shownPath(kept.file)}; give each its own slug`);
		}
		owners.set(id, mine);
	}

	/**
	 * The whole folder, checked at once: files that no collection reads. In `astro dev`, each is
	 * shown in the open page until it is fixed.
	 */
	function checkFolder(root: string): Error | undefined {
		const files = listFiles(root);
		const errors = new Map<string, ContentError[]>();
		const fail = (file: string, field: string, message: string) => {
			const absolute = path.join(root, file);
			errors.set(absolute, [...(errors.get(absolute) ?? []), new ContentError(shownPath(absolute), field, message)]);
		};
		for (const stray of strayFiles(files, layout)) fail(stray.file, 'file', stray.message);
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
			let digestRead: string | undefined;
			const root = path.resolve(fileURLToPath(context.config.root), options.base);
			if (layout.length) {
				const error = checkFolder(root);
				if (error) throw error;
			}
			await inner.load({
				...context,
				// The loader digests the text of a file it has read, then parses it (see `announceIfUnread`).
				generateDigest: (data) => (digestRead = context.generateDigest(data)),
				parseData: async (props) => {
					const file = props.filePath ?? props.id;
					const read = digestRead;
					if (read !== undefined) lastRead.set(file, read);
					try {
						claim(props.id, file, props.data, context);
						const data = await context.parseData(props);
						if (!folderFailures.has(file)) recordSuccess(file);
						return data;
					} catch (error) {
						if (error instanceof SlugClash) recordFailure(error.file, error);
						// What the loader read of this file, which a half-written save may have cut short.
						else recordFailure(file, error, { seen: read ?? '', version: (path) => digestOfFile(path, context) });
						throw error;
					}
				},
			});
			// In `astro dev`, entries kept from before were read as they are now (see `announceIfUnread`).
			if (context.watcher) {
				for (const entry of context.store.values()) {
					if (entry.filePath && entry.digest !== undefined) lastRead.set(path.resolve(fileURLToPath(context.config.root), entry.filePath), String(entry.digest));
				}
			}
			// In `astro dev`: a file added, renamed, removed or edited later is checked as it happens.
			if (!layout.length || !context.watcher || watching.has(context.watcher)) return;
			watching.add(context.watcher);
			const watcher = context.watcher;
			watcher.on('all', (event, changed) => {
				if (!['add', 'change', 'unlink', 'addDir', 'unlinkDir'].includes(event) || !changed.startsWith(root + path.sep)) return;
				const error = checkFolder(root);
				if (error) context.logger.error(error.message);
				if (event === 'change' && /\.mdx$/.test(changed)) announceIfUnread(watcher, changed, context);
			});
		},
	};
}
