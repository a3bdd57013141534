/** Builds the site into a temporary folder, as a deploy would, for tests that read `dist/`. */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';

const run = promisify(execFile);
export const ROOT = path.resolve(import.meta.dirname, '../..');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
	ok: boolean;
	/** The built site. */
	outDir: string;
	/** The temporary folder holding the site and its build cache; remove it when done. */
	workDir: string;
	/** stdout and stderr together, as a person would read them. */
	output: string;
}

export interface BuildOptions {
	/** `BASE_PATH`, e.g. `/sub/`. */
	base?: string;
	/** `SITE_URL`. */
	site?: string;
	/** A content folder other than `content/`. */
	contentDir?: string;
	/** Astro options laid over `astro.config.mjs` for this build only, e.g. `{ compressHTML: false }`. */
	config?: Record<string, unknown>;
}

/** Builds share the project's `.astro/` folder, so one runs at a time. */
let queue: Promise<unknown> = Promise.resolve();

export function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
	const result = queue.then(() => runBuild(options));
	queue = result.catch(() => undefined);
	return result;
}

async function runBuild(options: BuildOptions): Promise<BuildResult> {
	// Inside the project: with an outDir elsewhere, Astro also writes its content modules there.
	await mkdir(path.join(ROOT, 'tmp'), { recursive: true });
	const workDir = await mkdtemp(path.join(ROOT, 'tmp', 'build-'));
	const outDir = path.join(workDir, 'dist');
	const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
	// Vitest puts Vite's own variables (BASE_URL, MODE, …) into process.env; a build must not inherit them.
	for (const key of ['BASE_PATH', 'SITE_URL', 'CONTENT_DIR', 'RTP_CACHE_DIR', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete env[key];
	if (options.base) env.BASE_PATH = options.base;
	if (options.site) env.SITE_URL = options.site;
	if (options.contentDir) env.CONTENT_DIR = options.contentDir;
	// Its own content cache: builds of different content (or from parallel runs) never mix.
	env.ASTRO_CACHE_DIR = path.join(workDir, 'cache');
	const args = [ASTRO, 'build', '--outDir', outDir];
	if (options.config) {
		const config = path.join(workDir, 'astro.config.mjs');
		const project = path.relative(workDir, path.join(ROOT, 'astro.config.mjs'));
		await writeFile(config, `import project from './${project}';\nexport default { ...project, ...${JSON.stringify(options.config)} };\n`);
		args.push('--config', path.relative(ROOT, config));
	}
	try {
		const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
		return { ok: true, outDir, workDir, output: `${stdout}\n${stderr}` };
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		return { ok: false, outDir, workDir, output: `${stdout}\n${stderr}` };
	}
}

/** Removes what a test built or copied. */
export async function remove(...dirs: string[]): Promise<void> {
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A copy of `content/` to break on purpose. */
export async function copyContent(): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'rtp-content-'));
	await cp(path.join(ROOT, 'content'), dir, { recursive: true });
	return dir;
}

/** Every HTML file below a folder, as paths relative to it. */
export async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

export interface DeclaredEvent {
	id: string;
	label: string;
	file: string;
	sentence: string;
	date?: string;
}

/** The events declared in the frontmatter of the real content, read independently of the site's code. */
export async function declaredEvents(contentDir = path.join(ROOT, 'content')): Promise<DeclaredEvent[]> {
	const files = (await readdir(contentDir, { recursive: true })).filter((file) => file.endsWith('.mdx'));
	const events: DeclaredEvent[] = [];
	for (const file of files) {
		const text = await readFile(path.join(contentDir, file), 'utf8');
		const frontmatter = parseYaml(text.split(/^---$/m)[1] ?? '') as { events?: Omit<DeclaredEvent, 'file'>[] };
		for (const event of frontmatter.events ?? []) events.push({ ...event, file });
	}
	return events;
}

export interface DeclaredSection {
	file: string;
	/** The URL segment: the frontmatter's `slug`, or the file name. */
	slug: string;
	order: number;
	title: string;
}

/** The sections of the real content in reading order, read independently of the site's code. */
export async function declaredSections(contentDir = path.join(ROOT, 'content')): Promise<DeclaredSection[]> {
	const files = (await readdir(path.join(contentDir, 'sections'))).filter((file) => file.endsWith('.mdx'));
	const sections: DeclaredSection[] = [];
	for (const file of files) {
		const text = await readFile(path.join(contentDir, 'sections', file), 'utf8');
		const frontmatter = parseYaml(text.split(/^---$/m)[1] ?? '') as { slug?: string; order: number; title: string };
		sections.push({ file, slug: frontmatter.slug ?? file.replace(/\.mdx$/, ''), order: frontmatter.order, title: frontmatter.title });
	}
	return sections.sort((a, b) => a.order - b.order);
}

/**
 * A search that must find one section first: a word of a marked sentence that occurs in no
 * other file, and the slug of its section.
 * Read from the content, so it follows new sections.
 */
export async function searchProbe(contentDir = path.join(ROOT, 'content')): Promise<{ query: string; slug: string }> {
	const sections = await declaredSections(contentDir);
	const texts = new Map<string, string>();
	for (const section of sections) texts.set(section.file, await readFile(path.join(contentDir, 'sections', section.file), 'utf8'));
	for (const section of [...sections].reverse()) {
		for (const [, sentence] of texts.get(section.file)!.matchAll(/<S id="[^"]+">([^<]+)<\/S>/g)) {
			for (const query of sentence!.match(/[\p{L}]{4,}/gu) ?? []) {
				const word = new RegExp(`\\b${query}\\b`, 'i');
				const elsewhere = [...texts].some(([file, text]) => file !== section.file && word.test(text));
				if (!elsewhere) return { query, slug: section.slug };
			}
		}
	}
	throw new Error(`no marked sentence in ${contentDir} occurs in one section only`);
}

/** The article as received, split into sentences (the source has no paragraph breaks). */
export async function fixtureSentences(): Promise<string[]> {
	const text = await readFile(path.join(ROOT, 'tests/fixtures/article.txt'), 'utf8');
	return text
		.trim()
		.split(/(?<=[.?!])\s+(?=[A-Z])/)
		.map((sentence) => sentence.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
}
