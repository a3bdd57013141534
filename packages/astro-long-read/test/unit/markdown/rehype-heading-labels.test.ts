import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, test } from 'vitest';
import { rehypeHeadingLabels } from '../../../src/content/markdown/rehype-heading-labels';

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children });

function run(...children: Root['children']): Root {
	const tree: Root = { type: 'root', children };
	rehypeHeadingLabels()(tree);
	return tree;
}

describe('rehypeHeadingLabels', () => {
	test('a heading’s label is its text, read from the tree: an ampersand stays one character, inline markup adds nothing', () => {
		const heading = element('h2', [text('Ferries & '), element('em', [text('the')]), text(' bridge')], { id: 'ferries--the-bridge' });
		run(heading);
		expect(heading.properties.label).toBe('Ferries & the bridge');
	});

});
