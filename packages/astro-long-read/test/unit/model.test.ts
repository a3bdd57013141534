import { describe, expect, test } from 'vitest';
import { ContentError } from '../../src/content/errors';
import { buildArticle } from '../../src/model/model';
import { introductionEntry, sectionEntry, threeSections } from '../fixtures/entries';

const deploy = { base: '/sub/', site: 'https://example.org' };
const article = buildArticle([introductionEntry()], threeSections(), deploy);
const [ferry, bridge, levees] = article.sections;

describe('the page model', () => {
	test('sections follow `order`, numbered by their place in reading order, not by the field', () => {
		expect(article.sections.map((section) => section.id)).toEqual(['the-ferry', 'the-bridge', 'the-levees']);
		expect(article.sections.map((section) => section.number)).toEqual([1, 2, 3]);
		expect(levees!.order).toBe(7);
		expect(levees!.position).toBe('Section 3 of 3');
	});

	test('the rel=next chain runs from the overview through every section', () => {
		expect(article.readingOrder.map((page) => page.id)).toEqual(['overview', 'the-ferry', 'the-bridge', 'the-levees']);
		expect(article.overview.next?.id).toBe('the-ferry');
		expect(ferry!.prev?.id).toBe('overview');
		expect(ferry!.next?.id).toBe('the-bridge');
		expect(bridge!.prev?.id).toBe('the-ferry');
		expect(levees!.next).toBeUndefined();
	});

	test('links live under the base; structured data names absolute URLs', () => {
		expect(article.links).toMatchObject({ home: '/sub/', contents: '/sub/#sections', timeline: '/sub/timeline/', read: '/sub/read/', search: '/sub/search/' });
		expect(article.links.markdown).toEqual({ home: '/sub/index.md', read: '/sub/read/index.md', timeline: '/sub/timeline/index.md' });
		expect(ferry!.href).toBe('/sub/the-ferry/');
		expect(ferry!.markdown).toBe('/sub/the-ferry/index.md');
		expect(article.info.url).toBe('https://example.org/sub/');
		expect(article.info.sections.map((section) => section.url)).toEqual(article.sections.map((section) => `https://example.org${section.href}`));
	});

	test('without a site, URLs stay root-relative', () => {
		const local = buildArticle([introductionEntry()], threeSections(), { base: '/' });
		expect(local.info.url).toBe('/');
		expect(local.sections[0]!.href).toBe('/the-ferry/');
	});

	test('each section carries its era, parsed once and labelled', () => {
		expect(ferry!.era.human).toBe('1800–1899');
		expect(ferry!.era).toBe(article.timeline.eraById.get('the-ferry'));
		expect(levees!.era.period.edtf).toBe('1990/2021');
	});

	test('reading time counts the author’s words, not our headings', () => {
		expect(article.sections.map((section) => section.words)).toEqual([10, 2, 7]);
		expect(ferry!.readingTime).toBe('1 min read');
		const long = sectionEntry('01-the-long-one', { order: 1 }, `## Ours\n\n${'word '.repeat(500)}\n`);
		expect(buildArticle([introductionEntry()], [long], deploy).sections[0]!).toMatchObject({ words: 500, readingTime: '3 min read' });
	});

	test('when it was written is derived once, always marked as inferred', () => {
		expect(article.written.human).toBe('May 2021');
		expect(article.written.label).toBe('written May 2021 (inferred)');
		expect(article.written.date).toBe(article.timeline.published);
	});

	test('the span runs from the first dated event to the last, epilogue included', () => {
		expect(article.timeline.epilogue.map((event) => event.id)).toEqual(['levees-raised']);
		expect(article.span).toEqual({ from: 1841, to: 2023, label: '1841–2023' });
		const undated = buildArticle([introductionEntry()], [sectionEntry('01-the-weir', { order: 1 })], deploy);
		expect(undated.span.label).toBe('2021–2021');
	});

	test('title and description come from the introduction', () => {
		expect(article.title).toBe('The river and the town');
		expect(article.description).toBe('How a town on a flooding river learnt to live with its water.');
	});
});

describe('content the model refuses, naming the file', () => {
	const refuse = (build: () => unknown, file: string, field: string) => {
		expect(build).toThrow(ContentError);
		try {
			build();
		} catch (error) {
			expect((error as ContentError).message).toContain(file);
			expect((error as ContentError).message).toContain(field);
		}
	};

	test('no introduction', () => refuse(() => buildArticle([], threeSections(), deploy), 'content/introduction.mdx', 'file'));
	test('two introductions', () => refuse(() => buildArticle([introductionEntry(), { ...introductionEntry(), filePath: 'content/other.mdx' }], threeSections(), deploy), 'content/other.mdx', 'file'));
	test('no sections', () => refuse(() => buildArticle([introductionEntry()], [], deploy), 'content/sections/', 'files'));
	test('the folder named is the one the content is read from', () =>
		refuse(() => buildArticle([], threeSections(), deploy, { folder: 'tmp/scratch' }), 'tmp/scratch/introduction.mdx', 'file'));
	test('two sections in one place', () => {
		const sections = [...threeSections(), sectionEntry('04-the-mill', { order: 2 })];
		refuse(() => buildArticle([introductionEntry()], sections, deploy), 'content/sections/04-the-mill.mdx', 'order');
	});
});
