import type { APIRoute } from 'astro';
import { getArticle } from 'astro-long-read/model';
import { llmsTxt } from '../lib/export/pages';
import { textFile } from '../lib/export/respond';

/** `/llms.txt` (llmstxt.org): the site for language models, one line per page. */
export const GET: APIRoute = async () => textFile(llmsTxt(await getArticle()), 'text/plain');
