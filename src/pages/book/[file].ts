import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticle } from 'astro-long-read/model';
import { renderCard } from '../../lib/card';
import { EPUB_FILE, buildEpub } from '../../lib/export/epub';
import { socialPages } from '../../lib/social';

/** The whole article as an EPUB 3 book, its cover the overview's social card. */
export const getStaticPaths = (() => [{ params: { file: EPUB_FILE.split('/').pop()! } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
	const article = await getArticle();
	const overview = (await socialPages()).find((page) => page.id === 'overview');
	if (!overview) throw new Error('the overview has no social card to use as the book’s cover');
	const book = buildEpub(article, await renderCard(overview, article.timeline));
	return new Response(book as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/epub+zip' } });
};
