/**
 * A content-addressed cache for expensive, pure work (images drawn per page, compressed copies): the
 * result is stored under a hash of everything it is made from, in Astro's cache folder, so a
 * rebuild redoes only what changed and gives the same bytes as a cold build.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Set by the build-cache integration from Astro's `cacheDir`; no folder, no caching (tests). */
let root: string | undefined = process.env.LONG_READ_CACHE_DIR;

export function setCacheRoot(dir: string | undefined): void {
	root = dir;
	if (dir) process.env.LONG_READ_CACHE_DIR = dir;
}

const hashOf = (...parts: (string | Uint8Array)[]) => {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('hex');
};

/** Whether a build has stored any result of this kind: a rebuild, as far as that kind goes. */
export function hasCached(kind: string): boolean {
	if (!root) return false;
	try {
		return readdirSync(path.join(root, kind)).length > 0;
	} catch {
		return false;
	}
}

/** Work under way, by cache file: two identical inputs at once (two files with the same bytes) share one. */
const pending = new Map<string, Promise<Uint8Array>>();

/**
 * The bytes `make` produces for these inputs: from the cache when a build made them before.
 * `kind` names the folder. `inputs` must name everything the bytes depend on, the versions of
 * the libraries that make them included, or a rebuild could differ from a cold build.
 */
export async function cached(kind: string, inputs: (string | Uint8Array)[], make: () => Promise<Uint8Array>): Promise<Uint8Array> {
	if (!root) return make();
	const file = path.join(root, kind, `${hashOf(...inputs)}.bin`);
	let work = pending.get(file);
	if (!work) {
		work = readOrMake(file, make).finally(() => pending.delete(file));
		pending.set(file, work);
	}
	return work;
}

async function readOrMake(file: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
	const hit = await readFile(file).catch(() => undefined);
	if (hit) return new Uint8Array(hit);
	const made = await make();
	await mkdir(path.dirname(file), { recursive: true });
	// Written aside, then renamed: a build stopped half-way never leaves half a file.
	const temp = `${file}.${process.pid}.tmp`;
	await writeFile(temp, made);
	await rename(temp, file);
	return made;
}
