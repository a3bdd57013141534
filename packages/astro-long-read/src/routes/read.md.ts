import type { APIRoute } from 'astro';
import { getArticle } from '../model/article';
import { wholeMarkdown } from '../build/export/pages';
import { textFile } from '../build/export/respond';

/** The whole article as Markdown, in reading order. */
export const GET: APIRoute = async () => textFile(wholeMarkdown(await getArticle()), 'text/markdown');
