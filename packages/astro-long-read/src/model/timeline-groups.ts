/**
 * The timeline as the pages and exports list it: a group per era, then the events the article
 * does not date, then the epilogue — for the whole article, or for one page's own events.
 */
import type { Timeline, TimelineEvent } from './timeline';

/** A titled list of events, as the pages show them. */
export interface TimelineGroup {
	/** Unique on a page; headings get the id `era-<id>`. */
	id: string;
	title: string;
	note?: string;
	events: TimelineEvent[];
}

/**
 * The timeline as groups to show: the eras, the undated events, then the epilogue. With
 * `sourceId`, only the events declared by that page (a section, or the introduction): found
 * through `bySource`, so a page's groups cost its own events, not the whole timeline's.
 */
export function timelineGroups(timeline: Timeline, sourceId?: string): TimelineGroup[] {
	const own = sourceId === undefined ? undefined : (timeline.bySource.get(sourceId) ?? []);
	const eras = own === undefined ? timeline.eras : [timeline.eraById.get(sourceId!)].filter((era) => era !== undefined);
	const mine = (place: TimelineEvent['place'], all: TimelineEvent[]) => (own === undefined ? all : own.filter((event) => event.place === place));
	const groups: TimelineGroup[] = eras.map((era) => ({
		id: era.id,
		title: era.title,
		note: era.human,
		events: mine('era', era.events),
	}));
	groups.push({
		id: 'undated',
		title: 'Not dated in the article',
		note: 'The article gives no time for these; the editorial notes say what is known.',
		events: mine('undated', timeline.undated),
	});
	groups.push({
		id: 'after-publication',
		title: 'After publication',
		note: `Editorial epilogue: what happened after the article was written (${timeline.publishedHuman}, inferred).`,
		events: mine('epilogue', timeline.epilogue),
	});
	return groups.filter((group) => group.events.length > 0);
}
