/**
 * Real web servers serving a build, each configured by the recipe docs/deploying.md gives for it:
 * the tests take the snippet straight out of docs/deploying.md, so the docs and what the tests ran
 * cannot drift. Only what a test must change is changed — the site folder, and a loopback address
 * and port in place of `example.org` on port 80 — and each change must find its text, or
 * docs/deploying.md changed shape.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { ASTRO, ROOT, astroEnv, freePort, remove, workFolder } from '../../scripts/bench/project.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { toolPath } from '../../scripts/tools.mjs';

/** The folder the recipes of docs/deploying.md serve; a test puts its build's folder there. */
const RECIPE_DIR = '/srv/russia-taliban/dist';

export type Variant = 'root' | 'sub-path';

export interface Host {
	/** `http://127.0.0.1:PORT` */
	origin: string;
	close(): Promise<void>;
}

/** Where the deploy recipes are written, each server's as code blocks the tests run. */
const RECIPES = path.join(ROOT, 'docs/deploying.md');

/** The code block of docs/deploying.md in language `lang` whose info string names `variant`. */
export async function recipe(lang: string, variant: Variant): Promise<string> {
	const tree = unified().use(remarkParse).parse(await readFile(RECIPES, 'utf8'));
	const found: string[] = [];
	visit(tree, 'code', (node: Code) => {
		if (node.lang === lang && node.meta?.split(/\s+/).includes(variant)) found.push(node.value);
	});
	if (found.length !== 1) throw new Error(`docs/deploying.md should hold one \`\`\`${lang} ${variant} block, and holds ${found.length}`);
	return found[0]!;
}

function replaceIn(text: string, from: string, to: string, what: string): string {
	if (!text.includes(from)) throw new Error(`The ${what} recipe of docs/deploying.md no longer contains "${from}"`);
	return text.replaceAll(from, to);
}


/** Starts a server process and waits until it answers; its output is kept for the error message. */
async function startProcess(name: string, command: string, args: string[], origin: string, env: NodeJS.ProcessEnv = process.env, log?: string): Promise<Host> {
	const readLog = async () => (log ? await readFile(log, 'utf8').catch(() => '') : '');
	let output = '';
	let child: ChildProcess;
	try {
		child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		throw new Error(`${name} could not start: ${(error as Error).message}`);
	}
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let spawnError: Error | undefined;
	child.once('error', (error) => (spawnError = error));
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (spawnError) throw new Error(`${name} could not start (${spawnError.message}): is it installed? .ci/run installs it`);
		if (child.exitCode !== null) throw new Error(`${name} stopped with code ${child.exitCode}:\n${output}${await readLog()}`);
		const answered = await fetch(`${origin}/`, { redirect: 'manual' }).then(
			() => true,
			() => false,
		);
		if (answered) break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`${name} did not answer on ${origin} within 60 s:\n${output}${await readLog()}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		origin,
		async close() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
				if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
			}
		},
	};
}

/** Lets servers that drop privileges (nginx's workers, Apache) read the build. */
async function readable(dir: string): Promise<void> {
	for (let at = dir; at.startsWith(path.join(ROOT, 'tmp')); at = path.dirname(at)) await chmod(at, 0o755);
}

/** Removes a server's work folder once the server has stopped. */
function cleaningUp(host: Host, dir: string): Host {
	return { origin: host.origin, close: async () => (await host.close(), await remove(dir)) };
}

/** A server's work folder under `tmp/`, readable by servers that drop privileges. */
async function serverFolder(name: string): Promise<string> {
	const dir = await workFolder(`${name}-`);
	await chmod(dir, 0o755);
	return dir;
}

export async function startNginx(site: string, variant: Variant): Promise<Host> {
	await readable(site);
	const port = await freePort();
	const dir = await serverFolder('nginx');
	let config = await recipe('nginx', variant);
	config = replaceIn(config, RECIPE_DIR, site, 'nginx');
	config = replaceIn(config, 'listen 80;', `listen 127.0.0.1:${port};`, 'nginx');
	const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir}/${kind};`).join('\n');
	const conf = `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
include /etc/nginx/mime.types;
default_type application/octet-stream;
access_log off;
${temp}
${config}
}
`;
	await writeFile(path.join(dir, 'nginx.conf'), conf);
	return cleaningUp(await startProcess('nginx', toolPath('nginx'), ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', 'stderr'], `http://127.0.0.1:${port}`), dir);
}

export async function startCaddy(site: string, variant: Variant): Promise<Host> {
	const port = await freePort();
	const dir = await serverFolder('caddy');
	let config = await recipe('caddyfile', variant);
	config = replaceIn(config, RECIPE_DIR, site, 'Caddy');
	config = replaceIn(config, 'example.org {', `http://127.0.0.1:${port} {`, 'Caddy');
	// Global options for a test: no admin endpoint, no certificates, nothing kept between runs.
	await writeFile(path.join(dir, 'Caddyfile'), `{\n\tadmin off\n\tauto_https off\n}\n\n${config}\n`);
	const env = { ...process.env, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, HOME: dir };
	return cleaningUp(await startProcess('caddy', toolPath('caddy'), ['run', '--config', path.join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], `http://127.0.0.1:${port}`, env), dir);
}

const APACHE_MODULES = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'headers', 'filter', 'deflate'];

export async function startApache(site: string, variant: Variant): Promise<Host> {
	await readable(site);
	const port = await freePort();
	const dir = await serverFolder('apache');
	let config = await recipe('apache', variant);
	config = replaceIn(config, RECIPE_DIR, site, 'Apache');
	config = replaceIn(config, '<VirtualHost *:80>', `<VirtualHost 127.0.0.1:${port}>`, 'Apache');
	const modules = APACHE_MODULES.map((name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`).join('\n');
	const conf = `ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${dir}/httpd.pid
DefaultRuntimeDir ${dir}
ErrorLog ${dir}/error.log
LogLevel warn
${modules}
TypesConfig /etc/mime.types
DirectoryIndex index.html
${process.getuid?.() === 0 ? 'User www-data\nGroup www-data\n' : ''}
${config}
`;
	await writeFile(path.join(dir, 'httpd.conf'), conf);
	return cleaningUp(await startProcess('Apache httpd', toolPath('apache2'), ['-f', path.join(dir, 'httpd.conf'), '-DFOREGROUND'], `http://127.0.0.1:${port}`, process.env, path.join(dir, 'error.log')), dir);
}

/** GitHub Pages as it behaves: no custom headers, its own compression, `404.html`, slash redirects. */
export async function startGithubPages(site: string, base: string): Promise<Host> {
	const server = await startServer({ dir: site, base, gzip: true, headers: false });
	return { origin: server.origin, close: () => server.close() };
}

/** Cloudflare Pages' own local runtime (`wrangler pages dev`): `_headers` and 404 as Cloudflare applies them. */
export async function startWrangler(site: string): Promise<Host> {
	const port = await freePort();
	const dir = await serverFolder('wrangler');
	const env = {
		...process.env,
		// Offline: no metrics, and no request for the `cf` object of a real Cloudflare edge.
		WRANGLER_SEND_METRICS: 'false',
		CLOUDFLARE_CF_FETCH_ENABLED: 'false',
		XDG_CONFIG_HOME: dir,
		CI: 'true',
	};
	const wrangler = path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
	return cleaningUp(await startProcess('wrangler pages dev', process.execPath, [wrangler, 'pages', 'dev', site, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', dir], `http://127.0.0.1:${port}`, env), dir);
}

/** `npm run preview`: Astro's preview server, with the headers `astro.config.mjs` gives it. */
export async function startPreview(site: string, base: string): Promise<Host> {
	const port = await freePort();
	const env = astroEnv({ BASE_PATH: base });
	return startProcess('astro preview', process.execPath, [ASTRO, 'preview', '--outDir', site, '--host', '127.0.0.1', '--port', String(port)], `http://127.0.0.1:${port}`, env);
}
