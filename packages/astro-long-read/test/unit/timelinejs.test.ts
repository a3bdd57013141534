import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, test } from 'vitest';
import { buildTimeline } from '../../src/model/timeline';
import { toTimelineJS } from '../../src/build/export/timelinejs';

const timeline = buildTimeline(
	[
		{ id: 'intro', file: 'i.mdx', title: 'Introduction', href: '/', events: [{ id: 'every-spring', label: 'Spring floods', sentence: 'e' }] },
		{
			id: 'the-ferry',
			file: 'f.mdx',
			title: 'The ferry',
			href: '/the-ferry/',
			period: '1800/1899',
			events: [
				{ id: 'great-flood', label: 'Great <Flood>', date: '1841-03', when: 'March 1841', precision: '12–13 March 1841', sentence: 'great-flood' },
				{ id: 'ferry-years', label: 'Ferry years', date: '1820/1841', sentence: 'f' },
				{ id: 'council', label: 'Council', date: '1841-03-13', sentence: 'c' },
			],
		},
		{
			id: 'the-bridge',
			file: 'b.mdx',
			title: 'The bridge',
			href: '/the-bridge/',
			period: '1900/1989',
			events: [
				{ id: 'cars', label: 'Cars', date: '195X', sentence: 'a' },
				{ id: 'ferry-returns', label: 'The ferry returns', date: '1962/..', sentence: 'fr' },
				{ id: 'later', label: 'Levees raised', date: '2023-06-03', sentence: 'r' },
			],
		},
	],
	{ published: '2021-05', timelineHref: '/timeline/' },
);

describe('toTimelineJS', () => {
	const doc = toTimelineJS(timeline, { title: 'Title', description: 'About', absolute: (path) => `https://example.org${path}` });

	test('every dated event, with its id, group and dates at their precision', () => {
		expect(doc.events.map((event) => [event.unique_id, event.group, event.start_date, event.end_date])).toEqual([
			['ferry-years', 'The ferry', { year: 1820 }, { year: 1841 }],
			['great-flood', 'The ferry', { year: 1841, month: 3 }, undefined],
			['council', 'The ferry', { year: 1841, month: 3, day: 13 }, undefined],
			['cars', 'The bridge', { year: 1950 }, { year: 1959 }],
			// Still going on when the text was written: it runs up to then.
			['ferry-returns', 'The bridge', { year: 1962 }, { year: 2021, month: 5 }],
			['later', 'After publication', { year: 2023, month: 6, day: 3 }, undefined],
		]);
	});

	test('headline, display date and text with the text’s words, the note and a link, escaped', () => {
		const flood = doc.events.find((event) => event.unique_id === 'great-flood')!;
		expect(flood.text.headline).toBe('Great <Flood>');
		expect(flood.display_date).toBe('March 1841');
		expect(flood.text.text).toBe(
			'<p>The article says “March 1841”.</p><p>Editorial note: 12–13 March 1841.</p><p><a href="https://example.org/the-ferry/#great-flood">Read it in “The ferry”</a></p>',
		);
	});

	test('eras are the sections; the title names the undated events', () => {
		expect(doc.eras).toEqual([
			{ start_date: { year: 1800 }, end_date: { year: 1899 }, text: { headline: 'The ferry' } },
			{ start_date: { year: 1900 }, end_date: { year: 1989 }, text: { headline: 'The bridge' } },
		]);
		expect(doc.title.text.headline).toBe('Title');
		expect(doc.title.text.text).toContain('Not dated in the article, so not on this axis: Spring floods.');
		expect(doc.title.text.text).toContain('Written May 2021 (inferred from the text).');
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
				period: '1800/1899',
				events: [{ id: 'e', label: 'E', date: '1841-03', when: `when ${tricky}`, precision: `note ${tricky}`, sentence: 's' }],
			},
		],
		{ published: '2021-05', timelineHref: '/timeline/' },
	);
	const doc = toTimelineJS(special, { title: `Title ${tricky}`, description: `About ${tricky}`, absolute: (path) => `https://example.org${path}` });
	const parse = (html = '') => fromHtml(html, { fragment: true });

	test('are HTML that reads back as written, whatever the characters', () => {
		expect(toText(parse(doc.title.text.headline))).toBe(`Title ${tricky}`);
		expect(parse(doc.title.text.text).children.map((node) => toText(node))).toEqual([
			`About ${tricky}`,
			'Written May 2021 (inferred from the text). Dates and notes are editorial.',
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
