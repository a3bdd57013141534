/**
 * The Markdown copy of each reading page, `/llms.txt` and `/llms-full.txt` (llmstxt.org), built
 * from the article model. The author's words come from the MDX unchanged; everything we add is
 * marked as ours: headings (lines starting with `#`) and lines set in italics.
 */
import { type Article, ORIGINAL, type Section, absolute } from '../article';
import { humanDate } from '../dates';
import { timelineGroups } from '../timeline';
import { mdxToMarkdown } from './markdown';

/** Where each page's Markdown copy lives: beside its HTML, as `index.md`. */
export const markdownHref = (pageHref: string) => `${pageHref}index.md`;

const italic = (text: string) => `_${text}_`;

/** The note that opens every file: what is the author's and what is ours. */
function preamble(article: Article): string {
	const written = humanDate(article.timeline.published);
	return italic(
		`Editorial: headings and lines in italics are this site's additions; every other line is the author's text, unchanged. First published in ${ORIGINAL.name} (${ORIGINAL.url}), written ${written} (inferred from the text; the article gives no date).`,
	);
}

const body = (entry: { body?: string | undefined; filePath?: string | undefined; id: string }) => mdxToMarkdown(entry.body ?? '', entry.filePath ?? entry.id);

const sectionPeriod = (article: Article, section: Section) => article.timeline.eraById.get(section.id)?.human;

/** The title, the note on what is ours, and the introduction: how the overview and the whole article open. */
const opening = (article: Article) => [`# ${article.introduction.data.title}`, preamble(article), body(article.introduction)];

export function overviewMarkdown(article: Article): string {
	const { sections } = article;
	return [
		...opening(article),
		'## Sections',
		sections.map((section) => `- [${section.title}](${absolute(markdownHref(section.href))}): ${italic(section.entry.data.summary)}`).join('\n'),
	].join('\n\n');
}

export function sectionMarkdown(article: Article, section: Section): string {
	const position = `Section ${article.sections.indexOf(section) + 1} of ${article.sections.length} of “${article.introduction.data.title}”`;
	const period = sectionPeriod(article, section);
	return [`# ${section.title}`, preamble(article), italic([position, period].filter(Boolean).join(' · ')), italic(section.entry.data.summary), body(section.entry)].join('\n\n');
}

/** The whole article in reading order: `/read/index.md` and `/llms-full.txt`. */
export function wholeMarkdown(article: Article): string {
	const { sections } = article;
	return [
		...opening(article),
		...sections.flatMap((section) => [`## ${section.title}`, italic([sectionPeriod(article, section), section.entry.data.summary].filter(Boolean).join(' · ')), body(section.entry)]),
	].join('\n\n');
}

/** The timeline: every event, our label and date, the article's own words for the time. */
export function timelineMarkdown(article: Article): string {
	const lines = timelineGroups(article.timeline).flatMap((group) => [
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
	return [`# Timeline of “${article.introduction.data.title}”`, preamble(article), ...lines].join('\n\n');
}

/** `/llms.txt`: the site in the llmstxt.org format, each page's Markdown copy with one line. */
export function llmsTxt(article: Article): string {
	const { introduction, sections, links } = article;
	const link = (title: string, href: string, note: string) => `- [${title}](${absolute(href)}): ${note}`;
	return [
		`# ${introduction.data.title}`,
		`> ${introduction.data.description}`,
		`An op-ed first published in ${ORIGINAL.name} (${ORIGINAL.url}); written ${humanDate(article.timeline.published)} (inferred from the text). The author is named only by the byline: a ${introduction.data.byline.jobTitle} at ${introduction.data.byline.affiliation}. Each link is a Markdown copy of a page: the author's words unchanged, our headings and notes marked as ours.`,
		'## Article',
		[link(introduction.data.title, markdownHref(links.home), 'the overview: the introduction and the list of sections'), ...sections.map((section) => link(section.title, markdownHref(section.href), section.entry.data.summary))].join('\n'),
		'## Optional',
		[
			link('The whole article', markdownHref(links.read), 'every section on one page, in reading order (also /llms-full.txt)'),
			link('Timeline', markdownHref(links.timeline), 'every event the article mentions, dated, with links to the sentences'),
		].join('\n'),
	].join('\n\n');
}
