/**
 * Published links never break silently. The committed manifest (content/published.json) holds
 * every anchor the built site has, with the words it points to; and each way an author can break
 * a link, tried on a scratch copy of the content one change at a time, gets the answer
 * "Linking and quoting" in docs/architecture.md promises: the old id kept as an alias, a redirect,
 * or a build that stops naming the URL, its words and the file — and builds again once the link
 * is declared or retired.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGE_IDS } from 'astro-long-read/content/anchor-clashes';
import { type Manifest, parseManifest } from 'astro-long-read/model/links';
import { type BuildResult, ROOT, buildSite, copyContent, declaredSections, htmlFiles, remove } from '../helpers/build';
import { loadPage } from '../helpers/site';

const MANIFEST = path.join(ROOT, 'content/published.json');
const manifest: Manifest = parseManifest(await readFile(MANIFEST, 'utf8'), 'content/published.json');

/** Every id a built page gives its content (not the page's own parts, PAGE_IDS), with its element's words. */
async function anchorsOf(outDir: string, pathname: string): Promise<Map<string, { text: string; alias: boolean }>> {
	const $ = await loadPage(outDir, '/', pathname);
	const found = new Map<string, { text: string; alias: boolean }>();
	$('main [id]').each((_, element) => {
		const id = $(element).attr('id')!;
		if ((PAGE_IDS as readonly string[]).includes(id)) return;
		const alias = $(element).hasClass('alias');
		found.set(id, { text: (alias ? $(element).parent() : $(element)).text().replace(/\s+/g, ' ').trim(), alias });
	});
	return found;
}

describe('the manifest and the built site', () => {
	let build: BuildResult;
	beforeAll(async () => {
		build = await buildSite();
		expect(build.ok, build.output).toBe(true);
	});
	afterAll(() => remove(build.workDir));

	test('records every anchor the site has, with the words the page shows (else: npm run links:record)', async () => {
		const pages = (await htmlFiles(build.outDir)).map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`).filter((page) => page !== '/404.html');
		const unrecorded: string[] = [];
		const changed: string[] = [];
		for (const page of pages) {
			const recorded = manifest.pages[page];
			for (const [id, { text, alias }] of await anchorsOf(build.outDir, page)) {
				const entry = recorded?.anchors[id];
				if (!entry) unrecorded.push(`${page}#${id}`);
				else if (!alias && ['sentence', 'paragraph', 'heading'].includes(entry.kind) && entry.exact !== text) changed.push(`${page}#${id}: “${entry.exact}” ≠ “${text}”`);
			}
		}
		expect(unrecorded, 'anchors the built site has that content/published.json lacks: run npm run links:record').toEqual([]);
		expect(changed, 'anchors whose words changed since they were recorded: run npm run links:record').toEqual([]);
	});

	test('every page and anchor it records is on the built site, and every sentence has one', async () => {
		for (const [page, recorded] of Object.entries(manifest.pages)) {
			const ids = await anchorsOf(build.outDir, page);
			expect(Object.keys(recorded.anchors).filter((id) => !ids.has(id)), page).toEqual([]);
		}
		const sentences = Object.values(manifest.pages['/read/']!.anchors).filter((anchor) => anchor.kind === 'sentence');
		const reference = (await readFile(path.join(ROOT, 'tests/fixtures/sentences.txt'), 'utf8')).split('\n').filter(Boolean);
		// The reference repeats the pull quote's sentence where it stands; the article's own place has the id.
		expect(new Set(sentences.map((sentence) => sentence.exact))).toEqual(new Set(reference));
	});
});

const [, second] = await declaredSections();

/** A scratch copy of the content, one change at a time. */
describe('an author’s change to a published link', () => {
	let content: string;
	const builds: BuildResult[] = [];
	beforeAll(async () => {
		content = await copyContent();
	});
	afterAll(() => remove(content, ...builds.map((build) => build.workDir)));

	const file = (section: { file: string }) => path.join(content, 'sections', section.file);
	async function edit(section: { file: string }, change: (source: string) => string) {
		const source = await readFile(file(section), 'utf8');
		const next = change(source);
		expect(next, 'the edit changed nothing').not.toBe(source);
		await writeFile(file(section), next);
		return () => writeFile(file(section), source);
	}
	async function built() {
		const build = await buildSite({ contentDir: content });
		builds.push(build);
		return build;
	}
	/** The article's words an event quotes (`when`), which an edit must leave alone. */
	const quoted = (section: { source: string }) => [...section.source.matchAll(/^\s+when: "(.+)"$/gm)].map((match) => match[1]!);
	const untouched = (section: { source: string }, text: string) => !quoted(section).some((when) => text.includes(when) || when.includes(text.slice(0, 20)));
	/** A sentence of the section the author did not name, as the manifest records it. */
	const derived = (section: { slug: string; source: string }) =>
		Object.entries(manifest.pages[`/${section.slug}/`]!.anchors).find(([id, anchor]) => anchor.kind === 'sentence' && id.startsWith('s-') && untouched(section, anchor.exact))!;
	/** A paragraph of the section whose opening no event quotes. */
	const paragraph = (section: { slug: string; source: string }) =>
		Object.entries(manifest.pages[`/${section.slug}/`]!.anchors).find(([, anchor]) => anchor.kind === 'paragraph' && untouched(section, anchor.exact))!;

	test('a typo fixed in a paragraph’s first word: its old id stays on it as an alias, and the build says so', async () => {
		const section = (await declaredSections(content)).find((candidate) => paragraph(candidate))!;
		const [id, { exact }] = paragraph(section);
		const [word, next] = exact.split(' ').map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		// The paragraph's first line, whether or not it opens with a marked sentence.
		const opening = new RegExp(`^((?:<S id="[^"]+">)?)${word} ${next}`, 'm');
		const undo = await edit(section, (source) => source.replace(opening, (match, tag: string) => `${tag}${match.slice(tag.length).replace(' ', 'e ')}`));
		const build = await built();
		await undo();
		expect(build.ok, build.output).toBe(true);
		expect(build.output).toContain(`/${section.slug}/#${id} is now #`);
		const $ = await loadPage(build.outDir, '/', `/${section.slug}/`);
		expect($(`#${id}`).is('span.alias'), `#${id}`).toBe(true);
		expect($(`#${id}`).parent().is('p.paragraph')).toBe(true);
	});

	test('a sentence reworded slightly: its old id stays on it', async () => {
		const [id, sentence] = derived(second!);
		const words = sentence.exact.split(' ');
		// A word among the first five: the sentence's id changes with it.
		const undo = await edit(second!, (source) => source.replace(sentence.exact, [...words.slice(0, 2), 'really', ...words.slice(2)].join(' ')));
		const build = await built();
		await undo();
		expect(build.ok, build.output).toBe(true);
		const $ = await loadPage(build.outDir, '/', `/${second!.slug}/`);
		expect($(`#${id}`).is('span.alias'), `#${id}`).toBe(true);
		expect($(`#${id}`).parent().is('.sentence')).toBe(true);
		expect($(`#${id}`).parent().text()).toContain('really');
	});

	test('a sentence deleted stops the build, naming the URL, its words, the file and the two ways out; retired, it builds', async () => {
		const [id, sentence] = derived(second!);
		const undo = await edit(second!, (source) => source.replace(` ${sentence.exact}`, '').replace(`${sentence.exact} `, ''));
		const stopped = await built();
		expect(stopped.ok).toBe(false);
		expect(stopped.output).toContain(`sections/${second!.file}: /${second!.slug}/#${id} was published (sentence: “${sentence.exact.slice(0, 30)}`);
		expect(stopped.output).toMatch(/formerAnchors/);
		expect(stopped.output).toContain(`npm run links -- retire "/${second!.slug}/#${id}" --reason`);
		const manifestFile = path.join(content, 'published.json');
		const before = await readFile(manifestFile, 'utf8');
		for (const url of [`/${second!.slug}/#${id}`, `/read/#${id}`]) {
			await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/links.mjs'), 'retire', url, '--reason', 'The author cut it.'], { env: { ...process.env, CONTENT_DIR: content } });
		}
		const retired = await built();
		await undo();
		await writeFile(manifestFile, before);
		expect(retired.ok, retired.output).toBe(true);
	});

	test('a heading renamed slightly keeps its old id; renamed outright it stops the build until its former id is declared', async () => {
		const headed = (await declaredSections(content)).find((section) => /^## /m.test(section.source))!;
		const heading = /^## (.+)$/m.exec(headed.source)![1]!;
		const [oldId] = Object.entries(manifest.pages[`/${headed.slug}/`]!.anchors).find(([, anchor]) => anchor.kind === 'heading' && anchor.exact === heading)!;
		const slightly = await edit(headed, (source) => source.replace(`## ${heading}`, `## ${heading}s`));
		const kept = await built();
		await slightly();
		expect(kept.ok, kept.output).toBe(true);
		expect((await loadPage(kept.outDir, '/', `/${headed.slug}/`))(`#${oldId}`).parent().is('h2, h3')).toBe(true);

		const outright = await edit(headed, (source) => source.replace(`## ${heading}`, '## Wholly other words'));
		const stopped = await built();
		expect(stopped.ok).toBe(false);
		expect(stopped.output).toContain(`/${headed.slug}/#${oldId} was published (heading: “${heading}”)`);
		await edit(headed, (source) => source.replace(/^---\n/, `---\nformerAnchors:\n  "${oldId}": "wholly-other-words"\n`));
		const declared = await built();
		await outright();
		expect(declared.ok, declared.output).toBe(true);
		expect((await loadPage(declared.outDir, '/', `/${headed.slug}/`))(`#${oldId}`).parent().attr('id')).toBe('wholly-other-words');
	});

	test('a slug changed stops the build; with the former slug declared, the old URL redirects and keeps the fragment', async () => {
		const slug = `${second!.slug}-renamed`;
		const undo = await edit(second!, (source) => source.replace(`slug: "${second!.slug}"`, `slug: "${slug}"`));
		const stopped = await built();
		expect(stopped.ok).toBe(false);
		expect(stopped.output).toContain(`/${second!.slug}/ was published (page: “${second!.title}”)`);
		expect(stopped.output).toContain(`formerSlugs: ["${second!.slug}"]`);
		await edit(second!, (source) => source.replace(`slug: "${slug}"`, `slug: "${slug}"\nformerSlugs: ["${second!.slug}"]`));
		const redirected = await built();
		await undo();
		expect(redirected.ok, redirected.output).toBe(true);
		const $ = await loadPage(redirected.outDir, '/', `/${second!.slug}/`);
		expect($('meta[name="robots"]').attr('content')).toBe('noindex');
		expect($('link[rel="canonical"]').attr('href')).toBe(`/${slug}/`);
		expect($('a[data-redirect]').attr('href')).toBe(`/${slug}/`);
		expect($.html()).toContain(`<noscript><meta http-equiv="refresh" content="0; url=/${slug}/"></noscript>`);
		expect($('script[type="module"][src]').length).toBe(1);
		expect(await readFile(path.join(redirected.outDir, '_redirects'), 'utf8')).toContain(`/${second!.slug}/* /${slug}/:splat 301`);
		// On /read/, the old slug's id stays on the section's heading.
		expect((await loadPage(redirected.outDir, '/', '/read/'))(`#${second!.slug}`).parent().attr('id')).toBe(slug);
	});
});
