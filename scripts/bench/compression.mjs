/**
 * What the build's precompressed copies save: for every text file of the site, its bytes as
 * built, gzip-compressed on the fly as servers do by default (nginx level 1, Apache and Caddy
 * level 6), and as the `.gz` (level 9) and `.br` (quality 11) files the build writes beside it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

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
