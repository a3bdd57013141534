/** Builds the site into a temporary folder, as a deploy would, for tests that read `dist/`. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ASTRO, ROOT, astroEnv, frontmatterOf, remove, workFolder } from '../../scripts/bench/project.mjs';

// The toolkit shared with the benchmark (scripts/bench/), here for the tests that import it from this file.
export { ROOT, remove };
export { htmlFiles } from '../../scripts/bench/dist.mjs';

const run = promisify(execFile);

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
	const workDir = await workFolder('build-');
	const outDir = path.join(workDir, 'dist');
	const env = astroEnv({
		BASE_PATH: options.base || undefined,
		SITE_URL: options.site || undefined,
		CONTENT_DIR: options.contentDir || undefined,
		// Its own content cache: builds of different content (or from parallel runs) never mix.
		ASTRO_CACHE_DIR: path.join(workDir, 'cache'),
	});
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

/** A copy of `content/` to break on purpose. */
export async function copyContent(): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'rtp-content-'));
	await cp(path.join(ROOT, 'content'), dir, { recursive: true });
	return dir;
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
		const frontmatter = frontmatterOf<{ events?: Omit<DeclaredEvent, 'file'>[] }>(await readFile(path.join(contentDir, file), 'utf8'));
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
	summary: string;
	/** The EDTF interval the section covers. */
	period: string;
	/** The whole file, frontmatter and body. */
	source: string;
}


/** The sections of the real content in reading order, read independently of the site's code. */
export async function declaredSections(contentDir = path.join(ROOT, 'content')): Promise<DeclaredSection[]> {
	const files = (await readdir(path.join(contentDir, 'sections'))).filter((file) => file.endsWith('.mdx'));
	const sections: DeclaredSection[] = [];
	for (const file of files) {
		const source = await readFile(path.join(contentDir, 'sections', file), 'utf8');
		const frontmatter = frontmatterOf<{ slug?: string; order: number; title: string; summary: string; period: string }>(source);
		const { order, title, summary, period } = frontmatter;
		sections.push({ file, slug: frontmatter.slug ?? file.replace(/\.mdx$/, ''), order, title, summary, period, source });
	}
	return sections.sort((a, b) => a.order - b.order);
}

export interface DeclaredIntroduction {
	title: string;
	description: string;
	/** When the article was written (EDTF); later events form the epilogue. */
	published: string;
	source: string;
}

/** The introduction of the real content, read independently of the site's code. */
export async function declaredIntroduction(contentDir = path.join(ROOT, 'content')): Promise<DeclaredIntroduction> {
	const source = await readFile(path.join(contentDir, 'introduction.mdx'), 'utf8');
	const { title, description, published } = frontmatterOf<Omit<DeclaredIntroduction, 'source'>>(source);
	return { title, description, published, source };
}

/** The section that holds the author's `<Byline>`, the end of the article as written. */
export async function bylineSection(contentDir = path.join(ROOT, 'content')): Promise<DeclaredSection> {
	const holding = (await declaredSections(contentDir)).filter((section) => /<Byline\b/.test(section.source));
	if (holding.length !== 1) throw new Error(`${contentDir}: ${holding.length} sections hold a <Byline>, expected one`);
	return holding[0]!;
}

/**
 * Searches that must each find one section first: for each section that has one, a word of a
 * marked sentence whose stem begins no word of any other file (the introduction included),
 * with the section's slug; in reading order. Read from the content, so they follow new sections.
 */
export async function searchProbes(contentDir = path.join(ROOT, 'content')): Promise<{ query: string; slug: string }[]> {
	const sections = await declaredSections(contentDir);
	const texts = new Map<string, string>([['introduction.mdx', (await declaredIntroduction(contentDir)).source]]);
	for (const section of sections) texts.set(section.file, section.source);
	const probes: { query: string; slug: string }[] = [];
	for (const section of sections) {
		const query = [...section.source.matchAll(/<S id="[^"]+">([^<]+)<\/S>/g)]
			.flatMap(([, sentence]) => sentence!.match(/[\p{L}]{4,}/gu) ?? [])
			.find((word) => {
				// Search engines stem words and match prefixes: no word elsewhere may even start like this one.
				const pattern = new RegExp(`(?<![\\p{L}])${word.slice(0, Math.max(4, word.length - 3))}`, 'iu');
				return ![...texts].some(([file, text]) => file !== section.file && pattern.test(text));
			});
		if (query) probes.push({ query, slug: section.slug });
	}
	return probes;
}

/** One search that must find one section first: the probe of the last section that has one. */
export async function searchProbe(contentDir = path.join(ROOT, 'content')): Promise<{ query: string; slug: string }> {
	const probe = (await searchProbes(contentDir)).at(-1);
	if (!probe) throw new Error(`no marked sentence in ${contentDir} has a word found in its section only`);
	return probe;
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
