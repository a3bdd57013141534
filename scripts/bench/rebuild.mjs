/**
 * Rebuilds as an author lives them: a cold build (empty cache), a warm rebuild with nothing
 * changed, and a rebuild after editing one sentence, all with one cache folder. The warm
 * rebuild must give the same bytes as the cold build.
 */
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { timedBuild } from './build.mjs';
import { ROOT } from './project.mjs';

/** Every file of a built site and a hash of its bytes. */
async function fingerprint(dir) {
	const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
	const hashes = new Map();
	for (const entry of files) {
		const file = path.join(entry.parentPath, entry.name);
		hashes.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
	}
	return hashes;
}

/** Files that differ between two builds, or exist in one only. */
export async function differences(a, b) {
	const [x, y] = [await fingerprint(a), await fingerprint(b)];
	return [...new Set([...x.keys(), ...y.keys()])].filter((file) => x.get(file) !== y.get(file)).sort();
}

/** Appends a sentence to the first paragraph of the body of `file` (an MDX file). */
export async function editOneSentence(file) {
	const text = await readFile(file, 'utf8');
	const body = text.indexOf('\n---', 4) + 4;
	const end = text.indexOf('\n\n', text.indexOf('\n', body + 1) + 1);
	const at = end === -1 ? text.trimEnd().length : end;
	await writeFile(file, `${text.slice(0, at)} An edited sentence.${text.slice(at)}`);
}

/**
 * @param {{ name: string, work: string, content?: string }} options `content`: a content folder
 * to build (copied first, so the edit never touches it); the project's `content/` by default.
 */
export async function rebuildTimings({ name, work, content = path.join(ROOT, 'content') }) {
	const contentDir = path.join(work, 'content');
	await cp(content, contentDir, { recursive: true });
	const cacheDir = path.join(work, 'cache');
	const build = (outDir) => timedBuild({ outDir: path.join(work, outDir), cacheDir, contentDir });
	const cold = await build('cold');
	const warm = await build('warm');
	const changed = await differences(path.join(work, 'cold'), path.join(work, 'warm'));
	const sections = (await readdir(path.join(contentDir, 'sections'))).filter((file) => file.endsWith('.mdx')).sort();
	await editOneSentence(path.join(contentDir, 'sections', sections[0]));
	const edit = await build('edit');
	return {
		name,
		seconds: { cold: cold.seconds, warm: warm.seconds, edit: edit.seconds },
		// What an edit costs against starting afresh (bench/budgets.json: at most a fifth).
		ratios: { editToCold: edit.seconds / cold.seconds },
		identical: changed.length === 0,
		changed,
	};
}
