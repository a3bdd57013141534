import { describe, expect, test } from 'vitest';
import { inReadingOrder, prevNext, withBase } from '../../src/model/navigation';

describe('withBase', () => {
	test.each([
		['/', '', '/'],
		['/', 'timeline/', '/timeline/'],
		['/', '/timeline/', '/timeline/'],
		['/sub/', 'timeline/', '/sub/timeline/'],
		['/sub', 'timeline/', '/sub/timeline/'],
		['/sub/', '/the-ferry/#great-flood', '/sub/the-ferry/#great-flood'],
		['/river/', '', '/river/'],
	])('base %j + %j = %j', (base, path, expected) => {
		expect(withBase(base, path)).toBe(expected);
	});
});

const section = (order: number, slug: string, file = `content/sections/${order}-${slug}.mdx`) => ({ id: slug, slug, order, file });

describe('inReadingOrder', () => {
	test('sorts by order', () => {
		expect(inReadingOrder([section(3, 'c'), section(1, 'a'), section(2, 'b')]).map((s) => s.id)).toEqual(['a', 'b', 'c']);
	});

	test('two sections with the same order stop the build, naming both files', () => {
		expect(() => inReadingOrder([section(1, 'a'), section(1, 'b')])).toThrow(
			'content/sections/1-b.mdx: order is 1, as in content/sections/1-a.mdx; each section needs its own place in reading order',
		);
	});

	test('a slug that is taken by a site page stops the build', () => {
		expect(() => inReadingOrder([section(1, 'timeline')])).toThrow(/1-timeline\.mdx: slug "timeline" is the URL of one of the site's own pages/);
	});

	test('two sections with one slug stop the build', () => {
		expect(() => inReadingOrder([section(1, 'a', 'x.mdx'), section(2, 'a', 'y.mdx')])).toThrow('y.mdx: slug "a" is also the URL of x.mdx');
	});
});

describe('prevNext', () => {
	const pages = [{ id: 'overview' }, { id: 'one' }, { id: 'two' }];

	test('links a page to its neighbours', () => {
		expect(prevNext(pages, 'overview')).toEqual({ prev: undefined, next: { id: 'one' } });
		expect(prevNext(pages, 'one')).toEqual({ prev: { id: 'overview' }, next: { id: 'two' } });
		expect(prevNext(pages, 'two')).toEqual({ prev: { id: 'one' }, next: undefined });
	});

	test('an unknown page has no neighbours', () => {
		expect(prevNext(pages, 'nope')).toEqual({});
	});
});
