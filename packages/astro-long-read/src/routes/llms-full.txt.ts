import type { APIRoute } from 'astro';
import { getArticle } from '../model/article';
import { wholeMarkdown } from '../build/export/pages';
import { textFile } from '../build/export/respond';

/** `/llms-full.txt` (llmstxt.org): the whole article in one file. */
export const GET: APIRoute = async () => textFile(wholeMarkdown(await getArticle()), 'text/plain');
