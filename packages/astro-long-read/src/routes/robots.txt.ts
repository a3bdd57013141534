import type { APIRoute } from 'astro';
import { absolute, url } from '../model/article';

/** `robots.txt`, pointing at the sitemap by its absolute URL (when SITE_URL gives one). */
export const GET: APIRoute = ({ site }) => {
	const lines = ['User-agent: *', 'Allow: /'];
	if (site) lines.push('', `Sitemap: ${absolute(url('sitemap-index.xml'))}`);
	return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
