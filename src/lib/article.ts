/**
 * The one place that reads the content collections. The page model (`model.ts`) is derived
 * from the validated entries once per build — in `astro dev`, once per state of the content.
 */
import { getCollection } from 'astro:content';
import { CONTENT_FOLDER } from '../site.config';
import { throwIfBroken } from './content-errors';
import { type Article, absoluteUrl, buildArticle, siteUrl } from './model';

export type { Article, IntroductionEntry, Section, SectionEntry, Written } from './model';

const deploy = { base: import.meta.env.BASE_URL, site: import.meta.env.SITE };

/** The site's URL for a path inside it, honouring `BASE_PATH`. */
export const url = (path = '') => siteUrl(deploy, path);

/**
 * The absolute URL of a site path (`/sub/soviet-era/`), from `SITE_URL`. Without it there is no
 * origin to name, and the path is returned as it is.
 */
export const absolute = (pathname: string) => absoluteUrl(deploy, pathname);

async function load(): Promise<Article> {
	const article = buildArticle(await getCollection('introduction'), await getCollection('sections'), deploy, { folder: CONTENT_FOLDER });
	for (const warning of article.timeline.warnings) console.warn(`[timeline] ${warning}`);
	return article;
}

let cached: { key: string; article: Promise<Article> } | undefined;

/** What the content is now: each entry and the digest of its file (cheap: no rendering). */
async function contentKey(): Promise<string> {
	const entries = [...(await getCollection('introduction')), ...(await getCollection('sections'))];
	return entries.map((entry) => `${entry.collection}/${entry.id}:${entry.digest ?? ''}`).join('\n');
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
