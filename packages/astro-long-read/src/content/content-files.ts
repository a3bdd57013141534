/**
 * Which files of the content folder the build reads, and the mistake in the folder as a whole
 * that no single file's checks can see: a section saved as `.md`, with an upper-case `.MDX`, in
 * a subfolder, or beside the introduction instead of in `sections/` (Astro's glob loader never
 * sees it, so it would be missing from the site without a word). The loader
 * (src/content.config.ts) stops the build on them, naming each file. Ids used twice across files
 * are the model's check (anchor-clashes.ts), on the parsed MDX.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

/** Ids become URL fragments and HTML ids: lower-case words joined by hyphens. */
export const ANCHOR_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const ANCHOR_ID_RULE = 'must be lower-case words joined by hyphens, starting with a letter';

/** Names that may well be a piece of the article: Markdown, MDX or text. */
const TEXT = /\.(?:mdx|md|markdown|mdown|mkdn?|mkd|txt)$/i;

/** Editors' and systems' own files: hidden ones (`.DS_Store`, `.x.swp`), backups (`x~`, `#x#`). */
const housekeeping = (name: string) => name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name);

/** Every file below `dir`, as `/`-separated paths relative to it, sorted; none if it does not exist. */
export function listFiles(dir: string): string[] {
	try {
		return readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
			.sort();
	} catch {
		return [];
	}
}

/** A part of the content folder and the files read from it. */
export interface Part {
	/** Relative to the content folder, `''` for the folder itself. */
	folder: string;
	/** The glob loader's pattern, relative to `folder`. */
	pattern: string;
	/** Where its files belong, said to the author: "sections are read from content/sections/ itself". */
	layout: string;
}

/** The part whose folder holds `file` most closely, and the file's path inside it. */
function partOf(file: string, parts: readonly Part[]): { part: Part; inside: string } | undefined {
	const part = parts
		.filter((candidate) => candidate.folder === '' || file.startsWith(`${candidate.folder}/`))
		.sort((a, b) => b.folder.length - a.folder.length)[0];
	return part && { part, inside: part.folder === '' ? file : file.slice(part.folder.length + 1) };
}

export interface Stray {
	/** Relative to the content folder. */
	file: string;
	message: string;
}

/**
 * The files of a listing of the content folder that look like content (Markdown, MDX or text,
 * or no extension at all) but that no part reads, each with what to do about it.
 */
export function strayFiles(files: readonly string[], parts: readonly Part[]): Stray[] {
	const strays: Stray[] = [];
	// Each part's pattern, matched as Astro's glob loader matches it (picomatch), compiled once.
	const readers = new Map(parts.map((part) => [part, picomatch(part.pattern)]));
	for (const file of files) {
		if (file.split('/').some(housekeeping)) continue;
		const found = partOf(file, parts);
		if (!found) continue;
		const reads = readers.get(found.part)!;
		if (reads(found.inside)) continue;
		const segments = found.inside.split('/');
		const name = segments.at(-1)!;
		if (!TEXT.test(name) && name.includes('.')) continue;
		const stem = name.replace(TEXT, '');
		const fixes: string[] = [];
		if (!name.endsWith('.mdx')) {
			fixes.push(`rename it ${stem}.mdx (${/\.mdx$/i.test(name) ? 'the extension must be .mdx, in lower case' : 'only .mdx files are read'})`);
		}
		if (!reads([...segments.slice(0, -1), `${stem}.mdx`].join('/'))) fixes.push(`move it: ${found.part.layout}`);
		strays.push({ file, message: `is not read by the build, so it would be missing from the site: ${fixes.join(' and ')}` });
	}
	return strays;
}
