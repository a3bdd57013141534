import { describe, expect, test } from 'vitest';
import { type Citation, bibtex, cslJson, highwireTags, plainCitation, ris } from 'astro-long-read/build/export/citation';

const cite: Citation = {
	language: 'en',
	key: 'a-title-2022',
	title: 'A title & more_{x}',
	author: 'Senior Research Associate at An Institute, A City',
	container: 'The Paper',
	url: 'https://paper.example/1',
	year: 2022,
	month: 4,
	date: 'April 2022',
	note: 'Date inferred.',
	copy: 'https://site.example/read/',
};

describe('citation formats', () => {
	test('BibTeX escapes its special characters and keeps the author one literal name', () => {
		const text = bibtex(cite);
		expect(text).toContain('title   = {A title \\& more\\_\\{x\\}},');
		expect(text).toContain('author  = {{Senior Research Associate at An Institute, A City}},');
		expect(text).toContain('month   = apr,');
	});

	test('RIS carries the month in its date form, no name, CRLF line ends', () => {
		const text = ris(cite);
		expect(text).toContain('Y1  - 2022/04//\r\n');
		expect(text).not.toMatch(/^(AU|A1|PY)  -/m);
		expect(text.endsWith('ER  -\r\n')).toBe(true);
	});

	test('a date known only to the year says only the year', () => {
		const yearOnly = { ...cite, month: undefined };
		expect(bibtex(yearOnly)).not.toContain('month');
		expect(ris(yearOnly)).toContain('Y1  - 2022///');
		expect(JSON.parse(cslJson(yearOnly))[0].issued).toEqual({ 'date-parts': [[2022]] });
		expect(highwireTags(yearOnly)).toContainEqual(['citation_publication_date', '2022']);
	});

	test('CSL-JSON and the plain citation name the source and say the date is inferred', () => {
		const [item] = JSON.parse(cslJson(cite));
		expect(item).toMatchObject({ type: 'article-newspaper', 'container-title': 'The Paper', author: [{ literal: cite.author }], issued: { 'date-parts': [[2022, 4]] } });
		expect(plainCitation(cite)).toBe('Senior Research Associate at An Institute, A City. “A title & more_{x}.” The Paper, April 2022 (date inferred). https://paper.example/1');
	});
});
