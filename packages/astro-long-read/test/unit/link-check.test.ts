/** Links written in the MDX lead to a page of the site and an id on it, or to another site. */
import { describe, expect, test } from 'vitest';
import { brokenLink } from '../../src/model/link-check';
import { linksOf } from '../../src/content/markdown/parse';

const targets = [
	{ path: '/', ids: new Set(['opening']) },
	{ path: '/the-ferry/', ids: new Set(['great-flood', 'the-rope']) },
	{ path: '/timeline/', ids: new Set(['first-ferry']) },
	{ path: '/read/', ids: new Set(['opening', 'great-flood', 'the-ferry']) },
];
const check = (body: string, page = '/the-ferry/') => brokenLink([{ file: 'content/sections/01-the-ferry.mdx', page, links: linksOf(body) }], targets)?.message;

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
			'[a](/timeline/) [b](/timeline/#first-ferry) [c](/read/#the-ferry) [d](/the-ferry/#great-flood)',
			'[e](#the-rope) [f](/#opening) [g](/timeline/#era-the-ferry) [i](/#main)',
			'[j](/book/the-river-and-the-town.epub) [k](https://example.org/x) [l](mailto:a@example.org) [m](/timeline)',
		].join('\n');
		expect(check(body)).toBeUndefined();
	});

	test('a page the site does not have names the file and the link', () => {
		expect(check('[the timeline](/timelin/)')).toBe('content/sections/01-the-ferry.mdx: [the timeline](/timelin/) leads to /timelin/, which is not a page of the site (its pages: /, /the-ferry/, /timeline/, /read/)');
	});

	test('an id the page does not have, on another page or on its own', () => {
		expect(check('[x](/timeline/#no-such-event)')).toMatch(/\[x\]\(\/timeline\/#no-such-event\) leads to #no-such-event on \/timeline\/, which has no such id$/);
		expect(check('[x](#opening)')).toMatch(/leads to #opening on \/the-ferry\/, which has no such id$/);
		expect(check('[x](#opening)', '/')).toBeUndefined();
		// Paragraph and sentence ids are the content's, and checked like any other.
		expect(check('[x](/the-ferry/#p-no-such-paragraph)')).toMatch(/leads to #p-no-such-paragraph on \/the-ferry\/, which has no such id$/);
	});

	test('a relative link is refused: it would lead elsewhere from each page that shows it', () => {
		expect(check('[x](timeline/)')).toMatch(/\[x\]\(timeline\/\) is relative/);
	});
});
