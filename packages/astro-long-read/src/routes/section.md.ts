import type { APIRoute, GetStaticPaths } from 'astro';
import { type Section, getArticle, sectionPaths } from '../model/article';
import { sectionMarkdown } from '../build/export/pages';
import { textFile } from '../build/export/respond';

export const getStaticPaths = sectionPaths satisfies GetStaticPaths;

/** A section as Markdown. */
export const GET: APIRoute<{ section: Section }> = async ({ props }) => textFile(sectionMarkdown(await getArticle(), props.section), 'text/markdown');
