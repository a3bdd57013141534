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

export interface PrecompressOptions {
	/** Up to how many bytes of text Brotli works at quality 11. */
	brotli11UpTo: number;
	/** Up to how many bytes of text (and beyond `brotli11UpTo`) it works at quality 10; beyond, at 5. */
	brotli10UpTo: number;
}

/**
 * Brotli's quality, by the site's text as built, weighed by bytes against time (measured on a
 * long read's HTML, one thread, CPU seconds per MB of text): quality 11 makes the smallest copies
 * for about 1.2 s per MB; quality 10 copies 2–3 % larger for about 0.35 s; qualities 5 to 8 copies
 * about 12 % larger than 11's for 0.012–0.024 s (9 makes copies 0.4 % smaller than 5's for fifteen
 * times its CPU).
 * So the copies cost at most about 10 s of CPU on any site, and as little as that allows:
 * quality 11 up to 8 MB of text (a long read of a few sections has about 0.5 MB, one of forty
 * about 4 MB), 10 up to 24 MB, and 5 beyond (400 sections have about 34 MB of text: quality 10
 * took 12.5 s of CPU there, quality 5 takes 0.5 s).
 */
export const PRECOMPRESS_DEFAULTS: PrecompressOptions = { brotli11UpTo: 8_000_000, brotli10UpTo: 24_000_000 };

/** The quality beyond `brotli10UpTo`: Brotli's fast end, its copies within 0.5 % of quality 8's in half the time. */
export const BROTLI_QUALITY_BEYOND = 5;

export const brotliQuality = (textBytes: number, { brotli11UpTo, brotli10UpTo }: PrecompressOptions = PRECOMPRESS_DEFAULTS) =>
	textBytes <= brotli11UpTo ? 11 : textBytes <= brotli10UpTo ? 10 : BROTLI_QUALITY_BEYOND;

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

export const precompress = (options: PrecompressOptions = PRECOMPRESS_DEFAULTS) =>
	afterBuild('precompress', async (site) => {
		const files = (await readdir(site, { recursive: true })).filter((file) => COMPRESSIBLE.test(file)).sort();
		// Read once: the sizes choose the quality, the bytes are compressed (a few MB of text at most).
		const texts = await Promise.all(files.map((file) => readFile(path.join(site, file))));
		const textBytes = texts.reduce((sum, data) => sum + data.length, 0);
		const quality = brotliQuality(textBytes, options);
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
		// The largest first: the last file to finish is then a small one, not the whole text's page.
		const queue = files.map((_, index) => index).sort((a, b) => texts[b]!.length - texts[a]!.length || a - b);
		const worker = async () => {
			for (let index = queue.shift(); index !== undefined; index = queue.shift()) await compress(index);
		};
		await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) * 2 }, worker));
		return `wrote ${written} compressed copies of ${files.length} text files (${(textBytes / 1e6).toFixed(1)} MB; Brotli quality ${quality})`;
	});
