/**
 * A small static server for the built site, used by the browser tests and the benchmark:
 * serves a folder under a base path on 127.0.0.1, optionally gzip-compressed, with the headers
 * that `_headers` (Netlify / Cloudflare Pages format) declares for each path, as a host would.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { parseAllHeaders } from '@netlify/headers-parser';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.epub': 'application/epub+zip',
	'.bib': 'application/x-bibtex; charset=utf-8',
	'.ris': 'application/x-research-info-systems; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
	'.pdf': 'application/pdf',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|javascript)|image\/svg)/;

/**
 * The rules of a `_headers` file, read by Netlify's own parser (the one `netlify dev` uses), in
 * file order; a later rule's header replaces an earlier one's, as `netlify dev` applies them.
 * No file, no rules; a line it cannot parse stops the server with the parser's message.
 * @param {string} file
 * @returns {Promise<{ forRegExp: RegExp, values: Record<string, string> }[]>}
 */
export async function headerRules(file) {
	const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
	if (errors.length) throw new Error(`${file}: ${errors.map((error) => error.message).join('\n')}`);
	return /** @type {import('@netlify/headers-parser').Header[]} */ (headers);
}

/**
 * @param {{ dir: string, base?: string, gzip?: boolean, headers?: boolean, port?: number }} options
 * @returns {Promise<{ url: string, origin: string, close: () => Promise<void>, requests: number }>}
 */
export async function startServer({ dir, base = '/', gzip = false, headers = true, port = 0 }) {
	const root = path.resolve(dir);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const rules = headers ? await headerRules(path.join(root, '_headers')) : [];
	const state = { requests: 0 };

	const server = createServer(async (req, res) => {
		state.requests += 1;
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname = decodeURIComponent(url.pathname);
		const notFound = async () => {
			const page = path.join(root, '404.html');
			const body = await readFile(page).catch(() => Buffer.from('Not found'));
			res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
			res.end(body);
		};
		if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return notFound();
		const inside = pathname.slice(prefix.length);
		let file = path.join(root, inside);
		if (!file.startsWith(root)) return notFound();
		let info = await stat(file).catch(() => undefined);
		if (info?.isDirectory()) {
			if (!pathname.endsWith('/')) {
				res.writeHead(301, { location: `${pathname}/` });
				return res.end();
			}
			file = path.join(file, 'index.html');
			info = await stat(file).catch(() => undefined);
		}
		if (!info?.isFile()) return notFound();

		const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
		/** @type {Record<string, string>} */
		const head = { 'content-type': type };
		// `_headers` paths are written from the site root, as the host sees them under the base.
		const sitePath = `/${inside}`;
		for (const rule of rules) if (rule.forRegExp.test(sitePath)) for (const [name, value] of Object.entries(rule.values)) head[name.toLowerCase()] = value;
		const zip = gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		if (zip) {
			head['content-encoding'] = 'gzip';
			head.vary = 'Accept-Encoding';
		} else {
			head['content-length'] = String(info.size);
		}
		res.writeHead(200, head);
		if (req.method === 'HEAD') return res.end();
		const stream = createReadStream(file);
		(zip ? stream.pipe(createGzip({ level: 9 })) : stream).pipe(res);
	});

	await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
	return {
		origin,
		url: `${origin}${prefix}`,
		get requests() {
			return state.requests;
		},
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}
