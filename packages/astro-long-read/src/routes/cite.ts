import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticle } from '../model/article';
import { CITATION_FILES, citation } from '../build/export/citation';

/** The citation files: `/cite/<key>.bib`, `.ris` and `.json` (CSL-JSON). */
export const getStaticPaths = (async () => {
	const cite = citation(await getArticle());
	return CITATION_FILES.map((format) => ({ params: { file: `${cite.key}.${format.extension}` }, props: { body: format.write(cite), type: format.type } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string; type: string }> = ({ props }) => new Response(props.body, { headers: { 'content-type': `${props.type}; charset=utf-8` } });
