import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, test } from 'vitest';
import { rehypeParagraphIds } from '../../../src/lib/markdown/rehype-paragraph-ids';

const text = (value: string): ElementContent => ({ type: 'text', value });
const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children });

function run(...children: Root['children']): Root {
	const tree: Root = { type: 'root', children };
	rehypeParagraphIds()(tree);
	return tree;
}

describe('rehypeParagraphIds', () => {
	test('a heading’s label is its text, read from the tree: an ampersand stays one character, inline markup adds nothing', () => {
		const heading = element('h2', [text('Moscow & '), element('em', [text('the')]), text(' Taliban')], { id: 'moscow--the-taliban' });
		run(heading);
		expect(heading.properties.label).toBe('Moscow & the Taliban');
	});

	test('a paragraph gets an id and a label from its opening words, across inline elements', () => {
		const paragraph = element('p', [text('Russia’s policy towards '), element('em', [text('the')]), text(' Taliban is quite different from before.')]);
		run(paragraph);
		expect(paragraph.properties.id).toBe('p-russias-policy-towards-the-taliban-is');
		expect(paragraph.properties.label).toBe('Russia’s policy towards the Taliban is…');
	});

	test('two paragraphs that open alike get distinct ids', () => {
		const a = element('p', [text('The same six words open both, then one.')]);
		const b = element('p', [text('The same six words open both, then two.')]);
		run(a, b);
		expect(a.properties.id).not.toBe(b.properties.id);
	});
});
