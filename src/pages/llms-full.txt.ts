import type { APIRoute } from 'astro';
import { getArticle } from 'astro-long-read/model';
import { wholeMarkdown } from '../lib/export/pages';
import { textFile } from '../lib/export/respond';

/** `/llms-full.txt` (llmstxt.org): the whole article in one file. */
export const GET: APIRoute = async () => textFile(wholeMarkdown(await getArticle()), 'text/plain');
