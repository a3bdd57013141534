import { describe, expect, test } from 'vitest';
import { timelineGroups } from '../../src/model/timeline-groups';
import { introduction, levees, sources, timeline } from '../fixtures/timeline';

describe('timelineGroups', () => {
	test('eras in reading order, then the undated events, then the epilogue', () => {
		expect(timelineGroups(timeline).map((group) => [group.id, group.title, group.events.map((event) => event.id)])).toEqual([
			...timeline.eras.map((era) => [era.id, era.title, era.events.map((event) => event.id)]),
			['undated', 'Not dated in the article', timeline.undated.map((event) => event.id)],
			['after-publication', 'After publication', timeline.epilogue.map((event) => event.id)],
		]);
		expect(timeline.undated.length * timeline.epilogue.length).toBeGreaterThan(0);
	});

	test('one page’s events only, empty groups dropped', () => {
		const own = timelineGroups(timeline, levees.id);
		expect(own.map((group) => group.id)).toEqual([levees.id, 'after-publication']);
		expect(own.flatMap((group) => group.events.map((event) => event.id)).sort()).toEqual(levees.events.map((event) => event.id).sort());
		expect(timelineGroups(timeline, introduction.id).map((group) => group.id)).toEqual(['undated']);
	});

	test('a page’s groups hold exactly the events it declares, whichever way they are found', () => {
		for (const source of [...sources.map((s) => s.id), 'nowhere']) {
			const naive = timelineGroups(timeline)
				.map((group) => ({ ...group, events: group.events.filter((event) => event.source.id === source) }))
				.filter((group) => group.events.length > 0);
			expect(timelineGroups(timeline, source), source).toEqual(naive);
		}
	});

	test('the epilogue says when the article was written, as inferred', () => {
		expect(timelineGroups(timeline).at(-1)!.note).toContain(`${timeline.publishedHuman}, inferred`);
	});
});
