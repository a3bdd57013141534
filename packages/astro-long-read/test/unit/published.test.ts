import { describe, expect, test } from 'vitest';
import { parseArticle, partsOf } from '../../src/content/markdown/parse';
import { publishedPages, textAnchors } from '../../src/model/published';
import { sentenceIds } from '../../src/content/sentence-ids';

const BODY = 'First sentence here. <S id="named">A named one.</S>\n\n## A heading of ours\n\nThe last paragraph.';

function text(path: string, file: string, body: string, slug?: string) {
	const parts = partsOf(body);
	const ids = sentenceIds([{ file, sentences: parts.sentences }]).get(file)!;
	return { path, file, title: `Title of ${path}`, slug, ...parts, sentenceIds: ids, eras: slug ? [{ id: slug, title: `Era of ${slug}` }] : [] };
}

describe('textAnchors', () => {
	test('headings, paragraphs and sentences in document order, each with its words and their context', () => {
		expect(parseArticle(BODY)).toBeTruthy();
		const anchors = textAnchors(text('/a/', 'a.mdx', BODY));
		expect(anchors.map((anchor) => [anchor.kind, anchor.id])).toEqual([
			['paragraph', 'p-first-sentence-here-a-named-one'],
			['sentence', 's-first-sentence-here'],
			['sentence', 'named'],
			['heading', 'a-heading-of-ours'],
			['paragraph', 'p-the-last-paragraph'],
			['sentence', 's-the-last-paragraph'],
		]);
		const named = anchors.find((anchor) => anchor.id === 'named')!;
		expect(named).toMatchObject({ exact: 'A named one.', prefix: 'First sentence here. ', suffix: ' A heading of ours The last para' });
	});
});

describe('publishedPages', () => {
	test('each text’s page, /read/ with every text’s anchors and each section’s slug, /timeline/ with its groups and entries, /search/', () => {
		const pages = publishedPages({
			home: { path: '/', title: 'Home' },
			texts: [text('/', 'intro.mdx', 'An opening.'), text('/a/', 'a.mdx', BODY, 'a')],
			read: { path: '/read/', title: 'Read', file: 'read.astro' },
			timeline: { path: '/timeline/', title: 'Timeline', file: 'timeline.astro', entries: [{ id: 'an-event', label: 'An event', file: 'a.mdx' }], eras: [{ id: 'a', title: 'Era of a' }] },
			search: { path: '/search/', title: 'Search', file: 'search.astro' },
		});
		expect(pages.map((page) => page.path)).toEqual(['/', '/a/', '/read/', '/timeline/', '/search/']);
		expect(pages[1]!.anchors.at(-1)).toMatchObject({ id: 'era-a', kind: 'era', exact: 'Era of a' });
		const read = pages[2]!;
		expect(read.anchors.filter((anchor) => anchor.kind === 'section')).toEqual([{ id: 'a', kind: 'section', exact: 'Title of /a/', prefix: '', suffix: '', file: 'a.mdx' }]);
		expect(read.anchors.filter((anchor) => anchor.kind === 'sentence').map((anchor) => [anchor.id, anchor.file])).toEqual([
			['s-an-opening', 'intro.mdx'],
			['s-first-sentence-here', 'a.mdx'],
			['named', 'a.mdx'],
			['s-the-last-paragraph', 'a.mdx'],
		]);
		expect(pages[3]!.anchors.map((anchor) => [anchor.kind, anchor.id, anchor.file])).toEqual([
			['era', 'era-a', undefined],
			['event', 'an-event', 'a.mdx'],
		]);
		expect(pages[4]!.anchors).toEqual([]);
	});
});
