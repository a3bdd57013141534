/**
 * Writes a gzip (`.gz`, level 9) and a Brotli (`.br`, quality 11) copy beside every text file of
 * the built site, for hosts that serve them as they are (nginx `gzip_static`, Caddy
 * `precompressed`): smaller than the level-1 gzip a server makes on the fly, and no work per
 * request. A copy is written only where it is smaller than the file. Same input, same bytes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { cached } from '../lib/cache';
import { afterBuild } from './after-build';

/** The files worth compressing: text of every kind the site ships. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|md|webmanifest)$/;

const gzipped = promisify(gzip);
const brotli = promisify(brotliCompress);

const gzip9 = (data: Uint8Array) => gzipped(data, { level: 9 });
const brotli11 = (data: Uint8Array) =>
	brotli(data, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
			[constants.BROTLI_PARAM_SIZE_HINT]: data.length,
			[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
		},
	});

export const precompress = () =>
	afterBuild('precompress', async (site) => {
		const files = (await readdir(site, { recursive: true })).filter((file) => COMPRESSIBLE.test(file)).sort();
		let written = 0;
		const compress = async (file: string) => {
			const data = await readFile(path.join(site, file));
			// Cached by the file's bytes and the compressor's version: a rebuild compresses only what changed.
			const [gz, br] = await Promise.all([
				cached('gzip-9', [data, `zlib ${process.versions.zlib}`], () => gzip9(data)),
				cached('brotli-11', [data, `brotli ${process.versions.brotli}`], () => brotli11(data)),
			]);
			for (const [suffix, copy] of [['.gz', gz], ['.br', br]] as const) {
				if (copy.length >= data.length) continue;
				await writeFile(path.join(site, file + suffix), copy);
				written += 1;
			}
		};
		// zlib works on libuv's thread pool: a few files at a time use every core.
		const queue = [...files];
		const worker = async () => {
			for (let file = queue.shift(); file !== undefined; file = queue.shift()) await compress(file);
		};
		await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) * 2 }, worker));
		return `wrote ${written} compressed copies of ${files.length} text files`;
	});
