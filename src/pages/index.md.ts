import type { APIRoute } from 'astro';
import { getArticle } from 'astro-long-read/model';
import { overviewMarkdown } from '../lib/export/pages';
import { textFile } from '../lib/export/respond';

/** The overview as Markdown: the introduction and the list of sections. */
export const GET: APIRoute = async () => textFile(overviewMarkdown(await getArticle()), 'text/markdown');
