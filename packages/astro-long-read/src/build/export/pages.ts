/**
 * The Markdown copy of each reading page, `/llms.txt` and `/llms-full.txt` (llmstxt.org), built
 * from the article model. The author's words come from the MDX unchanged; everything we add is
 * marked as ours: headings (lines starting with `#`) and lines set in italics.
 */
import { type Article, type Section, absolute } from '../../model/article';
import { mdxToMarkdown } from './markdown';

const italic = (text: string) => `_${text}_`;

/** "First published in The Gazette (https://…), written" or "Written": where and when, as far as known. */
const firstPublished = ({ original }: Article, written: string) =>
	original ? `First published in ${original.name} (${original.url}), ${written}` : capitalised(written);

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** The note that opens every file: what is the author's and what is ours. */
function preamble(article: Article): string {
	return italic(
		`Editorial: headings and lines in italics are this site's additions; every other line is the author's text, unchanged. ${firstPublished(article, 'written')} ${article.written.human} (inferred from the text; the article gives no date).`,
	);
}

const body = (entry: { body?: string | undefined; filePath?: string | undefined; id: string }) => mdxToMarkdown(entry.body ?? '', entry.filePath ?? entry.id);

/** The title, the note on what is ours, and the introduction: how the overview and the whole article open. */
const opening = (article: Article) => [`# ${article.title}`, preamble(article), body(article.introduction)];

export function overviewMarkdown(article: Article): string {
	const { sections } = article;
	return [
		...opening(article),
		'## Sections',
		sections.map((section) => `- [${section.title}](${absolute(section.markdown)}): ${italic(section.summary)}`).join('\n'),
	].join('\n\n');
}

export function sectionMarkdown(article: Article, section: Section): string {
	const position = `${section.position} of “${article.title}”`;
	return [`# ${section.title}`, preamble(article), italic(`${position} · ${section.era.human}`), italic(section.summary), body(section.entry)].join('\n\n');
}

/** The whole article in reading order: `/read/index.md` and `/llms-full.txt`. */
export function wholeMarkdown(article: Article): string {
	const { sections } = article;
	return [
		...opening(article),
		...sections.flatMap((section) => [`## ${section.title}`, italic(`${section.era.human} · ${section.summary}`), body(section.entry)]),
	].join('\n\n');
}

/** The timeline: every event, our label and date, the article's own words for the time. */
export function timelineMarkdown(article: Article): string {
	const lines = article.groups.flatMap((group) => [
		`## ${group.title}`,
		...(group.note ? [italic(group.note)] : []),
		group.events
			.map((event) => {
				const when = event.when ? ` The article: “${event.when}”.` : '';
				const precision = event.precision ? ` ${event.precision}.` : '';
				return `- ${italic(`${event.human ?? 'Not dated'}: ${event.label}.${precision}`)}${when} [The sentence](${absolute(event.sentenceHref)})`;
			})
			.join('\n'),
	]);
	return [`# Timeline of “${article.title}”`, preamble(article), ...lines].join('\n\n');
}

/** `/llms.txt`: the site in the llmstxt.org format, each page's Markdown copy with one line. */
export function llmsTxt(article: Article): string {
	const { introduction, sections, links } = article;
	const link = (title: string, href: string, note: string) => `- [${title}](${absolute(href)}): ${note}`;
	return [
		`# ${article.title}`,
		`> ${article.description}`,
		`${capitalised(article.genre.name)}${article.original ? ` first published in ${article.original.name} (${article.original.url});` : ','} written ${article.written.human} (inferred from the text). The author is named only by the byline: a ${introduction.data.byline.jobTitle} at ${introduction.data.byline.affiliation}. Each link is a Markdown copy of a page: the author's words unchanged, our headings and notes marked as ours.`,
		'## Article',
		[link(article.title, links.markdown.home, 'the overview: the introduction and the list of sections'), ...sections.map((section) => link(section.title, section.markdown, section.summary))].join('\n'),
		'## Optional',
		[
			link('The whole article', links.markdown.read, 'every section on one page, in reading order (also /llms-full.txt)'),
			link('Timeline', links.markdown.timeline, 'every event the article mentions, dated, with links to the sentences'),
		].join('\n'),
	].join('\n\n');
}
