import type { APIRoute } from 'astro';
import { getArticle } from 'astro-long-read/model';
import { timelineMarkdown } from '../../lib/export/pages';
import { textFile } from '../../lib/export/respond';

/** The timeline as Markdown. */
export const GET: APIRoute = async () => textFile(timelineMarkdown(await getArticle()), 'text/markdown');
