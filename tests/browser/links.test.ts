/**
 * Links to sentences, and copying the article, as a reader's Chromium does them, built at the
 * domain root and under a sub-path: every sentence's `#id` lands on it, in view and highlighted;
 * the overview and the section pages give the same ids as /read/, and /timeline/ links to them;
 * copying a paragraph, a sentence, a run across a timeline marker or a whole text puts the
 * author's words on a real clipboard and nothing of ours (no "Timeline:", no dates, no ¶ or #);
 * screen readers still hear the markers and permalinks, and never the sentence links, which Tab
 * skips; a text fragment (`#:~:text=`) as Chromium's "Copy link to highlight" makes one scrolls
 * to its sentence and highlights it; a hovered sentence shows its own link in the margin, over no
 * word, and a phone's screen shows none.
 *
 * Every list comes from the content or the build: the pages from `content/`, the expected words
 * from the MDX (checked against `tests/fixtures/article.txt`), the ids from the built HTML.
 * The screenshots the text-fragment check compares go to
 * `$LINKS_SHOTS` (default: `links-shots/` in the system's temporary folder).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { needing } from '../helpers/tools';
import { parse as parseYaml } from 'yaml';
import { ROOT, declaredEvents, declaredIntroduction, declaredSections } from '../helpers/build';
import { type Served, serveBuild, session, settle } from '../helpers/served';
import { loadPage } from '../helpers/site';
import { SCREENS } from '../../src/site.config';

/** Skipped where the machine lacks chromium, and then named at the end of the run; never in CI. */
const { describe } = needing('chromium');

const SHOTS = process.env.LINKS_SHOTS || path.join(tmpdir(), 'links-shots');

/** White space collapsed, as within one paragraph. */
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The article as received, one run of text. */
const FIXTURE = norm(await readFile(path.join(ROOT, 'tests/fixtures/article.txt'), 'utf8'));

interface Block {
	/** Our heading (`## `), a pull quote (`<PullQuote>`, a repeat of a sentence the text holds), or a paragraph of the author's. */
	kind: 'heading' | 'pullquote' | 'paragraph';
	text: string;
}

/**
 * An MDX file's body as blocks, read from the source and not through the site's code: `## `
 * lines are our headings, `<PullQuote>` blocks pull quotes; every other block (blank-line
 * separated) is a paragraph of the author's. Components' tags (`<S id>`, `<Byline>`) are dropped
 * and Markdown links and emphasis reduced to their words.
 */
function blocksOf(source: string): Block[] {
	const body = source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
	return body
		.split(/\r?\n[ \t]*\r?\n/)
		.map((block) => block.trim())
		.filter(Boolean)
		.map((block): Block => {
			const heading = /^#{2,6}\s+([\s\S]*)$/.exec(block);
			if (heading) return { kind: 'heading', text: norm(heading[1]!) };
			const kind = /^<PullQuote\b/.test(block) ? 'pullquote' : 'paragraph';
			const text = block
				.replace(/<\/?[A-Z][A-Za-z]*\b[^>]*>/g, '')
				.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
				.replace(/(\*\*|__|\*|_)(\S[\s\S]*?)\1/g, '$2');
			return { kind, text: norm(text) };
		});
}

/** The author's paragraphs: the running text a copy must give. */
const paragraphsOf = (blocks: Block[]) => blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text);
const headingsOf = (blocks: Block[]) => blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
/** The blocks a page shows as a `<p>` in `.prose` (paragraphs and pull quotes), in order. */
const textBlocksOf = (blocks: Block[]) => blocks.filter((block) => block.kind !== 'heading');

const INTRODUCTION = await declaredIntroduction();
const SECTIONS = await declaredSections();
const EVENTS = await declaredEvents();

interface ReadingPage {
	/** The page's path under the base: '' for the overview. */
	path: string;
	/** The blocks of each of its `.prose` elements, in order: one content file each. */
	proses: Block[][];
}

/** The pages that show the article's text, with the content each shows. */
const READING: ReadingPage[] = [
	{ path: '', proses: [blocksOf(INTRODUCTION.source)] },
	...SECTIONS.map((section) => ({ path: `${section.slug}/`, proses: [blocksOf(section.source)] })),
	{ path: 'read/', proses: [blocksOf(INTRODUCTION.source), ...SECTIONS.map((section) => blocksOf(section.source))] },
];
const WHOLE = READING.at(-1)!;

/** A sentence's id on a built page, or the id of an `.alias` it holds (an id it was published under). */
interface SentenceId {
	id: string;
	sentence: string;
}

/** The sentences' ids on a built page, in document order, with their aliases. */
async function sentenceIdsOf(served: Served, pathname: string): Promise<SentenceId[]> {
	const $ = await loadPage(served.build.outDir, served.base, `${served.base}${pathname}`);
	return $('.sentence')
		.toArray()
		.flatMap((el) => {
			const sentence = $(el).attr('id')!;
			const aliases = $(el).children('.alias').toArray().map((alias) => $(alias).attr('id')!);
			return [{ id: sentence, sentence }, ...aliases.map((id) => ({ id, sentence }))];
		});
}

/** Which of the content's heading lines a copy holds, and its other lines. */
function splitCopy(copy: string, headings: string[]): { headings: string[]; paragraphs: string[] } {
	const lines = copy.split(/\n+/).map(norm).filter(Boolean);
	return { headings: lines.filter((line) => headings.includes(line)), paragraphs: lines.filter((line) => !headings.includes(line)) };
}

/** A node of an ARIA snapshot: its role, accessible name and, for links, URL. */
interface Heard {
	role: string;
	name: string;
	url?: string;
}

/** Every node of a Playwright ARIA snapshot, in order. */
function heardIn(snapshot: string): Heard[] {
	const found: Heard[] = [];
	const walk = (items: unknown, parent?: Heard) => {
		if (!Array.isArray(items)) return;
		for (const item of items) {
			const entries: [string, unknown][] = typeof item === 'string' ? [[item, undefined]] : Object.entries(item as object);
			for (const [key, value] of entries) {
				if (key === '/url') {
					if (parent) parent.url = String(value);
					continue;
				}
				const match = /^([a-z]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(key);
				if (!match) continue;
				const node: Heard = { role: match[1]!, name: match[2] ? (JSON.parse(`"${match[2]}"`) as string) : '' };
				if (match[1] === 'text' && typeof value === 'string') node.name = value;
				found.push(node);
				walk(value, node);
			}
		}
	};
	walk(parseYaml(snapshot));
	return found;
}

/** A text directive's term, percent-encoded as the spec asks (`-`, `,` and `&` included). */
const term = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');

interface TextDirective {
	prefix?: string;
	start: string;
	end?: string;
	suffix?: string;
}

function fragmentOf({ prefix, start, end, suffix }: TextDirective): string {
	const parts = [prefix ? `${term(prefix)}-` : '', term(start), end ? term(end) : '', suffix ? `-${term(suffix)}` : ''].filter(Boolean);
	return `#:~:text=${parts.join(',')}`;
}

/** Chromium's limits when it makes a link to a highlight (text_fragment_selector_generator.cc). */
const EXACT_TEXT_MAX_CHARS = 300;
const NO_CONTEXT_MIN_CHARS = 20;
const MIN_RANGE_WORDS = 3;
const MAX_WORDS = 10;

/**
 * The text directives Chromium's "Copy link to highlight" tries for a selection of a whole
 * sentence, in its order: the whole text when it is at most 300 characters (with context from
 * the start when under 20), then with more and more words of context either side until one is unique; the first and last words otherwise
 * (at least three each), more until unique. `range` asks for the first-and-last-words form
 * whatever the length (Chromium's form for a longer selection).
 */
function directivesFor(sentence: { text: string; before: string; after: string }, form: 'exact' | 'range'): TextDirective[] {
	const words = sentence.text.split(' ');
	const before = sentence.before.split(' ').filter(Boolean);
	const after = sentence.after.split(' ').filter(Boolean);
	const found: TextDirective[] = [];
	if (form === 'exact' && sentence.text.length <= EXACT_TEXT_MAX_CHARS) {
		if (sentence.text.length >= NO_CONTEXT_MIN_CHARS) found.push({ start: sentence.text });
		for (let n = 1; n <= MAX_WORDS && (n <= before.length || n <= after.length); n++) {
			found.push({ prefix: before.slice(-n).join(' ') || undefined, start: sentence.text, suffix: after.slice(0, n).join(' ') || undefined });
		}
	} else {
		for (let n = MIN_RANGE_WORDS; n <= MAX_WORDS && 2 * n <= words.length; n++) {
			found.push({ start: words.slice(0, n).join(' '), end: words.slice(-n).join(' ') });
		}
	}
	return found;
}

describe.each(['/', '/sub/'])('sentence links and copying, built with base %s', { timeout: 240_000 }, (base) => {
	let served: Served;
	/** Each reading page's sentence ids, from the build. */
	const ids = new Map<string, SentenceId[]>();

	/** The section page with the most sentences, from the build. */
	const busiest = () => READING.filter((page) => page !== WHOLE && page.path !== '').sort((a, b) => ids.get(b.path)!.length - ids.get(a.path)!.length)[0]!;

	beforeAll(async () => {
		served = await serveBuild({ base });
		for (const page of READING) ids.set(page.path, await sentenceIdsOf(served, page.path));
	}, 240_000);

	afterAll(() => served?.close());

	test('the content read independently is the article as received, in reading order', () => {
		// The article as received repeats the pulled quote where it stood in the page.
		expect(textBlocksOf(WHOLE.proses.flat()).map((block) => block.text).join(' ')).toBe(FIXTURE);
	});

	test('every sentence lands highlighted and in view, loaded afresh or followed in the page', async () => {
		const problems: string[] = [];
		const v = await session(served, { viewport: { width: SCREENS.desktop, height: 900 } });
		for (const page of READING) {
			const url = `${served.url}${page.path}`;
			const list = ids.get(page.path)!;
			expect(list.length, `${url}: sentences`).toBeGreaterThan(0);
			for (const [index, { id, sentence }] of list.entries()) {
				// The first and the last are loaded afresh, from another page; the others followed in the page.
				if (index === 0 || index === list.length - 1) {
					await v.page.goto('about:blank');
					await v.page.goto(`${url}#${id}`, { waitUntil: 'load' });
				} else {
					await v.page.evaluate((hash) => void (location.hash = hash), id);
				}
				await settle(v.page);
				const landing = await v.page.evaluate(
					({ id, sentence }) => {
						const el = document.getElementById(sentence)!;
						const target = document.querySelector(':target');
						const paragraph = el.closest('p')!;
						const box = el.getBoundingClientRect();
						return {
							target: target ? `${target.tagName.toLowerCase()}#${target.id}.${[...target.classList].join('.')}` : 'nothing',
							isIt: target === el || (target?.id === id && target.classList.contains('alias') && target.parentElement === el),
							inView: box.top >= 0 && box.bottom <= innerHeight && box.height > 0,
							background: getComputedStyle(el).backgroundColor,
							paragraph: getComputedStyle(paragraph).backgroundColor,
						};
					},
					{ id, sentence },
				);
				const where = `${page.path || '(overview)'}#${id}`;
				if (!landing.isIt) problems.push(`${where}: :target is ${landing.target}`);
				if (!landing.inView) problems.push(`${where}: the sentence is not in view`);
				if (landing.background === landing.paragraph) problems.push(`${where}: not highlighted (background ${landing.background}, as its paragraph's)`);
			}
		}
		await v.close();
		expect(problems.join('\n')).toBe('');
	});

	test('the overview and the section pages give every sentence the id /read/ gives it, each once', () => {
		const onPages = READING.filter((page) => page !== WHOLE).flatMap((page) => ids.get(page.path)!.map((s) => s.id));
		const onRead = ids.get(WHOLE.path)!.map((s) => s.id);
		expect(new Set(onPages).size, 'an id given twice across the pages').toBe(onPages.length);
		expect(new Set(onRead).size, 'an id given twice on /read/').toBe(onRead.length);
		expect([...onPages].sort()).toEqual([...onRead].sort());
	});

	test("every entry on /timeline/ leads to its event's sentence, on the page that shows it", async () => {
		const timeline = `${base}timeline/`;
		const $ = await loadPage(served.build.outDir, base, timeline);
		const entries = $('li.entry')
			.toArray()
			.map((li) => ({ id: $(li).attr('id')!, href: $(li).find('.label a').attr('href')! }));
		expect(entries.map((entry) => entry.id).sort()).toEqual(EVENTS.map((event) => event.id).sort());
		const problems: string[] = [];
		for (const entry of entries) {
			const target = new URL(entry.href, `${served.origin}${timeline}`);
			const page = READING.find((p) => `${base}${p.path}` === target.pathname && p !== WHOLE);
			const id = decodeURIComponent(target.hash.slice(1));
			const event = EVENTS.find((e) => e.id === entry.id)!;
			if (!page) problems.push(`${entry.id}: ${entry.href} is not a section page or the overview`);
			else if (!ids.get(page.path)!.some((s) => s.id === id)) problems.push(`${entry.id}: ${entry.href}: no sentence #${id} there`);
			if (id !== event.sentence) problems.push(`${entry.id}: ${entry.href} is not its sentence #${event.sentence}`);
		}
		expect(problems.join('\n')).toBe('');
	});

	test("copying a paragraph, a sentence, a run across a marker or a whole text gives the author's words, and nothing of ours", async () => {
		const v = await session(served, { viewport: { width: SCREENS.desktop, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
		const problems: string[] = [];
		/** Headings found in whole-text copies, per page, for the report. */
		const headingsCopied: string[] = [];
		let wholeCopied = '';
		for (const page of READING) {
			await v.goto(`${base}${page.path}`);
			const where = page.path || '(overview)';
			// Every selection, made once; selected in turn below.
			const selections = await v.page.evaluate(() => {
				type Selection =
					| { kind: 'prose'; prose: number }
					| { kind: 'paragraph'; prose: number; paragraph: number }
					| { kind: 'sentence'; prose: number; paragraph: number; id: string }
					| { kind: 'marker'; prose: number; marker: string; lines: string[] };
				const ranges: Range[] = [];
				const found: Selection[] = [];
				const add = (selection: Selection, range: Range) => void (ranges.push(range), found.push(selection));
				const whole = (node: Node) => {
					const range = document.createRange();
					range.selectNodeContents(node);
					return range;
				};
				/** The sentence's own text nodes (not its link's), and a point mid-word near `fraction` of its text. */
				const pointIn = (sentence: Element, fraction: number) => {
					const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT, {
						acceptNode: (node) => (node.parentElement?.closest('.sentence-link, .alias') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
					});
					const nodes: Text[] = [];
					for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
					const text = nodes.map((node) => node.data).join('');
					let at = Math.floor(text.length * fraction);
					while (at < text.length - 1 && !(/\p{L}/u.test(text[at - 1] ?? '') && /\p{L}/u.test(text[at]!))) at++;
					let offset = at;
					for (const node of nodes) {
						if (offset <= node.data.length) return { node, offset, before: text.slice(0, at), after: text.slice(at) };
						offset -= node.data.length;
					}
					throw new Error(`no point in ${sentence.id}`);
				};
				[...document.querySelectorAll('.prose')].forEach((prose, p) => {
					add({ kind: 'prose', prose: p }, whole(prose));
					const paragraphs = [...prose.querySelectorAll('p')];
					paragraphs.forEach((paragraph, i) => {
						add({ kind: 'paragraph', prose: p, paragraph: i }, whole(paragraph));
						for (const sentence of paragraph.querySelectorAll('.sentence')) add({ kind: 'sentence', prose: p, paragraph: i, id: sentence.id }, whole(sentence));
					});
					// From the middle of the sentence a marker follows to the middle of the next sentence: in
					// the same paragraph, else the next paragraph's first (when nothing comes between), else
					// to the end of the marker's paragraph.
					for (const marker of prose.querySelectorAll('a.marker')) {
						const paragraph = marker.closest('p')!;
						const sentences = [...paragraph.querySelectorAll('.sentence')];
						const before = sentences.filter((s) => s.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1);
						if (!before) continue;
						const next = paragraph.nextElementSibling;
						const after =
							sentences.find((s) => marker.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) ??
							(next?.matches('p') ? next.querySelector('.sentence') : null);
						const start = pointIn(before, 0.5);
						const range = document.createRange();
						range.setStart(start.node, start.offset);
						let lines: string[];
						if (after) {
							const end = pointIn(after, 0.5);
							range.setEnd(end.node, end.offset);
							lines = after.closest('p') === paragraph ? [`${start.after} ${end.before}`] : [start.after, end.before];
						} else {
							range.setEnd(paragraph, paragraph.childNodes.length);
							lines = [start.after];
						}
						add({ kind: 'marker', prose: p, marker: marker.getAttribute('href')!, lines }, range);
					}
				});
				(window as unknown as { ranges: Range[] }).ranges = ranges;
				return found;
			});
			const labels = await v.page.locator('.prose a.marker').evaluateAll((markers) => markers.map((m) => m.getAttribute('data-label')!));
			// Words of ours that must never be copied: the markers' dates (those the author never wrote) and our signs.
			const ours = ['Timeline:', 'Link to', '¶', '#', ...labels].filter((word) => !FIXTURE.includes(word));
			expect(ours.length).toBeGreaterThan(2);

			const copies: string[] = [];
			const pageHeadings: string[] = [];
			for (let i = 0; i < selections.length; i++) {
				await v.page.evaluate(async (index) => {
					await navigator.clipboard.writeText('');
					const selection = getSelection()!;
					selection.removeAllRanges();
					selection.addRange((window as unknown as { ranges: Range[] }).ranges[index]!);
				}, i);
				await v.page.keyboard.press('Control+C');
				copies.push(await v.page.evaluate(() => navigator.clipboard.readText()));
			}

			expect(selections.filter((s) => s.kind === 'prose').length, `${where}: .prose elements`).toBe(page.proses.length);
			const sentences = new Map<string, string[]>();
			selections.forEach((selection, i) => {
				const copy = copies[i]!;
				const blocks = page.proses[selection.prose]!;
				const label = `${where} ${selection.kind}${'id' in selection ? ` #${selection.id}` : ''}${'paragraph' in selection ? ` ¶${selection.paragraph + 1}` : ''}${'marker' in selection ? ` across ${selection.marker}` : ''}`;
				const added = ours.filter((word) => copy.includes(word));
				if (added.length) problems.push(`${label}: the copy holds ${added.map((w) => `“${w}”`).join(', ')}: ${JSON.stringify(copy)}`);
				if (!norm(copy) && !(selection.kind === 'paragraph' && textBlocksOf(blocks)[selection.paragraph]?.kind === 'pullquote')) problems.push(`${label}: nothing copied`);
				switch (selection.kind) {
					case 'prose': {
						const { headings, paragraphs } = splitCopy(copy, headingsOf(blocks));
						if (JSON.stringify(paragraphs) !== JSON.stringify(paragraphsOf(blocks))) problems.push(`${label}: the paragraphs copied are not the author's:\n  got      ${JSON.stringify(paragraphs)}\n  expected ${JSON.stringify(paragraphsOf(blocks))}`);
						// Our headings, between the author's paragraphs, are not the author's words (and the pull
						// quote, a repeat, is left out by the paragraph check above).
						if (headings.length) problems.push(`${label}: our headings copied with the text: ${JSON.stringify(headings)}`);
						pageHeadings.push(...headings);
						if (page === WHOLE) wholeCopied += ` ${paragraphs.join(' ')}`;
						break;
					}
					case 'paragraph': {
						const block = textBlocksOf(blocks)[selection.paragraph];
						// A pull quote selected on its own gives nothing: it repeats a sentence of the text.
						const expected = block?.kind === 'paragraph' ? block.text : '';
						if (copy.trim().includes('\n')) problems.push(`${label}: one paragraph copied as several lines: ${JSON.stringify(copy)}`);
						if (norm(copy) !== expected) problems.push(`${label}: copied ${JSON.stringify(norm(copy))}, expected ${JSON.stringify(expected)}`);
						break;
					}
					case 'sentence': {
						if (copy.trim().includes('\n')) problems.push(`${label}: one sentence copied as several lines: ${JSON.stringify(copy)}`);
						if (!FIXTURE.includes(norm(copy))) problems.push(`${label}: ${JSON.stringify(norm(copy))} is not the author's words`);
						const key = `${selection.prose}/${selection.paragraph}`;
						sentences.set(key, [...(sentences.get(key) ?? []), norm(copy)]);
						break;
					}
					case 'marker': {
						const lines = copy.split(/\n+/).map(norm).filter(Boolean);
						const expected = selection.lines.map(norm);
						if (JSON.stringify(lines) !== JSON.stringify(expected)) problems.push(`${label}: copied ${JSON.stringify(lines)}, expected ${JSON.stringify(expected)}`);
						if (!FIXTURE.includes(expected.join(' '))) problems.push(`${label}: the expected run ${JSON.stringify(expected.join(' '))} is not the author's (test error)`);
						break;
					}
				}
			});
			// The sentences, copied one by one, make up their paragraph word for word.
			for (const [key, parts] of sentences) {
				const [prose, paragraph] = key.split('/').map(Number) as [number, number];
				const expected = textBlocksOf(page.proses[prose]!)[paragraph]?.text;
				if (parts.join(' ') !== expected) problems.push(`${where} ¶${paragraph + 1}: its sentences copied one by one are ${JSON.stringify(parts.join(' '))}, the paragraph is ${JSON.stringify(expected)}`);
			}
			if (pageHeadings.length) headingsCopied.push(`${where}: ${pageHeadings.map((h) => `“${h}”`).join(', ')}`);
			const markerRuns = selections.filter((s) => s.kind === 'marker').length;
			expect(markerRuns, `${where}: runs across a marker`).toBe(labels.length);
		}
		await v.close();
		console.info(`Our headings copied with the whole text (base ${base}):\n  ${headingsCopied.join('\n  ') || 'none'}`);
		expect(problems.join('\n')).toBe('');
		// /read/'s texts, copied one by one, are the article as received, without the pulled quote's repeat.
		expect(norm(wholeCopied)).toBe(paragraphsOf(WHOLE.proses.flat()).join(' '));
		expect(headingsCopied).toEqual([]);
	});

	test('screen readers hear each marker as “Timeline: <date>, <label>” and each permalink by its paragraph, never a sentence link', async () => {
		const v = await session(served);
		const problems: string[] = [];
		for (const page of READING) {
			await v.goto(`${base}${page.path}`);
			const where = page.path || '(overview)';
			const heard = heardIn(await v.page.locator('main').ariaSnapshot());
			const links = heard.filter((node) => node.role === 'link');
			const sentenceIds = ids.get(page.path)!.map((s) => s.id);
			const dom = await v.page.evaluate(() => ({
				markers: [...document.querySelectorAll('.prose a.marker')].map((a) => ({ event: new URL((a as HTMLAnchorElement).href).hash.slice(1), drawn: a.getAttribute('data-label')! })),
				paragraphs: [...document.querySelectorAll('.prose')].flatMap((prose, p) =>
					[...prose.querySelectorAll('p')].map((paragraph, i) => ({ id: paragraph.id, prose: p, paragraph: i })).filter((paragraph) => paragraph.id),
				),
			}));

			// Markers: one per event the content ties to a sentence on this page, its label the content's,
			// its date the one drawn, and a date of the event's.
			const expected = EVENTS.filter((event) => sentenceIds.includes(event.sentence));
			const markers = links
				.filter((link) => link.name.startsWith('Timeline: '))
				.map((link) => {
					const [, date = '', label = ''] = /^Timeline: ([^,]+), ([\s\S]+)$/.exec(link.name) ?? [];
					return { event: new URL(link.url ?? '', served.url).hash.slice(1), date, label };
				});
			expect(markers.map((m) => `${m.event}: ${m.label}`).sort(), `${where}: markers heard`).toEqual(expected.map((e) => `${e.id}: ${e.label}`).sort());
			for (const marker of markers) {
				const event = EVENTS.find((e) => e.id === marker.event);
				const drawn = dom.markers.find((m) => m.event === marker.event)?.drawn;
				if (marker.date !== drawn) problems.push(`${where}: the marker of ${marker.event} says “${marker.date}” and shows “${drawn}”`);
				const years = event?.date ? event.date.split('/').map((side) => side.slice(0, 4).replace(/X+$/, '')) : [];
				if (event && !event.date && marker.date !== 'undated') problems.push(`${where}: undated ${marker.event} heard as “${marker.date}”`);
				if (years.some((year) => !marker.date.includes(year))) problems.push(`${where}: ${marker.event} (${event!.date}) heard as “${marker.date}”`);
			}

			// Permalinks: one per paragraph that has an id, named by the paragraph's own first words.
			const permalinks = links.filter((link) => link.name.startsWith('Link to the paragraph'));
			expect(permalinks.length, `${where}: permalinks heard`).toBe(dom.paragraphs.length);
			for (const paragraph of dom.paragraphs) {
				const link = permalinks.find((l) => l.url === `#${paragraph.id}`);
				const text = textBlocksOf(page.proses[paragraph.prose]!)[paragraph.paragraph]!.text;
				const quoted = /^Link to the paragraph “(.+)…”$/.exec(link?.name ?? '')?.[1];
				if (!link) problems.push(`${where}: no permalink heard for #${paragraph.id}`);
				else if (!quoted || !text.startsWith(quoted)) problems.push(`${where}: #${paragraph.id} heard as “${link.name}”; its paragraph begins “${text.slice(0, 40)}”`);
			}

			// Heading links: named by the content's heading.
			for (const heading of page.proses.flatMap(headingsOf)) {
				if (!links.some((link) => link.name === `Link to the section “${heading}”`)) problems.push(`${where}: no link heard for the heading “${heading}”`);
			}

			// Sentence links: not in the tree at all.
			const sentenceLinks = links.filter((link) => sentenceIds.some((id) => link.url === `#${id}`) || /this sentence/i.test(link.name));
			if (sentenceLinks.length) problems.push(`${where}: sentence links heard: ${sentenceLinks.map((l) => `${l.name} → ${l.url}`).join(', ')}`);
			// And none of the signs we draw is heard as a link's name.
			const unnamed = links.filter((link) => ['#', '¶', ''].includes(link.name.trim()));
			if (unnamed.length) problems.push(`${where}: links heard without a name: ${unnamed.map((l) => l.url).join(', ')}`);
		}
		await v.close();
		expect(problems.join('\n')).toBe('');
	});

	test('Tab never stops on a sentence link; in the text it stops on the permalinks, markers and heading links alone', async () => {
		const v = await session(served, { reducedMotion: 'reduce' });
		const problems: string[] = [];
		for (const page of READING) {
			await v.goto(`${base}${page.path}`);
			const where = page.path || '(overview)';
			const expected = await v.page.evaluate(() => {
				const inProse = [...document.querySelectorAll<HTMLAnchorElement>('.prose a[href]:not(.sentence-link)')];
				return {
					hrefs: inProse.map((a) => a.getAttribute('href')!),
					paragraphs: document.querySelectorAll('.prose p').length,
					markers: document.querySelectorAll('.prose a.marker').length,
					headingLinks: document.querySelectorAll('.prose .heading a[href]').length,
					otherLinks: inProse.filter((a) => !a.matches('.marker, .permalink, .heading a')).length,
					tabbable: document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length,
				};
			});
			const stops: { href: string; inProse: boolean; sentenceLink: boolean }[] = [];
			for (let i = 0; i <= expected.tabbable + 1; i++) {
				await v.page.keyboard.press('Tab');
				const stop = await v.page.evaluate(() => {
					const el = document.activeElement;
					if (!el || el === document.body) return undefined;
					return { href: el.getAttribute('href') ?? el.tagName.toLowerCase(), inProse: Boolean(el.closest('.prose')), sentenceLink: el.matches('.sentence-link') };
				});
				if (!stop) break;
				// Focus has gone round: back to the first stop.
				if (stops.length && stop.href === stops[0]!.href && !stop.inProse) break;
				stops.push(stop);
			}
			const onSentenceLinks = stops.filter((stop) => stop.sentenceLink);
			if (onSentenceLinks.length) problems.push(`${where}: Tab stops on sentence links ${onSentenceLinks.map((s) => s.href).join(', ')}`);
			const inProse = stops.filter((stop) => stop.inProse).map((stop) => stop.href);
			const most = expected.paragraphs + expected.markers + expected.headingLinks + expected.otherLinks;
			if (inProse.length > most) problems.push(`${where}: ${inProse.length} Tab stops in the text, more than ${most}`);
			if (JSON.stringify(inProse) !== JSON.stringify(expected.hrefs)) problems.push(`${where}: Tab stops in the text ${JSON.stringify(inProse)}, expected ${JSON.stringify(expected.hrefs)}`);
		}
		await v.close();
		expect(problems.join('\n')).toBe('');
	});

	test('a link to a highlight (#:~:text=) made as Chromium makes one scrolls to its sentence and highlights it', async () => {
		// The overview, and the section page with the most sentences (from the build).
		const section = busiest();
		const v = await session(served, { viewport: { width: SCREENS.desktop, height: 900 } });
		const problems: string[] = [];
		let checked = 0;
		const baselines = new Map<string, Buffer>();
		if (base === '/') await mkdir(path.join(SHOTS, 'fragments'), { recursive: true });
		for (const page of [READING[0]!, section]) {
			const url = `${served.url}${page.path}`;
			const where = page.path || '(overview)';
			await v.page.goto(url);
			// Each sentence's text, and the words before and after it in its paragraph (for context).
			const sentences = await v.page.evaluate(() => {
				const text = (range: Range) => {
					const selection = getSelection()!;
					selection.removeAllRanges();
					selection.addRange(range);
					const found = selection.toString();
					selection.removeAllRanges();
					return found.replace(/\s+/g, ' ').trim();
				};
				return [...document.querySelectorAll('.prose .sentence')].map((sentence) => {
					const paragraph = sentence.closest('p')!;
					const own = document.createRange();
					own.selectNodeContents(sentence);
					const before = document.createRange();
					before.setStart(paragraph, 0);
					before.setEndBefore(sentence);
					const after = document.createRange();
					after.setStartAfter(sentence);
					after.setEnd(paragraph, paragraph.childNodes.length);
					return { id: sentence.id, text: text(own), before: text(before), after: text(after) };
				});
			});
			for (const sentence of sentences) {
				for (const form of ['exact', 'range'] as const) {
					const candidates = directivesFor(sentence, form);
					if (!candidates.length) continue;
					let landed = false;
					const tried: string[] = [];
					for (const directive of candidates) {
						const fragment = fragmentOf(directive);
						tried.push(fragment);
						await v.page.goto('about:blank');
						await v.page.goto(`${url}${fragment}`, { waitUntil: 'load' });
						await settle(v.page);
						const at = await v.page.evaluate((id) => {
							const el = document.getElementById(id)!;
							const box = el.getBoundingClientRect();
							// The spec makes the match's closest element the target: here, the sentence itself.
							return {
								isTarget: document.querySelector(':target') === el,
								hash: location.hash,
								scrollY,
								inView: box.top >= 0 && box.bottom <= innerHeight,
								box: { x: box.left, y: box.top, width: box.width, height: box.height },
							};
						}, sentence.id);
						// Not unique on the page: Chromium would not make this one; try the next.
						if (!at.isTarget) continue;
						landed = true;
						checked++;
						const label = `${where}${fragment} (#${sentence.id})`;
						if (!at.inView) problems.push(`${label}: the sentence is not in view (box ${JSON.stringify(at.box)})`);
						if (at.hash !== '') problems.push(`${label}: the directive stayed in location.hash (${at.hash})`);
						const clip = {
							x: Math.max(0, Math.floor(at.box.x)),
							y: Math.max(0, Math.floor(at.box.y)),
							width: Math.ceil(at.box.width),
							height: Math.min(Math.ceil(at.box.height), 900 - Math.max(0, Math.floor(at.box.y))),
						};
						const highlighted = await v.page.screenshot({ clip });
						// The same place without the directive: plain, and as the #id target (whose own highlight
						// must not be all there is).
						// (Both forms of a directive scroll to the same place: each comparison is taken once.)
						const same = async (hash: string) => {
							const key = `${url}${hash} ${at.scrollY} ${JSON.stringify(clip)}`;
							const seen = baselines.get(key);
							if (seen) return seen;
							// The directive is gone from the address: loading the page again is a fresh load.
							await v.page.goto(`${url}${hash}`, { waitUntil: 'load' });
							await v.page.evaluate((y) => scrollTo(0, y), at.scrollY);
							await settle(v.page);
							const y = await v.page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, sentence.id);
							if (Math.abs(y - at.box.y) > 1) problems.push(`${label}: could not put the sentence back at ${at.box.y} px (${y} px) for comparison`);
							const shot = await v.page.screenshot({ clip });
							baselines.set(key, shot);
							return shot;
						};
						const plain = await same('');
						const targeted = await same(`#${sentence.id}`);
						if (highlighted.equals(plain)) problems.push(`${label}: no highlight: it looks as it does without the fragment`);
						if (highlighted.equals(targeted)) problems.push(`${label}: no ::target-text highlight: it looks as the #${sentence.id} target does`);
						if (base === '/') {
							const name = `${page.path.replace(/\/$/, '').replace(/\W+/g, '-') || 'overview'}-${sentence.id}-${form}`;
							await writeFile(path.join(SHOTS, 'fragments', `${name}-highlighted.png`), highlighted);
							await writeFile(path.join(SHOTS, 'fragments', `${name}-plain.png`), plain);
							await writeFile(path.join(SHOTS, 'fragments', `${name}-target.png`), targeted);
						}
						break;
					}
					if (!landed) problems.push(`${where}#${sentence.id}: no ${form} text fragment landed on it; tried ${tried.join(' ')}`);
				}
			}
		}
		await v.close();
		expect(problems.join('\n')).toBe('');
		expect(checked).toBeGreaterThan(0);
	});

	/**
	 * Puts the pointer on a sentence's last line, near its start, and reads its link as shown:
	 * whether its mark is drawn, where it takes the pointer, and which words it lies over.
	 */
	async function hover(page: Page, id: string) {
		const sentence = page.locator(`[id="${id}"]`);
		await sentence.scrollIntoViewIfNeeded();
		const point = await sentence.evaluate((el) => {
			const last = [...el.getClientRects()].filter((r) => r.width > 2).at(-1)!;
			return { x: last.left + Math.min(20, last.width / 2), y: last.top + last.height / 2 };
		});
		await page.mouse.move(point.x, point.y);
		return sentence.evaluate((el) => {
			const a = el.querySelector<HTMLElement>(':scope > .sentence-link')!;
			const paragraph = el.closest('p')!;
			const last = [...el.getClientRects()].filter((r) => r.width > 2).at(-1)!;
			const p = paragraph.getBoundingClientRect();
			// Where the link takes the pointer (its mark is its ::before): every point, 2 px apart, on
			// the band from the line above the sentence's last line to the line below, column and margin.
			const hits: { x: number; y: number }[] = [];
			for (let y = Math.round(last.top - last.height); y <= last.bottom + last.height; y += 2) {
				for (let x = Math.round(p.left); x < window.innerWidth; x += 2) {
					const at = document.elementFromPoint(x, y);
					if (at && (at === a || a.contains(at))) hits.push({ x, y });
				}
			}
			// Every word of the paragraph with such a point on it, more than a pixel inside.
			const covered: string[] = [];
			const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
				for (const word of node.data.matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(node, word.index);
					range.setEnd(node, word.index + word[0].length);
					for (const r of range.getClientRects()) {
						if (hits.some(({ x, y }) => x > r.left + 1 && x < r.right - 1 && y > r.top + 1 && y < r.bottom - 1)) covered.push(word[0]);
					}
				}
			}
			const xs = hits.map((h) => h.x);
			const ys = hits.map((h) => h.y);
			const box = hits.length ? { left: Math.min(...xs), right: Math.max(...xs) + 2, top: Math.min(...ys), bottom: Math.max(...ys) + 2 } : undefined;
			const mark = getComputedStyle(a, '::before');
			return {
				shown: mark.display !== 'none' && mark.visibility === 'visible',
				drawn: mark.content,
				hit: hits.length > 0,
				center: box ? { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 } : { x: 0, y: 0 },
				// In the margin beside the column, on the screen.
				inMargin: box ? box.left >= p.right - 1 && box.right <= window.innerWidth : false,
				// On the line where the sentence ends.
				onItsLine: box ? box.top < last.bottom && box.bottom > last.top : false,
				covered,
				where: box ? `its mark about ${box.right - box.left}×${box.bottom - box.top} px at ${box.left},${box.top}; the text ends at ${Math.round(last.right)},${Math.round(last.top)}` : 'no mark',
				paragraph: { x: p.left, y: p.top, width: p.width, height: p.height },
			};
		});
	}

	test('a hovered sentence shows its “#” in the margin beside the line where it ends, over no word, and the pointer can reach and follow it (1280 px)', async () => {
		const section = busiest();
		const v = await session(served, { viewport: { width: SCREENS.desktop, height: 900 } });
		await v.goto(`${base}${section.path}`);
		const problems: string[] = [];
		const ids = await v.page.locator('.prose .sentence').evaluateAll((els) => els.map((el) => el.id));
		for (const id of ids) {
			const link = await hover(v.page, id);
			if (!link.shown) problems.push(`#${id}: its link is not shown on hover`);
			if (link.drawn !== '"#"') problems.push(`#${id}: its link draws ${link.drawn}`);
			if (!link.hit) problems.push(`#${id}: its link cannot be clicked`);
			if (link.hit && !link.inMargin) problems.push(`#${id}: its “#” is not in the margin beside the column (${link.where})`);
			if (link.hit && !link.onItsLine) problems.push(`#${id}: its “#” is not on the line where the sentence ends (${link.where})`);
			// Over words, it would take the pointer from them: a click there would follow the link, a drag drag it.
			if (link.covered.length) problems.push(`#${id}: its “#” lies over ${link.covered.map((w) => `“${w}”`).join(' ')} (${link.where})`);
		}
		// The pointer leaves the sentence for its mark: the mark waits for it, and a click follows it.
		const id = ids.at(-1)!;
		const { center } = await hover(v.page, id);
		await v.page.mouse.move(center.x, center.y, { steps: 8 });
		await v.page.mouse.click(center.x, center.y);
		await v.page.waitForFunction((target) => location.hash === `#${target}`, id);
		expect(await v.page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
		await v.close();
		expect(problems.join('\n')).toBe('');
	});

	test('on a phone there is no margin: no sentence draws a mark, and nothing reaches past the screen (375 px)', async () => {
		const v = await session(served, { viewport: { width: SCREENS.phone, height: 800 } });
		await v.goto(`${base}${busiest().path}`);
		const id = (await v.page.locator('.prose .sentence').first().getAttribute('id'))!;
		expect((await hover(v.page, id)).shown).toBe(false);
		expect(await v.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
		await v.close();
	});
});
