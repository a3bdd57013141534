import type { APIRoute } from 'astro';
import { getArticle } from '../model/article';
import { llmsTxt } from '../build/export/pages';
import { textFile } from '../build/export/respond';

/** `/llms.txt` (llmstxt.org): the site for language models, one line per page. */
export const GET: APIRoute = async () => textFile(llmsTxt(await getArticle()), 'text/plain');
