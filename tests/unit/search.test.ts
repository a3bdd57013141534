import { describe, expect, test } from 'vitest';
import { paragraphUrl } from '../../src/lib/search';

describe('paragraphUrl', () => {
	const anchors = [
		{ element: 'h1', id: 'title', location: 0 },
		{ element: 'p', id: 'p-one', location: 2 },
		{ element: 'p', id: 'p-two', location: 40 },
		{ element: 'span', id: 'sentence', location: 45 },
		{ element: 'p', id: 'p-three', location: 90 },
	];

	test('links to the paragraph that holds the first match', () => {
		expect(paragraphUrl({ url: '/sub/soviet-era/', locations: [60, 12], anchors })).toBe('/sub/soviet-era/#p-one');
		expect(paragraphUrl({ url: '/sub/soviet-era/', locations: [47], anchors })).toBe('/sub/soviet-era/#p-two');
		expect(paragraphUrl({ url: '/sub/soviet-era/', locations: [95], anchors })).toBe('/sub/soviet-era/#p-three');
	});

	test('falls back to the page', () => {
		expect(paragraphUrl({ url: '/x/', locations: [1], anchors })).toBe('/x/');
		expect(paragraphUrl({ url: '/x/', locations: [], anchors })).toBe('/x/');
	});
});
