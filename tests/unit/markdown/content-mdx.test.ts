/**
 * The article's own MDX passes the build's checks (`remark-checks.ts`, with the build's other
 * remark steps). The checks themselves are the package's unit tests
 * (packages/astro-long-read/test/unit/markdown/remark-checks.test.ts); tests/build/mutation.test.ts
 * breaks the real content.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../helpers/build';
import { checkMdx } from '../../helpers/mdx';

describe('the article’s MDX is accepted', () => {
	test('every file of the real content', async () => {
		const files = (await readdir(path.join(ROOT, 'content'), { recursive: true })).filter((file) => file.endsWith('.mdx'));
		expect(files.length).toBeGreaterThan(1);
		for (const file of files) await checkMdx(await readFile(path.join(ROOT, 'content', file), 'utf8'), path.join('content', file));
	});
});
