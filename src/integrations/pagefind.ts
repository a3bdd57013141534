/**
 * Indexes the built site with Pagefind after `astro build`, whatever the output folder: only
 * what pages mark with `data-pagefind-body` (the article's own text) is searchable.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterBuild } from './after-build';

export const pagefindIndex = () =>
	afterBuild('pagefind-index', async (site, logger) => {
		const { index, errors } = await pagefind.createIndex({});
		if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		try {
			const added = await index.addDirectory({ path: site });
			if (added.errors.length) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
			const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
			if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
			logger.info(`indexed ${added.page_count} pages`);
		} finally {
			await pagefind.close();
		}
	});
