/**
 * "Cite this article": one record, written as BibTeX, RIS and CSL-JSON, and as the Highwire
 * `citation_*` tags that Google Scholar and Zotero read. Honest about what the article does not
 * say: it names no author (the byline gives a position and an institution, and so do we, never a
 * name), and its date is inferred from the text (each format that has a note says so).
 */
import GithubSlugger from 'github-slugger';
import { type Article, absolute } from '../../model/article';

export interface Citation {
	/** A file-name-safe key: `the-river-and-the-town-2021`. */
	key: string;
	title: string;
	/** The author as the byline describes them: no name is given. */
	author: string;
	/** Where it was first published, when elsewhere; without it, the record cites this site's copy. */
	container?: string | undefined;
	url: string;
	year: number;
	month?: number | undefined;
	/** "May 2021" */
	date: string;
	note: string;
	/** Our copy of the whole article. */
	copy: string;
	/** The text's language tag (`en`). */
	language: string;
}

/** A title as a file name: `The river’s town` → `the-rivers-town`. */
export const titleSlug = (title: string) => new GithubSlugger().slug(title.replace(/[’']/g, ''));

export function citation(article: Article): Citation {
	const { introduction, written, links } = article;
	const published = new Date(written.date.start.min);
	const year = published.getUTCFullYear();
	const month = ['month', 'day'].includes(written.date.start.precision) ? published.getUTCMonth() + 1 : undefined;
	const { jobTitle, affiliation } = introduction.data.byline;
	const date = written.human;
	const copy = absolute(links.read);
	return {
		key: `${titleSlug(article.title)}-${year}`,
		title: article.title,
		author: `${jobTitle} at ${affiliation}`,
		container: article.original?.name,
		url: article.original?.url ?? copy,
		year,
		month,
		date,
		note: `Date inferred from the text (${date}); the article gives none. The author is named only by the byline.${article.original ? ` Read at ${copy}` : ''}`,
		copy,
		language: article.language,
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
		...(c.container ? ([['journal', `{${tex(c.container)}}`]] as [string, string][]) : []),
		['year', `{${c.year}}`],
		...(c.month ? ([['month', MONTHS[c.month - 1]!]] as [string, string][]) : []),
		['url', `{${c.url}}`],
		['note', `{${tex(c.note)}}`],
	];
	return `@${c.container ? 'article' : 'online'}{${c.key},\n${fields.map(([name, value]) => `  ${name.padEnd(7)} = ${value},`).join('\n')}\n}\n`;
}

export function ris(c: Citation): string {
	const date = c.month ? `${c.year}/${String(c.month).padStart(2, '0')}//` : `${c.year}///`;
	// No AU line: RIS names are "Family, Given", and the article gives no name; N1 carries the byline.
	const lines = [
		['TY', c.container ? 'NEWS' : 'ELEC'],
		['TI', c.title],
		...(c.container ? [['T2', c.container]] : []),
		// Year and month in RIS's date form ("2021/05//") as Y1, the primary date. A PY line would
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
		type: c.container ? 'article-newspaper' : 'webpage',
		title: c.title,
		author: [{ literal: c.author }],
		...(c.container ? { 'container-title': c.container } : {}),
		issued: { 'date-parts': [c.month ? [c.year, c.month] : [c.year]] },
		URL: c.url,
		language: c.language,
		note: c.note,
	};
	return `${JSON.stringify([item], null, 2)}\n`;
}

/** The Highwire Press tags, as `[name, content]` pairs for `<meta name content>`. */
export function highwireTags(c: Citation): [string, string][] {
	return [
		['citation_title', c.title],
		['citation_publication_date', c.month ? `${c.year}/${String(c.month).padStart(2, '0')}` : String(c.year)],
		...(c.container ? ([['citation_journal_title', c.container]] as [string, string][]) : []),
		['citation_public_url', c.url],
		['citation_fulltext_html_url', c.copy],
		['citation_language', c.language],
	];
}

/** A plain citation to read and copy: the byline's words, the title, where and when. */
export function plainCitation(c: Citation): string {
	return `${c.author}. “${c.title}.” ${c.container ? `${c.container}, ` : ''}${c.date} (date inferred). ${c.url}`;
}

/** The downloadable files, by name: what the "Cite this article" links point at. */
export const CITATION_FILES = [
	{ extension: 'bib', label: 'BibTeX', type: 'application/x-bibtex', write: bibtex },
	{ extension: 'ris', label: 'RIS', type: 'application/x-research-info-systems', write: ris },
	{ extension: 'json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json', write: cslJson },
] as const;
