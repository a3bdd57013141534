/** The slugs no section may take: every page and folder of this site, and every route astro-long-read adds. */
import { readdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { RESERVED_SLUGS } from 'astro-long-read/model/navigation';
import { EXPORTS, exportRoutes } from 'astro-long-read/routes';

test('no section can take the URL of one of the site’s own pages or folders, or of a route the package adds', async () => {
	const entries = await readdir(new URL('../../src/pages/', import.meta.url), { withFileTypes: true });
	// A section's slug has no dot and no bracket: only folders and `.astro` pages can clash with it.
	const segments = entries
		.map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(/\.astro$/, '')))
		.filter((name) => !name.includes('.') && !name.startsWith('[') && name !== 'index');
	expect(segments.length).toBeGreaterThan(0);
	// The package's routes: their first segment, where it is a folder of its own (`/og/…`, `/book/…`).
	const all = Object.fromEntries(EXPORTS.map((name) => [name, true])) as Record<(typeof EXPORTS)[number], boolean>;
	const folders = exportRoutes(all)
		.map((route) => route.pattern.split('/')[1]!)
		.filter((segment) => !segment.includes('.') && !segment.startsWith('['));
	expect(folders.length).toBeGreaterThan(0);
	expect(RESERVED_SLUGS).toEqual(expect.arrayContaining([...segments, ...folders, 'pagefind']));
});
