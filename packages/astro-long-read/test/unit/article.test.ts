/**
 * The data-access module with `astro:content` mocked, as Starlight tests its data layer: what
 * the collections hold decides the model, it is derived once per build, and a failure is not kept.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SectionEntry } from '../../src/model/model';
import { introductionEntry, sectionEntry, threeSections } from '../fixtures/entries';

const collections = vi.hoisted(() => ({ introduction: [] as unknown[], sections: [] as unknown[] }));
const getCollection = vi.hoisted(() => vi.fn(async (name: 'introduction' | 'sections') => collections[name]));
vi.mock('astro:content', () => ({ getCollection }));
// The mocked article was never published: no manifest of published links (content/published.json).
vi.mock('node:fs', async (original) => {
	const fs = await original<typeof import('node:fs')>();
	const readFileSync = ((file: string, ...rest: unknown[]) => {
		if (String(file).endsWith('published.json')) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
		return (fs.readFileSync as (...args: unknown[]) => unknown)(file, ...rest);
	}) as typeof fs.readFileSync;
	return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

beforeEach(() => {
	vi.resetModules();
	// As in `astro build` without SITE_URL (Vitest's Astro config defines SITE as "undefined").
	vi.stubEnv('SITE', '');
	vi.stubEnv('DEV', false);
	getCollection.mockClear();
	collections.introduction = [introductionEntry()];
	collections.sections = threeSections();
});
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

const load = async () => (await import('../../src/model/article')).getArticle;

describe('getArticle', () => {
	test('builds the model from both collections, under the configured base', async () => {
		const getArticle = await load();
		const article = await getArticle();
		expect(getCollection).toHaveBeenCalledWith('introduction');
		expect(getCollection).toHaveBeenCalledWith('sections');
		expect(article.title).toBe('The river and the town');
		expect(article.sections.map((section) => section.id)).toEqual(['the-ferry', 'the-bridge', 'the-levees']);
		expect(article.links.home).toBe(import.meta.env.BASE_URL);
	});

	test('is derived once per build: every page shares one model', async () => {
		const getArticle = await load();
		const first = await getArticle();
		const calls = getCollection.mock.calls.length;
		expect(await getArticle()).toBe(first);
		expect(getCollection.mock.calls.length).toBe(calls);
	});

	test('in `astro dev`, once per state of the content: an edit derives it afresh', async () => {
		vi.stubEnv('DEV', true);
		const digest = (entries: SectionEntry[], value: string) => entries.map((entry) => ({ ...entry, digest: value }));
		collections.sections = digest(threeSections(), 'a');
		const getArticle = await load();
		const first = await getArticle();
		expect(await getArticle()).toBe(first);
		const [changed, ...rest] = digest(threeSections(), 'b');
		collections.sections = [{ ...changed!, data: { ...changed!.data, title: 'Edited' } }, ...rest];
		const edited = await getArticle();
		expect(edited).not.toBe(first);
		expect(edited.sections.map((section) => section.title)).toContain('Edited');
	});

	test('a failed derivation is not kept: the next call tries again', async () => {
		collections.sections = [];
		const getArticle = await load();
		await expect(getArticle()).rejects.toThrow(/content\/sections\//);
		collections.sections = threeSections();
		expect((await getArticle()).sections).toHaveLength(collections.sections.length);
	});

	test('timeline warnings reach the terminal, naming the file and the field', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		collections.sections = [sectionEntry('01-the-levees', { order: 1, period: '1990/2021', events: [{ id: 'off', label: 'The ferry sinks', date: '1899', sentence: 's' }] }, '<S id="s">The ferry sank.</S>')];
		await (await load())();
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/content\/sections\/01-the-levees\.mdx: events\[0\]\.date "1899"/));
	});
});
