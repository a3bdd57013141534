import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import EventDate from 'astro-long-read/components/timeline/EventDate.astro';
import Timeline from 'astro-long-read/components/timeline/Timeline.astro';
import { parseDate } from 'astro-long-read/content/dates';
import { buildTimeline } from 'astro-long-read/model/timeline';
import { timelineGroups } from 'astro-long-read/model/timeline-groups';
import { introduction, only, options, sovietEra } from '../fixtures/timeline';

/** Two groups of a few entries: the shared fixture's introduction and two of the Soviet era's events. */
const timeline = buildTimeline([introduction, only(sovietEra, 'saur', 'friendship')], options);

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

describe('<Timeline>', () => {
	test('renders each group as a heading and an ordered list of entries in order', async () => {
		const html = await container.renderToString(Timeline, { props: { groups: timelineGroups(timeline) } });
		expect(html.match(/<ol class="entries"/g)).toHaveLength(2);
		expect(html).toMatch(/<h2 id="era-soviet-era"[^>]*>The Soviet era<\/h2>/);
		expect(html).toMatch(/<h2 id="era-undated"[^>]*>Not dated in the article<\/h2>/);
		const labels = [...html.matchAll(/class="label"[^>]*><a href="([^"]+)"[^>]*>([^<]+)</g)].map((m) => [m[1], m[2]]);
		expect(labels).toEqual([
			['/soviet-era/#friendly', 'Close and friendly Soviet–Afghan relations'],
			['/soviet-era/#daoud', 'Saur Revolution: Daoud overthrown and killed'],
			['/#hosting', 'Moscow hosts Taliban leadership'],
		]);
	});

	test('full entries carry the event id, the article’s words and the editorial note', async () => {
		const html = await container.renderToString(Timeline, { props: { groups: timelineGroups(timeline), detailed: true, withIds: true, level: 3 } });
		expect(html).toMatch(/<li class="entry" id="saur"/);
		expect(html).toMatch(/<h3 id="era-soviet-era"/);
		expect(html).toMatch(/<q[^>]*>April 1978<\/q>/);
		expect(html).toMatch(/Editorial note<\/span> 27–28 April 1978/);
	});

	test('compact entries have no ids and no notes', async () => {
		const html = await container.renderToString(Timeline, { props: { groups: timelineGroups(timeline) } });
		expect(html).not.toMatch(/<li class="entry" id=/);
		expect(html).not.toContain('Editorial note');
	});
});

describe('<EventDate>', () => {
	test('a month is one <time> at month precision', async () => {
		const html = await container.renderToString(EventDate, { props: { date: parseDate('1978-04') } });
		expect(html).toMatch(/<time datetime="1978-04"[^>]*>April 1978<\/time>/);
	});

	test('an interval is two <time> elements', async () => {
		const html = await container.renderToString(EventDate, { props: { date: parseDate('1979-09/1979-10') } });
		expect(html).toMatch(/<time datetime="1979-09"[^>]*>September<\/time>–<time datetime="1979-10"[^>]*>October 1979<\/time>/);
	});

	test('an undated event says so, without a <time>', async () => {
		const html = await container.renderToString(EventDate, { props: {} });
		expect(html).toContain('Not dated in the article');
		expect(html).not.toContain('<time');
	});
});
