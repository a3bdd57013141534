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

interface Failure {
	error: Error;
	/** The file's text when it failed: once it differs, the loader has read the file again. */
	text: string;
}

interface Shared {
	failures: Map<string, Failure>;
	/** Tells the open pages to reload (set by the dev server's integration). */
	reload?: () => void;
}

const shared: Shared = ((globalThis as { __articleContentErrors?: Shared }).__articleContentErrors ??= { failures: new Map() });
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

export function recordFailure(file: string, error: unknown): void {
	registry.set(file, { error: error instanceof Error ? error : new Error(String(error)), text: read(file) ?? '' });
	// Astro reloads pages when content loads, not when it fails to: the page must ask again to show the error.
	shared.reload?.();
}

export function recordSuccess(file: string): void {
	registry.delete(file);
}

/** Throws the error of a content file that is broken now, naming the file. */
export function throwIfBroken(): void {
	for (const [file, failure] of registry) {
		if (read(file) !== failure.text) {
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
		throw error;
	}
}
