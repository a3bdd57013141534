/**
 * Indexes the built site with Pagefind after `astro build`, whatever the output folder: only
 * what pages mark with `data-pagefind-body` (the long read's own text) is searchable. The bundle
 * is written without Pagefind's ready-made interfaces (its default, modular and component UIs and
 * the highlighter, about 430 KB): a site's search page talks to `pagefind.js` itself (see the
 * package README).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterBuild } from './after-build';

/** Files of the bundle that only Pagefind's own interfaces load. */
export const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export const pagefindIndex = () =>
	afterBuild('pagefind-index', async (site) => {
		const { index, errors } = await pagefind.createIndex({});
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		try {
			const added = await index.addDirectory({ path: site });
			if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
			const bundle = await index.getFiles();
			if (bundle.errors.length) throw new Error(`Pagefind could not write its index: ${bundle.errors.join('; ')}`);
			const output = path.join(site, 'pagefind');
			for (const file of bundle.files) {
				if (UNUSED_BUNDLE_FILE.test(file.path)) continue;
				const target = path.join(output, file.path);
				await mkdir(path.dirname(target), { recursive: true });
				await writeFile(target, file.content);
			}
			return `indexed ${added.page_count} pages`;
		} finally {
			await pagefind.close();
		}
	});
