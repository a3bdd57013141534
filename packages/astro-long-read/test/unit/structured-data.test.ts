import { describe, expect, test } from 'vitest';
import { type ArticleInfo, overviewData, pageData, sectionData } from '../../src/model/structured-data';

describe('structured data', () => {
	const info: ArticleInfo = {
		title: 'The river and the town',
		description: 'How a town learnt to live with its river',
		url: 'https://example.org/sub/',
		byline: { jobTitle: 'Archivist', affiliation: 'Valley Records Office, Eastford', handle: '@valley_records' },
		language: 'en',
		original: { name: 'The Valley Gazette', url: 'https://gazette.example/1' },
		sections: [
			{ title: 'The ferry', description: 'First', url: 'https://example.org/sub/the-ferry/' },
			{ title: 'The bridge', description: 'Second', url: 'https://example.org/sub/the-bridge/' },
		],
	};

	test('the overview is the whole article, with its parts, no date and no author name', () => {
		const data = overviewData(info) as unknown as { '@graph': Record<string, unknown>[] };
		const [article, crumbs] = data['@graph'];
		expect(article).toMatchObject({
			'@type': 'Article',
			'@id': 'https://example.org/sub/#article',
			headline: 'The river and the town',
			isBasedOn: { url: 'https://gazette.example/1' },
			hasPart: [
				{ '@type': 'Article', headline: 'The ferry', url: 'https://example.org/sub/the-ferry/' },
				{ '@type': 'Article', headline: 'The bridge', url: 'https://example.org/sub/the-bridge/' },
			],
			author: { '@type': 'Person', description: 'Archivist at Valley Records Office, Eastford (@valley_records)' },
		});
		expect(article).not.toHaveProperty('datePublished');
		expect(article!.author).not.toHaveProperty('name');
		expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList', itemListElement: [{ position: 1, item: 'https://example.org/sub/' }] });
	});

	test("the author is described in the byline's own words when the text gives them, else by its facts", () => {
		const text = 'The writer is an Archivist at Valley Records Office, Eastford. She posts as @valley_records.';
		const withText = overviewData({ ...info, byline: { ...info.byline, text } }) as unknown as { '@graph': { author: { description: string } }[] };
		expect(withText['@graph'][0]!.author.description).toBe(text);
		const without = sectionData(info, 0) as unknown as { '@graph': { author: { description: string } }[] };
		expect(without['@graph'][0]!.author.description).toBe('Archivist at Valley Records Office, Eastford (@valley_records)');
	});

	test('a section is part of the whole, with a two-step breadcrumb', () => {
		const data = sectionData(info, 1) as unknown as { '@graph': Record<string, unknown>[] };
		expect(data['@graph'][0]).toMatchObject({ headline: 'The bridge', position: 2, isPartOf: { '@id': 'https://example.org/sub/#article' } });
		expect(data['@graph'][1]).toMatchObject({
			itemListElement: [
				{ position: 1, name: 'The river and the town' },
				{ position: 2, name: 'The bridge', item: 'https://example.org/sub/the-bridge/' },
			],
		});
		expect(() => sectionData(info, 5)).toThrow(RangeError);
	});

	test('other pages carry a breadcrumb', () => {
		const data = pageData(info, { name: 'Timeline', url: 'https://example.org/sub/timeline/' }) as unknown as { '@graph': Record<string, unknown>[] };
		expect(data['@graph']).toHaveLength(1);
		expect(data['@graph'][0]).toMatchObject({ '@type': 'BreadcrumbList' });
	});
});
