/**
 * Content that `astro dev` could not load. When an edit breaks a file's frontmatter, Astro's
 * loader keeps the last good entry and only logs the error, so the open page would go on showing
 * the old text. The loader records each failure here (with the file's text at that moment); the
 * article model throws it on the next request, so the page shows Astro's error overlay naming the
 * file and the field, and recovers by itself once the file is fixed. Shared through `globalThis`:
 * the loader and the pages run in one process, as different module instances.
 */
import { readFileSync } from 'node:fs';
import { shownPath } from './errors';

/** What a file holds now, as a text or a digest of it; undefined once it is gone. */
export type Version = (file: string) => string | undefined;

/** What the loader read when the file failed, and how to tell what the file holds now. */
export interface Seen {
	seen: string;
	version: Version;
}

interface Failure extends Seen {
	error: Error;
}

interface Shared {
	failures: Map<string, Failure>;
	/** Tells the open pages to reload (set by the dev server's integration). */
	reload?: () => void;
	/** A failure was recorded since a page last showed one: a page that missed the reload must load again. */
	unshown: boolean;
}

const shared: Shared = ((globalThis as { __articleContentErrors?: Shared }).__articleContentErrors ??= { failures: new Map(), unshown: false });
const registry = shared.failures;

/** Called by the dev server: how to make the open pages load again. */
export function onFailureReload(reload: () => void): void {
	shared.reload = reload;
}

const read = (file: string) => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
};

/**
 * Records that `file` failed to load. `seen` is what the loader read: a save read half-written
 * must not be matched against the whole file written since (by default, the text now).
 */
export function recordFailure(file: string, error: unknown, seen: Seen = { seen: read(file) ?? '', version: read }): void {
	registry.set(file, { error: error instanceof Error ? error : new Error(String(error)), ...seen });
	shared.unshown = true;
	// Astro reloads pages when content loads, not when it fails to: the page must ask again to show the error.
	shared.reload?.();
}

/**
 * Called by the dev server when an open page connects to it: whether that page must load again.
 * A page still loading when the reload was sent (its predecessor's connection took the message)
 * was rendered before the failure and never hears of it; the first page to connect after a
 * failure no page has shown reloads, once, so a page that shows no content cannot loop.
 */
export function reloadOnConnect(): boolean {
	const missed = shared.unshown && registry.size > 0;
	shared.unshown = false;
	return missed;
}

export function recordSuccess(file: string): void {
	registry.delete(file);
}

/** Throws the error of a content file that is broken now, naming the file. */
export function throwIfBroken(): void {
	for (const [file, failure] of registry) {
		// The file changed since: the loader reads it again, and records what it finds.
		if (failure.version(file) !== failure.seen) {
			registry.delete(file);
			continue;
		}
		const where = shownPath(file);
		const message = failure.error.message.replace(/\*\*/g, '');
		// A ContentError names its file already.
		const error = Object.assign(new Error(message.startsWith(`${where}: `) ? message : `${where}: ${message}`), {
			name: 'ContentError',
			// Where the overlay's "Open in editor" goes: the content file, not this module.
			loc: { file, line: 1, column: 1 },
		});
		shared.unshown = false;
		throw error;
	}
}
