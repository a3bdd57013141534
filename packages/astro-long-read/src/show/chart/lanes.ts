/**
 * Lanes: items that take stretches of the axis (a mark and its label together), stacked in as few
 * rows as possible so that no two in one row overlap, the rows then read in order from the top.
 * Stretches are fractions of the plot's width.
 */

/** A stretch of the axis an item takes, label and mark together, as fractions of the width. */
export interface Extent {
	start: number;
	end: number;
}

/** True when two extents share a point. */
export const overlap = (a: Extent, b: Extent) => a.start <= b.end && b.start <= a.end;

/** The stretch two extents take together, with a `gap` kept free after it. */
export const union = (a: Extent, b: Extent, gap: number): Extent => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) + gap });

/** A binary min-heap, enough for lane packing. */
class Heap<T> {
	private items: T[] = [];
	constructor(private readonly less: (a: T, b: T) => boolean) {}
	get size() {
		return this.items.length;
	}
	peek(): T | undefined {
		return this.items[0];
	}
	push(item: T) {
		const items = this.items;
		items.push(item);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.less(items[i]!, items[parent]!)) break;
			[items[i], items[parent]] = [items[parent]!, items[i]!];
			i = parent;
		}
	}
	pop(): T | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last !== undefined) {
			items[0] = last;
			let i = 0;
			for (;;) {
				const left = 2 * i + 1;
				const right = left + 1;
				let smallest = i;
				if (left < items.length && this.less(items[left]!, items[smallest]!)) smallest = left;
				if (right < items.length && this.less(items[right]!, items[smallest]!)) smallest = right;
				if (smallest === i) break;
				[items[i], items[smallest]] = [items[smallest]!, items[i]!];
				i = smallest;
			}
		}
		return top;
	}
}

/**
 * Greedy interval packing: items sorted by where they start, each put in the lowest lane that is
 * free by then. Items in one lane never overlap, and no packing uses fewer lanes. O(n log n).
 * Returns each item's lane, in the order the items were given.
 */
export function packLanes(extents: readonly Extent[]): number[] {
	const order = extents.map((extent, index) => ({ ...extent, index })).sort((a, b) => a.start - b.start || a.index - b.index);
	const busy = new Heap<{ end: number; lane: number }>((a, b) => a.end < b.end || (a.end === b.end && a.lane < b.lane));
	const free = new Heap<number>((a, b) => a < b);
	const lanes = new Array<number>(extents.length);
	let count = 0;
	for (const item of order) {
		while (busy.size && busy.peek()!.end < item.start) free.push(busy.pop()!.lane);
		const lane = free.size ? free.pop()! : count++;
		lanes[item.index] = lane;
		busy.push({ end: item.end, lane });
	}
	return lanes;
}

/**
 * Renumbers lanes so that they read in order from the top: by the smallest key (the earliest
 * date, or reading order) of the items in each. Items keep their lane-mates, so nothing overlaps.
 */
export function inOrder(lanes: readonly number[], keys: readonly number[]): number[] {
	const first = new Map<number, number>();
	lanes.forEach((lane, i) => first.set(lane, Math.min(first.get(lane) ?? Infinity, keys[i]!)));
	const rank = new Map([...first.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([lane], index) => [lane, index]));
	return lanes.map((lane) => rank.get(lane)!);
}
