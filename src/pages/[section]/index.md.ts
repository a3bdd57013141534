import type { APIRoute, GetStaticPaths } from 'astro';
import { type Section, getArticle } from 'astro-long-read/model';
import { sectionMarkdown } from '../../lib/export/pages';
import { textFile } from '../../lib/export/respond';

export const getStaticPaths = (async () => {
	const { sections } = await getArticle();
	return sections.map((section) => ({ params: { section: section.slug }, props: { section } }));
}) satisfies GetStaticPaths;

/** A section as Markdown. */
export const GET: APIRoute<{ section: Section }> = async ({ props }) => textFile(sectionMarkdown(await getArticle(), props.section), 'text/markdown');
