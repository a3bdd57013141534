/**
 * "Cite this article": one record, written as BibTeX, RIS and CSL-JSON, and as the Highwire
 * `citation_*` tags that Google Scholar and Zotero read. Honest about what the article does not
 * say: it names no author (the byline gives a position and an institution, and so do we, never a
 * name), and its date is inferred from the text (each format that has a note says so).
 */
import GithubSlugger from 'github-slugger';
import { LANGUAGE, ORIGINAL } from '../../site.config';
import { type Article, absolute } from 'astro-long-read/model';

export interface Citation {
	/** A file-name-safe key: `russias-taliban-policy-2022`. */
	key: string;
	title: string;
	/** The author as the byline describes them: no name is given. */
	author: string;
	/** Where it was first published. */
	container: string;
	url: string;
	year: number;
	month?: number | undefined;
	/** "April 2022" */
	date: string;
	note: string;
	/** Our copy of the whole article. */
	copy: string;
}

export function citation(article: Article): Citation {
	const { introduction, written, links } = article;
	const published = new Date(written.date.start.min);
	const year = published.getUTCFullYear();
	const month = ['month', 'day'].includes(written.date.start.precision) ? published.getUTCMonth() + 1 : undefined;
	const { jobTitle, affiliation } = introduction.data.byline;
	const date = written.human;
	const copy = absolute(links.read);
	return {
		key: `${new GithubSlugger().slug(article.title.replace(/[’']/g, ''))}-${year}`,
		title: article.title,
		author: `${jobTitle} at ${affiliation}`,
		container: ORIGINAL.name,
		url: ORIGINAL.url,
		year,
		month,
		date,
		note: `Date inferred from the text (${date}); the article gives none. The author is named only by the byline. Read at ${copy}`,
		copy,
	};
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** BibTeX's special characters, escaped in field values. */
const tex = (value: string) => value.replace(/([{}%&#$_])/g, '\\$1');

export function bibtex(c: Citation): string {
	const fields: [string, string][] = [
		['title', `{${tex(c.title)}}`],
		// Double braces: a literal name, never split into given and family names.
		['author', `{{${tex(c.author)}}}`],
		['journal', `{${tex(c.container)}}`],
		['year', `{${c.year}}`],
		...(c.month ? ([['month', MONTHS[c.month - 1]!]] as [string, string][]) : []),
		['url', `{${c.url}}`],
		['note', `{${tex(c.note)}}`],
	];
	return `@article{${c.key},\n${fields.map(([name, value]) => `  ${name.padEnd(7)} = ${value},`).join('\n')}\n}\n`;
}

export function ris(c: Citation): string {
	const date = c.month ? `${c.year}/${String(c.month).padStart(2, '0')}//` : `${c.year}///`;
	// No AU line: RIS names are "Family, Given", and the article gives no name; N1 carries the byline.
	const lines = [
		['TY', 'NEWS'],
		['TI', c.title],
		['T2', c.container],
		// Year and month in RIS's date form ("2022/04//") as Y1, the primary date. A PY line would
		// carry the year alone, and readers that find one take it over the month.
		['Y1', date],
		['UR', c.url],
		['N1', `By a ${c.author}. ${c.note}`],
		['ER', ''],
	];
	return `${lines.map(([tag, value]) => `${tag}  - ${value}`.trimEnd()).join('\r\n')}\r\n`;
}

export function cslJson(c: Citation): string {
	const item = {
		id: c.key,
		type: 'article-newspaper',
		title: c.title,
		author: [{ literal: c.author }],
		'container-title': c.container,
		issued: { 'date-parts': [c.month ? [c.year, c.month] : [c.year]] },
		URL: c.url,
		language: LANGUAGE.tag,
		note: c.note,
	};
	return `${JSON.stringify([item], null, 2)}\n`;
}

/** The Highwire Press tags, as `[name, content]` pairs for `<meta name content>`. */
export function highwireTags(c: Citation): [string, string][] {
	return [
		['citation_title', c.title],
		['citation_publication_date', c.month ? `${c.year}/${String(c.month).padStart(2, '0')}` : String(c.year)],
		['citation_journal_title', c.container],
		['citation_public_url', c.url],
		['citation_fulltext_html_url', c.copy],
		['citation_language', LANGUAGE.tag],
	];
}

/** A plain citation to read and copy: the byline's words, the title, where and when. */
export function plainCitation(c: Citation): string {
	return `${c.author}. “${c.title}.” ${c.container}, ${c.date} (date inferred). ${c.url}`;
}

/** The downloadable files, by name: what the "Cite this article" links point at. */
export const CITATION_FILES = [
	{ extension: 'bib', label: 'BibTeX', type: 'application/x-bibtex', write: bibtex },
	{ extension: 'ris', label: 'RIS', type: 'application/x-research-info-systems', write: ris },
	{ extension: 'json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json', write: cslJson },
] as const;
