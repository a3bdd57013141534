/**
 * Writes a gzip (`.gz`, level 9) and a Brotli (`.br`) copy beside every text file of the built
 * site, for hosts that serve them as they are (nginx `gzip_static`, Caddy `precompressed`):
 * smaller than the level-1 gzip a server makes on the fly, and no work per request. A copy is
 * written only where it is smaller than the file. Same input, same bytes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type BrotliOptions, brotliCompress, constants, gzip } from 'node:zlib';
// With their extensions: the benchmark imports this module in Node as it is.
import { cached } from './cache.ts';
import { afterBuild } from './after-build.ts';

/** The files worth compressing: text of every kind the site ships. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|md|webmanifest)$/;

/**
 * Brotli's quality, by the site's text as built, weighed by bytes against time (measured on a
 * long read's HTML, on two cores): quality 11 makes the smallest copies and costs about 1.2 s of
 * CPU per MB; quality 10 makes copies 2–3 % larger in a third of the time. Up to 8 MB of text (a
 * long read of a few sections has about 0.5 MB, one of forty sections about 4 MB) readers get
 * quality 11 for a few seconds of CPU at most; beyond, the copies would cost more CPU than the
 * rest of the build, and quality 10 keeps them within 3 % for a third of it.
 */
export const BROTLI_QUALITY_11_UP_TO = 8_000_000;
export const brotliQuality = (textBytes: number, upTo = BROTLI_QUALITY_11_UP_TO) => (textBytes <= upTo ? 11 : 10);

export interface PrecompressOptions {
	/** Up to how many bytes of text Brotli works at quality 11 (beyond, 10). */
	brotli11UpTo: number;
}

const gzipped = promisify(gzip);
const brotli = promisify(brotliCompress);

/** Brotli's settings for `size` bytes of text at `quality`: the one definition the copies, the benchmark and the tests use. */
export const brotliOptions = (quality: number, size: number): BrotliOptions => ({
	params: {
		[constants.BROTLI_PARAM_QUALITY]: quality,
		[constants.BROTLI_PARAM_SIZE_HINT]: size,
		[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
	},
});

const gzip9 = (data: Uint8Array) => gzipped(data, { level: 9 });
const brotliAt = (quality: number) => (data: Uint8Array) => brotli(data, brotliOptions(quality, data.length));

export const precompress = ({ brotli11UpTo }: PrecompressOptions = { brotli11UpTo: BROTLI_QUALITY_11_UP_TO }) =>
	afterBuild('precompress', async (site) => {
		const files = (await readdir(site, { recursive: true })).filter((file) => COMPRESSIBLE.test(file)).sort();
		// Read once: the sizes choose the quality, the bytes are compressed (a few MB of text at most).
		const texts = await Promise.all(files.map((file) => readFile(path.join(site, file))));
		const textBytes = texts.reduce((sum, data) => sum + data.length, 0);
		const quality = brotliQuality(textBytes, brotli11UpTo);
		const brotliN = brotliAt(quality);
		let written = 0;
		const compress = async (index: number) => {
			const [file, data] = [files[index]!, texts[index]!];
			// Cached by the file's bytes and the compressor's version: a rebuild compresses only what changed.
			const [gz, br] = await Promise.all([
				cached('gzip-9', [data, `zlib ${process.versions.zlib}`], () => gzip9(data)),
				cached(`brotli-${quality}`, [data, `brotli ${process.versions.brotli}`], () => brotliN(data)),
			]);
			for (const [suffix, copy] of [['.gz', gz], ['.br', br]] as const) {
				if (copy.length >= data.length) continue;
				await writeFile(path.join(site, file + suffix), copy);
				written += 1;
			}
		};
		// zlib works on libuv's thread pool: a few files at a time use every core.
		const queue = files.map((_, index) => index);
		const worker = async () => {
			for (let index = queue.shift(); index !== undefined; index = queue.shift()) await compress(index);
		};
		await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) * 2 }, worker));
		return `wrote ${written} compressed copies of ${files.length} text files (${(textBytes / 1e6).toFixed(1)} MB; Brotli quality ${quality})`;
	});
