/**
 * The one place that reads the content collections. The page model (`model.ts`) is derived
 * from the validated entries once per build — in `astro dev`, once per state of the content.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import config from 'virtual:astro-long-read/config';
import { throwIfBroken } from '../content/content-errors';
import { type Manifest, emptyManifest, excerpt, goneMessage, parseManifest, recorded, serialize } from './links';
import { type Article, absoluteUrl, buildArticle, siteUrl } from './model';
import { announceRedirects } from '../build/redirects';

export type { Article, IntroductionEntry, Section, SectionEntry, Written } from './model';

/** The manifest as messages name it: `content/published.json`. */
const MANIFEST = config.content.manifest;
const MANIFEST_PATH = path.resolve(config.content.dir, 'published.json');

const deploy = { base: import.meta.env.BASE_URL, site: import.meta.env.SITE };

/** The site's URL for a path inside it, honouring `BASE_PATH`. */
export const url = (path = '') => siteUrl(deploy, path);

/**
 * The absolute URL of a site path (`/sub/the-ferry/`), from `SITE_URL`. Without it there is no
 * origin to name, and the path is returned as it is.
 */
export const absolute = (pathname: string) => absoluteUrl(deploy, pathname);

/** What was published before (`content/published.json`); nothing before the first record. */
function readManifest(): Manifest {
	let json: string;
	try {
		json = readFileSync(MANIFEST_PATH, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest();
		throw error;
	}
	return parseManifest(json, MANIFEST);
}

/** A build with this set writes the manifest anew (`LINKS_RECORD=1 astro build`). */
const RECORD = process.env.LINKS_RECORD === '1';

async function load(): Promise<Article> {
	const manifest = readManifest();
	const article = buildArticle(await getCollection('introduction'), await getCollection('sections'), deploy, {
		folder: config.content.folder,
		language: config.language.tag,
		original: config.original,
		genre: config.genre,
		search: config.search,
		manifest,
		strictLinks: !import.meta.env.DEV,
	});
	for (const warning of article.timeline.warnings) console.warn(`[timeline] ${warning}`);
	announceRedirects(article.published.redirects);
	const { aliases, gone, unrecorded, redirected } = article.published;
	for (const alias of aliases) {
		const why = alias.how === 'declared' ? 'declared in formerAnchors' : 'its words found again';
		console.info(`[links] ${alias.path}#${alias.old} is now #${alias.id} (${why}): the old id stays there as an alias`);
	}
	for (const path of redirected) console.info(`[links] ${path} redirects to ${article.published.redirects.find((redirect) => redirect.from === path)?.to}`);
	for (const item of gone.map(goneMessage)) console.warn(`[links] ${item.file}: ${item.field} ${item.message}`);
	if (RECORD) {
		writeFileSync(MANIFEST_PATH, serialize(recorded(manifest, article.published.pages, aliases)));
		console.info(`[links] recorded ${unrecorded.length} new URLs and anchors in ${MANIFEST}`);
	} else if (unrecorded.length) {
		console.info(`[links] ${unrecorded.length} URLs and anchors are not yet recorded in ${MANIFEST} (${excerpt(unrecorded.join(', '), 80)}): record them with LINKS_RECORD=1 astro build`);
	}
	return article;
}

let cached: { key: string; article: Promise<Article> } | undefined;

/** What the content is now: each entry and the digest of its file (cheap: no rendering). */
async function contentKey(): Promise<string> {
	const entries = [...(await getCollection('introduction')), ...(await getCollection('sections'))];
	return entries.map((entry) => `${entry.collection}/${entry.id}:${entry.digest ?? ''}`).join('\n');
}

/** `getStaticPaths` of a route per section (`/[section]/`): its slug, and the section as a prop. */
export async function sectionPaths() {
	const { sections } = await getArticle();
	return sections.map((section) => ({ params: { section: section.slug }, props: { section } }));
}

/**
 * The article, derived once per build. In `astro dev`, once per state of the content: every
 * component of a page asks for it, and an edit makes the next request derive it afresh.
 */
export async function getArticle(): Promise<Article> {
	if (import.meta.env.DEV) throwIfBroken();
	const key = import.meta.env.DEV ? await contentKey() : '';
	if (cached?.key !== key) {
		const article = load();
		cached = { key, article };
		// A failed load (bad content) is not kept: the next request, after the fix, tries again.
		article.catch(() => {
			if (cached?.article === article) cached = undefined;
		});
	}
	return cached.article;
}
