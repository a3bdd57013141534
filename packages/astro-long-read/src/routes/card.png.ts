/** The social card of each page, drawn at build time: `/og/<page id>.png`. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArticle } from '../model/article';
import { renderCard } from '../build/cards/card';
import { socialPages } from '../build/cards/social';

export const getStaticPaths = (async () => {
	const pages = await socialPages();
	return pages.map((page) => ({ params: { page: page.id }, props: { page } }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => {
	const { timeline } = await getArticle();
	const png = await renderCard(props.page, timeline);
	return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
