import { describe, expect, test } from 'vitest';
import { type ArticleInfo, overviewData, pageData, sectionData } from 'astro-long-read/model/structured-data';

describe('structured data', () => {
	const info: ArticleInfo = {
		title: 'Russia’s Taliban policy',
		description: 'About it',
		url: 'https://example.org/sub/',
		byline: { jobTitle: 'Senior Research Associate', affiliation: 'Strategic Vision Institute, Islamabad', handle: '@someone' },
		language: 'en',
		original: { name: 'Daily Times', url: 'https://dailytimes.example/1' },
		sections: [
			{ title: 'One', description: 'First', url: 'https://example.org/sub/one/' },
			{ title: 'Two', description: 'Second', url: 'https://example.org/sub/two/' },
		],
	};

	test('the overview is the whole article, with its parts, no date and no author name', () => {
		const data = overviewData(info) as unknown as { '@graph': Record<string, unknown>[] };
		const [article, crumbs] = data['@graph'];
		expect(article).toMatchObject({
			'@type': 'Article',
			'@id': 'https://example.org/sub/#article',
			headline: 'Russia’s Taliban policy',
			isBasedOn: { url: 'https://dailytimes.example/1' },
			hasPart: [
				{ '@type': 'Article', headline: 'One', url: 'https://example.org/sub/one/' },
				{ '@type': 'Article', headline: 'Two', url: 'https://example.org/sub/two/' },
			],
			author: { '@type': 'Person', description: 'Senior Research Associate at Strategic Vision Institute, Islamabad (@someone)' },
		});
		expect(article).not.toHaveProperty('datePublished');
		expect(article!.author).not.toHaveProperty('name');
		expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList', itemListElement: [{ position: 1, item: 'https://example.org/sub/' }] });
	});

	test("the author is described in the byline's own words when the text gives them, else by its facts", () => {
		const text = 'The writer is a Senior Research Associate at Strategic Vision Institute, Islamabad. He tweets @someone.';
		const withText = overviewData({ ...info, byline: { ...info.byline, text } }) as unknown as { '@graph': { author: { description: string } }[] };
		expect(withText['@graph'][0]!.author.description).toBe(text);
		const without = sectionData(info, 0) as unknown as { '@graph': { author: { description: string } }[] };
		expect(without['@graph'][0]!.author.description).toBe('Senior Research Associate at Strategic Vision Institute, Islamabad (@someone)');
	});

	test('a section is part of the whole, with a two-step breadcrumb', () => {
		const data = sectionData(info, 1) as unknown as { '@graph': Record<string, unknown>[] };
		expect(data['@graph'][0]).toMatchObject({ headline: 'Two', position: 2, isPartOf: { '@id': 'https://example.org/sub/#article' } });
		expect(data['@graph'][1]).toMatchObject({
			itemListElement: [
				{ position: 1, name: 'Russia’s Taliban policy' },
				{ position: 2, name: 'Two', item: 'https://example.org/sub/two/' },
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
