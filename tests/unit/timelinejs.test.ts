import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, test } from 'vitest';
import { buildTimeline } from 'astro-long-read/model/timeline';
import { toTimelineJS } from 'astro-long-read/build/export/timelinejs';

const timeline = buildTimeline(
	[
		{ id: 'intro', file: 'i.mdx', title: 'Introduction', href: '/', events: [{ id: 'hosting', label: 'Hosting', sentence: 'h' }] },
		{
			id: 'soviet-era',
			file: 's.mdx',
			title: 'The Soviet era',
			href: '/soviet-era/',
			period: '1945/1989',
			events: [
				{ id: 'saur', label: 'Saur <Revolution>', date: '1978-04', when: 'April 1978', precision: '27–28 April 1978', sentence: 'daoud' },
				{ id: 'friendship', label: 'Friendship', date: '1945/1978', sentence: 'f' },
				{ id: 'coup', label: 'Coup', date: '1978-04-27', sentence: 'c' },
			],
		},
		{
			id: 'nineties',
			file: 'n.mdx',
			title: 'The 1990s',
			href: '/nineties/',
			period: '1989/2001',
			events: [
				{ id: 'alliance', label: 'Alliance', date: '199X', sentence: 'a' },
				{ id: 'later', label: 'Recognition', date: '2025-07-03', sentence: 'r' },
			],
		},
	],
	{ published: '2022-04', timelineHref: '/timeline/' },
);

describe('toTimelineJS', () => {
	const doc = toTimelineJS(timeline, { title: 'Title', description: 'About', absolute: (path) => `https://example.org${path}` });

	test('every dated event, with its id, group and dates at their precision', () => {
		expect(doc.events.map((event) => [event.unique_id, event.group, event.start_date, event.end_date])).toEqual([
			['friendship', 'The Soviet era', { year: 1945 }, { year: 1978 }],
			['saur', 'The Soviet era', { year: 1978, month: 4 }, undefined],
			['coup', 'The Soviet era', { year: 1978, month: 4, day: 27 }, undefined],
			['alliance', 'The 1990s', { year: 1990 }, { year: 1999 }],
			['later', 'After publication', { year: 2025, month: 7, day: 3 }, undefined],
		]);
	});

	test('headline, display date and text with the article’s words, the note and a link, escaped', () => {
		const saur = doc.events.find((event) => event.unique_id === 'saur')!;
		expect(saur.text.headline).toBe('Saur <Revolution>');
		expect(saur.display_date).toBe('April 1978');
		expect(saur.text.text).toBe(
			'<p>The article says “April 1978”.</p><p>Editorial note: 27–28 April 1978.</p><p><a href="https://example.org/soviet-era/#daoud">Read it in “The Soviet era”</a></p>',
		);
	});

	test('eras are the sections; the title names the undated events', () => {
		expect(doc.eras).toEqual([
			{ start_date: { year: 1945 }, end_date: { year: 1989 }, text: { headline: 'The Soviet era' } },
			{ start_date: { year: 1989 }, end_date: { year: 2001 }, text: { headline: 'The 1990s' } },
		]);
		expect(doc.title.text.headline).toBe('Title');
		expect(doc.title.text.text).toContain('Not dated in the article, so not on this axis: Hosting.');
		expect(doc.title.text.text).toContain('Written April 2022 (inferred from the text).');
	});
});

describe('toTimelineJS texts', () => {
	const tricky = `A & B <c> "d"`;
	const special = buildTimeline(
		[
			{ id: 'intro', file: 'i.mdx', title: 'Introduction', href: '/', events: [{ id: 'undated', label: `Undated ${tricky}`, sentence: 'u' }] },
			{
				id: 'one',
				file: 'o.mdx',
				title: `One ${tricky}`,
				href: '/one/?a=1&b="2"',
				period: '1945/1989',
				events: [{ id: 'e', label: 'E', date: '1978-04', when: `when ${tricky}`, precision: `note ${tricky}`, sentence: 's' }],
			},
		],
		{ published: '2022-04', timelineHref: '/timeline/' },
	);
	const doc = toTimelineJS(special, { title: `Title ${tricky}`, description: `About ${tricky}`, absolute: (path) => `https://example.org${path}` });
	const parse = (html = '') => fromHtml(html, { fragment: true });

	test('are HTML that reads back as written, whatever the characters', () => {
		expect(toText(parse(doc.title.text.headline))).toBe(`Title ${tricky}`);
		expect(parse(doc.title.text.text).children.map((node) => toText(node))).toEqual([
			`About ${tricky}`,
			'Written April 2022 (inferred from the text). Dates and notes are editorial.',
			`Not dated in the article, so not on this axis: Undated ${tricky}.`,
		]);
		const [event] = doc.events;
		expect(parse(event?.text.text).children.map((node) => toText(node))).toEqual([
			`The article says “when ${tricky}”.`,
			`Editorial note: note ${tricky}.`,
			`Read it in “One ${tricky}”`,
		]);
	});

	test('the link is the sentence’s URL, whatever its characters', () => {
		const link = parse(doc.events[0]?.text.text).children.at(-1);
		const a = link?.type === 'element' ? link.children[0] : undefined;
		expect(a?.type === 'element' && a.properties.href).toBe(`https://example.org${special.eras[0]!.events[0]!.sentenceHref}`);
		expect(special.eras[0]!.events[0]!.sentenceHref).toContain('&b="2"');
	});
});
