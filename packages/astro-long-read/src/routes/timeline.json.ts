import type { APIRoute } from 'astro';
import { absolute, getArticle } from '../model/article';
import { toTimelineJS } from '../build/export/timelinejs';

/** `/timeline.json`: the timeline for TimelineJS3. */
export const GET: APIRoute = async () => {
	const { title, description, timeline } = await getArticle();
	const document = toTimelineJS(timeline, {
		title,
		description,
		absolute,
	});
	return new Response(`${JSON.stringify(document, null, '\t')}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
