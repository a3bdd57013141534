/** Reading time, from the number of the author's words. */

/** Words a minute for an attentive reader of an essay or a report. */
export const WORDS_PER_MINUTE = 200;

export function countWords(text: string): number {
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes, never less than one. */
export function readingMinutes(words: number, wpm = WORDS_PER_MINUTE): number {
	return Math.max(1, Math.round(words / wpm));
}

export function readingTime(words: number): string {
	const minutes = readingMinutes(words);
	return `${minutes} min read`;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * A count of things as the prose around it writes it: in words up to twelve ("four sections",
 * "one section"), then in figures ("40 sections").
 */
export const countOf = (count: number, noun: string) => `${NUMBER_WORDS[count] ?? count.toLocaleString('en')} ${count === 1 ? noun : `${noun}s`}`;
