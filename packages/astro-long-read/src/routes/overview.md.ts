import type { APIRoute } from 'astro';
import { getArticle } from '../model/article';
import { overviewMarkdown } from '../build/export/pages';
import { textFile } from '../build/export/respond';

/** The overview as Markdown: the introduction and the list of sections. */
export const GET: APIRoute = async () => textFile(overviewMarkdown(await getArticle()), 'text/markdown');
