/**
 * JSON-LD for the pages: the overview is the article as a whole, each section an `Article`
 * that is part of it, and every page has a `BreadcrumbList`. No publication date is stated (the
 * article gives none; ours is inferred and JSON-LD cannot say so), and the author only as the
 * byline gives them: no name.
 */
import type { Article, BreadcrumbList, Graph, ListItem, Person, Thing } from 'schema-dts';

export interface Byline {
	/** "Archivist" */
	jobTitle: string;
	/** "Valley Records Office, Eastford" */
	affiliation: string;
	/** "@valley_records" */
	handle: string;
	/** The byline as the text gives it, word for word ("The writer is an Archivist at …"), when it does. */
	text?: string | undefined;
}

export interface Crumb {
	name: string;
	/** Absolute URL. */
	url: string;
}

export interface ArticleInfo {
	/** The whole article: its title, description and absolute URL (the overview). */
	title: string;
	description: string;
	url: string;
	byline: Byline;
	/** The text's language (`en`). */
	language: string;
	/** The first publication, if elsewhere: credited as the work this edition is based on. */
	original?: { name: string; url: string } | undefined;
	/** The sections, in reading order, with absolute URLs. */
	sections: { title: string; description: string; url: string }[];
}

function author(byline: Byline): Person {
	return {
		'@type': 'Person',
		jobTitle: byline.jobTitle,
		affiliation: { '@type': 'Organization', name: byline.affiliation },
		description: byline.text ?? `${byline.jobTitle} at ${byline.affiliation} (${byline.handle})`,
	};
}

function breadcrumbs(crumbs: Crumb[]): BreadcrumbList {
	return {
		'@type': 'BreadcrumbList',
		itemListElement: crumbs.map(
			(crumb, index): ListItem => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: crumb.url }),
		),
	};
}

function whole(info: ArticleInfo): Article {
	return {
		'@type': 'Article',
		'@id': `${info.url}#article`,
		headline: info.title,
		description: info.description,
		url: info.url,
		inLanguage: info.language,
		author: author(info.byline),
		...(info.original ? { isBasedOn: { '@type': 'CreativeWork', name: info.original.name, url: info.original.url } } : {}),
		hasPart: info.sections.map((section) => ({ '@type': 'Article', headline: section.title, url: section.url })),
	};
}

const graph = (...items: Thing[]): Graph => ({ '@context': 'https://schema.org', '@graph': items as Graph['@graph'] });

/** The overview: the article as a whole. */
export function overviewData(info: ArticleInfo): Graph {
	return graph(whole(info), breadcrumbs([{ name: info.title, url: info.url }]));
}

/** A section: an article that is part of the whole. */
export function sectionData(info: ArticleInfo, index: number): Graph {
	const section = info.sections[index];
	if (!section) throw new RangeError(`no section ${index}`);
	const article: Article = {
		'@type': 'Article',
		headline: section.title,
		description: section.description,
		url: section.url,
		inLanguage: info.language,
		position: index + 1,
		author: author(info.byline),
		isPartOf: { '@type': 'Article', '@id': `${info.url}#article`, headline: info.title, url: info.url },
	};
	return graph(article, breadcrumbs([{ name: info.title, url: info.url }, { name: section.title, url: section.url }]));
}

/** Any other page (the timeline, the whole article, search): where it sits. */
export function pageData(info: ArticleInfo, page: Crumb): Graph {
	return graph(breadcrumbs([{ name: info.title, url: info.url }, page]));
}
