/**
 * The package's MDX as its tests read it, without a build: the fixture's content files, and the
 * build's remark steps run on an MDX file for cheap checks of what an author may write.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { remarkArticle } from '../../src/content/markdown/remark-article';
import { remarkChecks } from '../../src/content/markdown/remark-checks';

/** The fixture long read's content folder (the river town). */
export const FIXTURE_CONTENT = path.resolve(import.meta.dirname, '../fixture/content');

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** A content file's body, without its frontmatter. */
export const bodyOf = (source: string) => source.replace(FRONTMATTER, '');

/** A file of the fixture's content, by its path in the content folder (`sections/01-the-ferry.mdx`). */
export const fixtureFile = (file: string) => readFile(path.join(FIXTURE_CONTENT, file), 'utf8');

/**
 * Checks a whole MDX file as the build does (remark-gfm, then the MDX checks, then the article's
 * checks): the frontmatter is read into `data.astro.frontmatter` and left as blank lines, so
 * lines are counted in the file, as Astro counts them. `file` is relative to the working
 * directory, as the messages give it. Throws the build's error.
 */
export async function checkMdx(source: string, file: string): Promise<void> {
	const match = FRONTMATTER.exec(source);
	const frontmatter = match ? ((parseYaml(match[1]!) ?? {}) as Record<string, unknown>) : {};
	const body = match ? '\n'.repeat(match[0].split('\n').length - 1) + source.slice(match[0].length) : source;
	const vfile = new VFile({ path: path.resolve(file), value: body, data: { astro: { frontmatter } } });
	const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkChecks).use(remarkArticle);
	await processor.run(processor.parse(vfile), vfile);
}
