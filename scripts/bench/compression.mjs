/**
 * What the build's precompressed copies save: for every text file of the site, its bytes as
 * built, gzip-compressed on the fly as servers do by default (nginx level 1, Apache and Caddy
 * level 6), and as the `.gz` (level 9) and `.br` files the build writes beside it (Brotli quality 11, or
 * 10 for a site of over 8 MB of text: packages/astro-long-read/src/build/precompress.ts).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { brotliOptions } from 'astro-long-read/precompress';

const KINDS = [
	['HTML', /\.html$/],
	['CSS', /\.css$/],
	['JavaScript', /\.m?js$/],
	['JSON, SVG, XML, text', /\.(json|svg|xml|txt|md|webmanifest)$/],
];

/** @param {string} site */
export async function compressionSavings(site) {
	const files = (await readdir(site, { recursive: true })).filter((file) => KINDS.some(([, pattern]) => pattern.test(file)));
	const size = (file) => stat(path.join(site, file)).then((s) => s.size, () => undefined);
	const rows = [];
	for (const [kind, pattern] of KINDS) {
		const row = { kind, files: 0, raw: 0, gzip1: 0, gzip6: 0, gz: 0, br: 0 };
		for (const file of files.filter((f) => pattern.test(f))) {
			const data = await readFile(path.join(site, file));
			row.files += 1;
			row.raw += data.length;
			row.gzip1 += gzipSync(data, { level: 1 }).length;
			row.gzip6 += gzipSync(data, { level: 6 }).length;
			// Where no copy was written (it would not be smaller), the file is sent as it is.
			row.gz += (await size(`${file}.gz`)) ?? data.length;
			row.br += (await size(`${file}.br`)) ?? data.length;
		}
		rows.push(row);
	}
	return rows;
}

/**
 * Brotli's quality weighed by measurement: for every text file of the site, the bytes of its
 * `.br` copy and the CPU time one thread spends making it, at each quality. Readers get the bytes
 * on every visit; the build pays the time once per changed file (the copies are cached).
 * @param {string} site
 * @param {number[]} [qualities]
 */
export async function brotliQualities(site, qualities = [5, 9, 10, 11]) {
	const pattern = new RegExp(KINDS.map(([, p]) => p.source).join('|'));
	const files = (await readdir(site, { recursive: true })).filter((file) => pattern.test(file));
	const data = await Promise.all(files.map((file) => readFile(path.join(site, file))));
	return qualities.map((quality) => {
		let bytes = 0;
		const started = process.cpuUsage();
		for (const buffer of data) {
			bytes += brotliCompressSync(buffer, brotliOptions(quality, buffer.length)).length;
		}
		const used = process.cpuUsage(started);
		return { quality, files: files.length, raw: data.reduce((sum, buffer) => sum + buffer.length, 0), bytes, cpuSeconds: (used.user + used.system) / 1e6 };
	});
}
