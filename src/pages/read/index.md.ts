import type { APIRoute } from 'astro';
import { getArticle } from 'astro-long-read/model';
import { wholeMarkdown } from '../../lib/export/pages';
import { textFile } from '../../lib/export/respond';

/** The whole article as Markdown, in reading order. */
export const GET: APIRoute = async () => textFile(wholeMarkdown(await getArticle()), 'text/markdown');
