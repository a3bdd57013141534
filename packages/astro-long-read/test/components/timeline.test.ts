import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import EventDate from '../../src/show/timeline/EventDate.astro';
import Timeline from '../../src/show/timeline/Timeline.astro';
import { parseDate } from '../../src/content/dates';
import { buildTimeline } from '../../src/model/timeline';
import { timelineGroups } from '../../src/model/timeline-groups';
import { ferry, introduction, only, options } from '../fixtures/timeline';

/** Two groups of a few entries: the shared fixture's introduction and two of the ferry's events. */
const timeline = buildTimeline([introduction, only(ferry, 'great-flood', 'ferry-years')], options);

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

describe('<Timeline>', () => {
	test('renders each group as a heading and an ordered list of entries in order', async () => {
		const html = await container.renderToString(Timeline, { props: { groups: timelineGroups(timeline) } });
		expect(html.match(/<ol class="entries"/g)).toHaveLength(2);
		expect(html).toMatch(/<h2 id="era-the-ferry"[^>]*>The ferry<\/h2>/);
		expect(html).toMatch(/<h2 id="era-undated"[^>]*>Not dated in the article<\/h2>/);
		const labels = [...html.matchAll(/class="label"[^>]*><a href="([^"]+)"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2]]);
		expect(labels).toEqual([
			['/the-ferry/#ferry-years', 'The ferry is the only way across the river'],
			['/the-ferry/#great-flood', 'The great flood: the town council meets on the hill'],
			['/#floods-every-spring', 'The river floods the lower town'],
		]);
	});

	test('full entries carry the event id, the article’s words and the editorial note', async () => {
		const html = await container.renderToString(Timeline, { props: { groups: timelineGroups(timeline), detailed: true, withIds: true, level: 3 } });
		expect(html).toMatch(/<li class="entry" id="great-flood"/);
		expect(html).toMatch(/<h3 id="era-the-ferry"/);
		expect(html).toMatch(/<q[^>]*>March 1841<\/q>/);
		expect(html).toMatch(/Editorial note<\/span> 12–13 March 1841/);
	});

	test('compact entries have no ids and no notes', async () => {
		const html = await container.renderToString(Timeline, { props: { groups: timelineGroups(timeline) } });
		expect(html).not.toMatch(/<li class="entry" id=/);
		expect(html).not.toContain('Editorial note');
	});
});

describe('<EventDate>', () => {
	test('a month is one <time> at month precision', async () => {
		const html = await container.renderToString(EventDate, { props: { date: parseDate('1841-03') } });
		expect(html).toMatch(/<time datetime="1841-03"[^>]*>March 1841<\/time>/);
	});

	test('an interval is two <time> elements', async () => {
		const html = await container.renderToString(EventDate, { props: { date: parseDate('1842-09/1842-10') } });
		expect(html).toMatch(/<time datetime="1842-09"[^>]*>September<\/time>–<time datetime="1842-10"[^>]*>October 1842<\/time>/);
	});

	test('an interval still going on is "since" its start, one <time>', async () => {
		const html = await container.renderToString(EventDate, { props: { date: parseDate('1962/..') } });
		expect(html).toMatch(/since <time datetime="1962"[^>]*>1962<\/time>\s*<\/span>/);
	});

	test('an undated event says so, without a <time>', async () => {
		const html = await container.renderToString(EventDate, { props: {} });
		expect(html).toContain('Not dated in the article');
		expect(html).not.toContain('<time');
	});
});
