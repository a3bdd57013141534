import type { APIRoute } from 'astro';
import { getArticle } from '../model/article';
import { timelineMarkdown } from '../build/export/pages';
import { textFile } from '../build/export/respond';

/** The timeline as Markdown. */
export const GET: APIRoute = async () => textFile(timelineMarkdown(await getArticle()), 'text/markdown');
