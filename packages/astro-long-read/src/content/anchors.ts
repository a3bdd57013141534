/** Stable, readable ids for paragraphs: `p-` and the paragraph's first words. */
import type GithubSlugger from 'github-slugger';

/** How many opening words name a paragraph; enough to tell the article's paragraphs apart. */
export const ID_WORDS = 6;

/** The id of a paragraph from its text; `slugger` keeps ids unique within one page. */
export function paragraphId(text: string, slugger: GithubSlugger): string {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[’']/g, '')
		.trim()
		.split(/\s+/)
		.slice(0, ID_WORDS)
		.join(' ');
	return slugger.slug(`p ${words}`);
}

/** The first words of a paragraph, for a permalink's accessible name. */
export function opening(text: string, words = ID_WORDS): string {
	const all = text.trim().split(/\s+/);
	const head = all.slice(0, words).join(' ').replace(/[,;:.]$/, '');
	return all.length > words ? `${head}…` : head;
}
