/**
 * Links that last. `content/published.json` (the manifest) records every URL and anchor the site
 * has published — pages, headings, paragraphs, sentences, timeline entries — each with the words
 * it points to: its exact text and a little before and after, as a W3C TextQuoteSelector does.
 * Every build compares the site with it (`reconcile`):
 *
 * - an anchor still there is fine;
 * - an anchor whose id changed is found again by its words, exactly or closely (a typo fixed),
 *   or by a declaration (`formerAnchors` in its file's frontmatter): the old id stays on the new
 *   place as an alias;
 * - a page whose slug changed redirects, once its former slug is declared (`formerSlugs`);
 * - anything else that was published and is gone stops the build, unless it was retired on
 *   purpose (the manifest's `retired`, with a reason).
 *
 * Pure: the manifest and the site's anchors in, aliases, notes and errors out.
 */
import { z } from 'astro/zod';
import levenshtein from 'damerau-levenshtein';
import { ContentError } from '../content/errors.ts';

export type AnchorKind = 'section' | 'heading' | 'paragraph' | 'sentence' | 'event' | 'era';

/** Words a link points to: the exact text, and up to `CONTEXT` characters before and after. */
export interface Quote {
	exact: string;
	prefix: string;
	suffix: string;
}

/** How many characters of context a quote keeps on each side. */
export const CONTEXT = 32;

export interface PublishedAnchor extends Quote {
	id: string;
	kind: AnchorKind;
	/** The content file that gives it, where that is not its page's (entries of /timeline/, /read/). */
	file?: string | undefined;
}

/** A page as the site publishes it: its path under the base (`/the-bridge/`), file, title and anchors. */
export interface PublishedPage {
	path: string;
	file: string;
	title: string;
	anchors: PublishedAnchor[];
}

export interface ManifestAnchor extends Quote {
	kind: AnchorKind;
	file?: string | undefined;
}

export interface ManifestPage {
	file: string;
	title: string;
	anchors: Record<string, ManifestAnchor>;
}

/** What was published on purpose and then taken down: `/path/` or `/path/#id`, with why. */
export interface Retired {
	reason: string;
	file: string;
	exact: string;
}

export interface Manifest {
	pages: Record<string, ManifestPage>;
	retired: Record<string, Retired>;
}

export const emptyManifest = (): Manifest => ({ pages: {}, retired: {} });

/** Declared by the content: former slugs (`/bridges/` → `/the-bridge/`), former anchor ids (old → new). */
export interface Declared {
	formerPaths: ReadonlyMap<string, string>;
	formerAnchors: ReadonlyMap<string, string>;
}

/** An anchor whose id changed: its old id stays on its new place. */
export interface Alias {
	path: string;
	kind: AnchorKind;
	id: string;
	old: string;
	/** Why: "declared" (formerAnchors) or "found" (its words). */
	how: 'declared' | 'found';
}

/** Something published that is gone, with nothing standing in for it. */
export interface Gone {
	url: string;
	kind: AnchorKind | 'page';
	exact: string;
	file: string;
}

export interface Reconciled {
	aliases: Alias[];
	gone: Gone[];
	/** Anchors the site has that the manifest does not record yet (`path#id`). */
	unrecorded: string[];
	/** Manifest paths that now redirect (declared former slugs). */
	redirected: string[];
}

/** The words before and after `exact`, searched for in `text` from `from` on. */
export function quoteIn(text: string, exact: string, from = 0): Quote & { at: number } {
	const at = text.indexOf(exact, from);
	if (at < 0) return { exact, prefix: '', suffix: '', at: from };
	return { exact, prefix: text.slice(Math.max(0, at - CONTEXT), at), suffix: text.slice(at + exact.length, at + exact.length + CONTEXT), at };
}

/** How alike two texts are, 0 to 1 (1 - their edit distance over the longer length). */
const alike = (a: string, b: string) => (a === b ? 1 : levenshtein(a, b).similarity);

/** The least likeness at which a quote is taken as found again: a typo fixed, a word changed. */
export const CLOSE = 0.8;

/**
 * The current anchor that holds an old anchor's words: the same text, a text that contains it
 * (two sentences made one), or a close one; ties go to the closer context, and to anchors not
 * published before (`fresh`: the old anchor's likeliest new name).
 */
export function refind(old: ManifestAnchor, candidates: readonly PublishedAnchor[], fresh: ReadonlySet<string> = new Set(candidates.map((anchor) => anchor.id))): PublishedAnchor | undefined {
	let best: { anchor: PublishedAnchor; score: number } | undefined;
	for (const anchor of candidates) {
		if (anchor.kind !== old.kind) continue;
		const text = anchor.exact === old.exact ? 1 : anchor.exact.includes(old.exact) && old.exact.length >= 12 ? 0.95 : alike(anchor.exact, old.exact);
		if (text < CLOSE) continue;
		const score = text * 4 + alike(anchor.prefix, old.prefix) + alike(anchor.suffix, old.suffix) + (fresh.has(anchor.id) ? 2 : 0);
		if (!best || score > best.score) best = { anchor, score };
	}
	return best?.anchor;
}

/** Compares the site with the manifest. */
export function reconcile(manifest: Manifest, pages: readonly PublishedPage[], declared: Declared): Reconciled {
	const byPath = new Map(pages.map((page) => [page.path, page]));
	const aliases: Alias[] = [];
	const gone: Gone[] = [];
	const redirected: string[] = [];
	const aliased = new Set<string>();
	for (const [path, old] of Object.entries(manifest.pages)) {
		let page = byPath.get(path);
		if (!page) {
			const moved = declared.formerPaths.get(path);
			page = moved ? byPath.get(moved) : undefined;
			if (page) redirected.push(path);
			else {
				if (!manifest.retired[path]) gone.push({ url: path, kind: 'page', exact: old.title, file: old.file });
				continue;
			}
		}
		const target = page;
		const ids = new Set(target.anchors.map((anchor) => anchor.id));
		const recorded = new Set(Object.keys(old.anchors));
		const fresh = new Set(target.anchors.filter((anchor) => !recorded.has(anchor.id)).map((anchor) => anchor.id));
		for (const [id, anchor] of Object.entries(old.anchors)) {
			if (ids.has(id) || manifest.retired[`${path}#${id}`]) continue;
			const said = declared.formerAnchors.get(id);
			const declaredTo = said ? target.anchors.find((candidate) => candidate.id === said) : undefined;
			const found = declaredTo ?? refind(anchor, target.anchors, fresh);
			if (found) {
				aliases.push({ path: target.path, kind: found.kind, id: found.id, old: id, how: declaredTo ? 'declared' : 'found' });
				aliased.add(`${target.path}#${id}`);
			} else gone.push({ url: `${path}#${id}`, kind: anchor.kind, exact: anchor.exact, file: anchor.file ?? old.file });
		}
	}
	const unrecorded = pages.flatMap((page) => {
		const old = manifest.pages[page.path];
		if (!old) return [page.path];
		return page.anchors.filter((anchor) => !old.anchors[anchor.id]).map((anchor) => `${page.path}#${anchor.id}`);
	});
	return { aliases, gone, unrecorded, redirected };
}

/** Shortens a quote for a message. */
export const excerpt = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);

/** What the build says when something published is gone: the URL, its words, the file, the two ways out. */
export function goneMessage(item: Gone): { file: string; field: string; message: string } {
	const ways =
		item.kind === 'page'
			? `declare its former slug in the section that replaces it (formerSlugs: ["${item.url.replace(/^\/|\/$/g, '')}"]), or retire it on purpose: npm run links -- retire "${item.url}" --reason "…"`
			: `declare where it went (formerAnchors: { "${item.url.split('#')[1]}": "<its new id>" } in the frontmatter of the file that now holds it), or retire it on purpose: npm run links -- retire "${item.url}" --reason "…"`;
	return { file: item.file, field: item.url, message: `was published (${item.kind}: “${excerpt(item.exact)}”) and is gone, with nothing in its place: ${ways}` };
}

/** The manifest with every anchor the site has now: new ones added, recorded ones given their current words. */
export function recorded(manifest: Manifest, pages: readonly PublishedPage[], aliases: readonly Alias[]): Manifest {
	const next: Manifest = { pages: {}, retired: { ...manifest.retired } };
	const byPath = new Map(pages.map((page) => [page.path, page]));
	const quote = ({ kind, exact, prefix, suffix, file }: PublishedAnchor): ManifestAnchor => ({ kind, exact, prefix, suffix, ...(file ? { file } : {}) });
	for (const page of pages) {
		const anchors: Record<string, ManifestAnchor> = {};
		for (const anchor of page.anchors) {
			anchors[anchor.id] = quote(anchor);
			for (const alias of aliases) if (alias.path === page.path && alias.id === anchor.id && alias.kind === anchor.kind) anchors[alias.old] = quote(anchor);
		}
		next.pages[page.path] = { file: page.file, title: page.title, anchors };
	}
	// Pages that now redirect stay recorded as they were: their URL is still served.
	for (const [path, old] of Object.entries(manifest.pages)) if (!byPath.has(path)) next.pages[path] = old;
	return next;
}

/** Retires a published URL or anchor on purpose: it leaves the pages and joins `retired`, with the reason. */
export function retire(manifest: Manifest, url: string, reason: string): Manifest {
	if (!reason.trim()) throw new Error(`retiring ${url} needs a reason: --reason "…"`);
	const [path = '', id] = url.split('#');
	const page = manifest.pages[path];
	if (!page) throw new Error(`${url} is not in the manifest: no page ${path} was published`);
	const next: Manifest = { pages: { ...manifest.pages }, retired: { ...manifest.retired } };
	if (id === undefined) {
		delete next.pages[path];
		next.retired[path] = { reason, file: page.file, exact: page.title };
		return next;
	}
	const anchor = page.anchors[id];
	if (!anchor) throw new Error(`${url} is not in the manifest: ${path} has no anchor "${id}"`);
	const { [id]: _, ...rest } = page.anchors;
	next.pages[path] = { ...page, anchors: rest };
	next.retired[url] = { reason, file: page.file, exact: anchor.exact };
	return next;
}

/** The manifest as committed: JSON indented with tabs, pages and anchors in the site's order, a newline at the end. */
export const serialize = (manifest: Manifest) => `${JSON.stringify(manifest, null, '\t')}\n`;

const KINDS = ['section', 'heading', 'paragraph', 'sentence', 'event', 'era'] as const satisfies readonly AnchorKind[];

const manifestSchema = z
	.object({
		pages: z.record(
			z.string().regex(/^\/(?:[^#]*\/)?$/, 'must be a page path from the site root, e.g. "/the-bridge/"'),
			z
				.object({
					file: z.string().min(1),
					title: z.string(),
					anchors: z.record(
						z.string().min(1),
						z.object({ kind: z.enum(KINDS), exact: z.string(), prefix: z.string(), suffix: z.string(), file: z.string().min(1).optional() }).strict(),
					),
				})
				.strict(),
		),
		retired: z.record(z.string().regex(/^\//, 'must be a URL from the site root'), z.object({ reason: z.string().trim().min(1, 'must say why'), file: z.string(), exact: z.string() }).strict()).default({}),
	})
	.strict();

/** The manifest from its JSON; a broken one stops the build, naming the file and the field. */
export function parseManifest(json: string, file: string): Manifest {
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch (error) {
		throw new ContentError(file, 'file', `is not valid JSON (${(error as Error).message}): restore it from git, or record it anew with LINKS_RECORD=1 astro build`);
	}
	const result = manifestSchema.safeParse(data);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		throw new ContentError(file, issue.path.map(String).join('.') || 'file', issue.message);
	}
	return result.data as Manifest;
}
