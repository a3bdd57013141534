/** Links written in the MDX lead to a page of the site and an id on it, or to another site. */
import { describe, expect, test } from 'vitest';
import { brokenLink } from 'astro-long-read/model/link-check';
import { linksOf } from 'astro-long-read/content/markdown/parse';

const targets = [
	{ path: '/', ids: new Set(['opening']) },
	{ path: '/soviet-era/', ids: new Set(['saur-revolution', 'the-invasion']) },
	{ path: '/timeline/', ids: new Set(['soviet-invasion']) },
	{ path: '/read/', ids: new Set(['opening', 'saur-revolution', 'soviet-era']) },
];
const check = (body: string, page = '/soviet-era/') => brokenLink([{ file: 'content/sections/01-soviet-era.mdx', page, links: linksOf(body) }], targets)?.message;

describe('linksOf', () => {
	test('lists inline and reference links with their text', () => {
		expect(linksOf('See [the *timeline*](/timeline/) and [the book][b].\n\n[b]: /read/\n')).toEqual([
			{ url: '/timeline/', field: '[the timeline](/timeline/)' },
			{ url: '/read/', field: '[b]: /read/' },
		]);
	});
});

describe('brokenLink', () => {
	test('site pages, their ids, the site’s own ids, files and other sites pass', () => {
		const body = [
			'[a](/timeline/) [b](/timeline/#soviet-invasion) [c](/read/#soviet-era) [d](/soviet-era/#saur-revolution)',
			'[e](#the-invasion) [f](/#opening) [g](/timeline/#era-soviet-era) [i](/#main)',
			'[j](/book/russias-taliban-policy.epub) [k](https://example.org/x) [l](mailto:a@example.org) [m](/timeline)',
		].join('\n');
		expect(check(body)).toBeUndefined();
	});

	test('a page the site does not have names the file and the link', () => {
		expect(check('[the timeline](/timelin/)')).toBe('content/sections/01-soviet-era.mdx: [the timeline](/timelin/) leads to /timelin/, which is not a page of the site (its pages: /, /soviet-era/, /timeline/, /read/)');
	});

	test('an id the page does not have, on another page or on its own', () => {
		expect(check('[x](/timeline/#no-such-event)')).toMatch(/\[x\]\(\/timeline\/#no-such-event\) leads to #no-such-event on \/timeline\/, which has no such id$/);
		expect(check('[x](#opening)')).toMatch(/leads to #opening on \/soviet-era\/, which has no such id$/);
		expect(check('[x](#opening)', '/')).toBeUndefined();
		// Paragraph and sentence ids are the content's, and checked like any other.
		expect(check('[x](/soviet-era/#p-no-such-paragraph)')).toMatch(/leads to #p-no-such-paragraph on \/soviet-era\/, which has no such id$/);
	});

	test('a relative link is refused: it would lead elsewhere from each page that shows it', () => {
		expect(check('[x](timeline/)')).toMatch(/\[x\]\(timeline\/\) is relative/);
	});
});
