import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticle } from '../model/article';
import { renderCard } from '../build/cards/card';
import { buildEpub, epubFile } from '../build/export/epub';
import { socialPages } from '../build/cards/social';

/** The whole article as an EPUB 3 book, its cover the overview's social card. */
export const getStaticPaths = (async () => [{ params: { file: epubFile(await getArticle()).split('/').pop()! } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
	const article = await getArticle();
	const overview = (await socialPages()).find((page) => page.id === 'overview');
	if (!overview) throw new Error('the overview has no social card to use as the book’s cover');
	const book = buildEpub(article, await renderCard(overview, article.timeline));
	return new Response(book as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/epub+zip' } });
};
