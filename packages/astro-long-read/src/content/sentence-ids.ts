/**
 * The id of every sentence of the article: the author's own (`<S id="…">`) where given, else
 * `s-` and the sentence's first words (`s-the-first-ferry-crossed-the`). `/read/` shows every
 * sentence on one page, so ids are made unique across the whole article, in reading order: a
 * sentence whose opening another already took adds words until it differs, then a number.
 */
import { slug } from 'github-slugger';

/** How many opening words name a sentence. */
export const SENTENCE_ID_WORDS = 5;

/** The prefix of the ids the site gives sentences the author did not name. */
export const SENTENCE_PREFIX = 's-';

/** Lower-case words joined by single hyphens, accents and apostrophes dropped. */
export function words(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[’']/g, '')
		.split(/\s+/)
		.map((word) => slug(word).replace(/-+/g, '-').replace(/^-|-$/g, ''))
		.filter(Boolean);
}

export interface FileSentences {
	file: string;
	/** The file's sentences by number (`n`): the author's id if any, and the text. */
	sentences: readonly { n: number; id?: string | undefined; text: string }[];
}

/** Each file's sentence ids, by the sentence's number in the file. */
export function sentenceIds(files: readonly FileSentences[]): Map<string, string[]> {
	const taken = new Set(files.flatMap((file) => file.sentences.flatMap((sentence) => (sentence.id ? [sentence.id] : []))));
	const ids = new Map<string, string[]>();
	// The next number to try after each opening: numbers below it are taken (the set only grows), so
	// the hundredth copy of a sentence does not try the ninety-nine numbers before it again.
	const nextSuffix = new Map<string, number>();
	for (const { file, sentences } of files) {
		const mine: string[] = [];
		for (const sentence of sentences) {
			if (sentence.id) {
				mine[sentence.n] = sentence.id;
				continue;
			}
			const all = words(sentence.text);
			let id = '';
			for (let count = Math.min(SENTENCE_ID_WORDS, all.length); count <= all.length; count++) {
				id = SENTENCE_PREFIX + (all.slice(0, count).join('-') || 'sentence');
				if (!taken.has(id)) break;
			}
			if (taken.has(id)) {
				const opening = `${SENTENCE_PREFIX}${all.slice(0, SENTENCE_ID_WORDS).join('-') || 'sentence'}`;
				let suffix = nextSuffix.get(opening) ?? 2;
				for (id = `${opening}-${suffix}`; taken.has(id); id = `${opening}-${suffix}`) suffix++;
				nextSuffix.set(opening, suffix + 1);
			}
			taken.add(id);
			mine[sentence.n] = id;
		}
		ids.set(file, mine);
	}
	return ids;
}
