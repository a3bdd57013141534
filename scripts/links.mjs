/**
 * The manifest of published links (content/published.json), kept by one command:
 *
 *   npm run links:record                                  records every URL and anchor the site has now
 *   npm run links -- retire "/the-1990s/#s-…" --reason "…"  takes one down on purpose, saying why
 *
 * `record` builds the site (into a folder of its own under tmp/) with LINKS_RECORD=1: the build
 * compares the site with the manifest as always, and then writes it anew. What is published and
 * gone still stops it: record adds and updates, it never forgets.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseManifest, retire, serialize } from 'astro-long-read/model/links';
import { ASTRO, ROOT, astroEnv, remove, workFolder } from './bench/project.mjs';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { reason: { type: 'string' } } });
const [command, url] = positionals;
const manifestFile = path.join(process.env.CONTENT_DIR ?? path.join(ROOT, 'content'), 'published.json');

if (command === 'record') {
	const out = await workFolder('links-');
	const { status } = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', out], {
		cwd: ROOT,
		stdio: 'inherit',
		env: astroEnv({ LINKS_RECORD: '1', CONTENT_DIR: process.env.CONTENT_DIR, BASE_PATH: process.env.BASE_PATH, SITE_URL: process.env.SITE_URL }),
	});
	await remove(out);
	process.exit(status ?? 1);
} else if (command === 'retire' && url) {
	const manifest = parseManifest(await readFile(manifestFile, 'utf8'), path.relative(ROOT, manifestFile));
	await writeFile(manifestFile, serialize(retire(manifest, url, values.reason ?? '')));
	console.log(`${url} is retired in ${path.relative(ROOT, manifestFile)}: ${values.reason}`);
} else {
	console.error('usage: npm run links:record\n       npm run links -- retire "/path/#id" --reason "why it was taken down"');
	process.exit(2);
}
