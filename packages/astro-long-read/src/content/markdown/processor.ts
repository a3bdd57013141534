/**
 * The MDX steps, as one unified processor for `.mdx` files: GFM, the article's checks
 * (`remark-checks.ts`), its paragraphs and sentences (`remark-article.ts`), heading ids and their
 * labels. The author's punctuation is kept as written: no "smart" quotes or dashes.
 *
 * The checks and the shaping apply to the content folder only: another MDX page of the site
 * compiles as plain MDX. The site's own `.md` pages keep whatever `markdown.processor` it sets
 * (Astro 7's default is Sätteri), since `longRead()` hands this processor to MDX alone.
 */
import path from 'node:path';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import type { VFile } from 'vfile';
import { rehypeHeadingLabels } from './rehype-heading-labels.ts';
import { remarkArticle } from './remark-article.ts';
import { remarkChecks } from './remark-checks.ts';

type Transform<Tree> = (tree: Tree, file: VFile) => void;

/** Whether a compiled file lies inside the content folder (`dir`, absolute). */
export const inContent = (dir: string, file: string | undefined) => {
	if (!file) return false;
	const relative = path.relative(dir, file);
	return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/** A plugin that runs on the content folder's files only. */
function inFolder<Tree>(dir: string, plugin: () => Transform<Tree>) {
	return () => {
		const transform = plugin();
		return (tree: Tree, file: VFile) => (inContent(dir, file.path) ? transform(tree, file) : undefined);
	};
}

/** The processor for the long read's MDX, whose content folder is `dir` (absolute). */
export function longReadProcessor(dir: string) {
	return unified({
		smartypants: false,
		// From remark-gfm itself, first, so every later step sees its tables and footnotes.
		gfm: false,
		remarkPlugins: [remarkGfm, inFolder(dir, remarkChecks), inFolder(dir, remarkArticle)],
		rehypePlugins: [rehypeHeadingIds, inFolder(dir, rehypeHeadingLabels)],
	});
}
