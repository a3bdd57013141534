/** Runs the build's remark steps on an MDX file, without a build: for cheap checks of the MDX. */
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../../scripts/bench/project.mjs';
import { remarkArticle } from 'astro-long-read/content/markdown/remark-article';
import { remarkChecks } from 'astro-long-read/content/markdown/remark-checks';

/**
 * Checks a whole MDX file as the build does (remark-gfm, then the MDX checks, then the article's
 * checks; astro.config.mjs): the frontmatter is read into `data.astro.frontmatter` and left as
 * blank lines, so lines are counted in the file, as Astro counts them. `file` is relative to the
 * project, as the messages give it. Throws the build's error.
 */
export async function checkMdx(source: string, file: string): Promise<void> {
	const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
	const frontmatter = match ? ((parseYaml(match[1]!) ?? {}) as Record<string, unknown>) : {};
	const body = match ? '\n'.repeat(match[0].split('\n').length - 1) + source.slice(match[0].length) : source;
	const vfile = new VFile({ path: path.join(ROOT, file), value: body, data: { astro: { frontmatter } } });
	const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkChecks).use(remarkArticle);
	await processor.run(processor.parse(vfile), vfile);
}
