import { describe, expect, test } from 'vitest';
import { type Citation, bibtex, cslJson, highwireTags, plainCitation, ris } from '../../../src/build/export/citation';

const cite: Citation = {
	language: 'en',
	key: 'the-river-and-the-town-2021',
	title: 'The river & the town_{x}',
	author: 'Archivist at Valley Records Office, Eastford',
	container: 'The Valley Gazette',
	url: 'https://gazette.example/1',
	year: 2021,
	month: 5,
	date: 'May 2021',
	note: 'Date inferred.',
	copy: 'https://site.example/read/',
};

describe('citation formats', () => {
	test('BibTeX escapes its special characters and keeps the author one literal name', () => {
		const text = bibtex(cite);
		expect(text).toContain('title   = {The river \\& the town\\_\\{x\\}},');
		expect(text).toContain('author  = {{Archivist at Valley Records Office, Eastford}},');
		expect(text).toContain('month   = may,');
	});

	test('RIS carries the month in its date form, no name, CRLF line ends', () => {
		const text = ris(cite);
		expect(text).toContain('Y1  - 2021/05//\r\n');
		expect(text).not.toMatch(/^(AU|A1|PY)  -/m);
		expect(text.endsWith('ER  -\r\n')).toBe(true);
	});

	test('a date known only to the year says only the year', () => {
		const yearOnly = { ...cite, month: undefined };
		expect(bibtex(yearOnly)).not.toContain('month');
		expect(ris(yearOnly)).toContain('Y1  - 2021///');
		expect(JSON.parse(cslJson(yearOnly))[0].issued).toEqual({ 'date-parts': [[2021]] });
		expect(highwireTags(yearOnly)).toContainEqual(['citation_publication_date', '2021']);
	});

	test('CSL-JSON and the plain citation name the source and say the date is inferred', () => {
		const [item] = JSON.parse(cslJson(cite));
		expect(item).toMatchObject({ type: 'article-newspaper', 'container-title': 'The Valley Gazette', author: [{ literal: cite.author }], issued: { 'date-parts': [[2021, 5]] } });
		expect(plainCitation(cite)).toBe('Archivist at Valley Records Office, Eastford. “The river & the town_{x}.” The Valley Gazette, May 2021 (date inferred). https://gazette.example/1');
	});
});
