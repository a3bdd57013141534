/**
 * Text without a font: a line's width in px estimated from advance widths measured once and kept
 * here (no font is loaded, so a layout is the same wherever it is computed), and a label broken
 * into lines of at most a given width.
 */

/** The printable ASCII characters and a little typographic punctuation, in this order… */
const MEASURED = ` !"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_\`abcdefghijklmnopqrstuvwxyz{|}~’‘“”–—·é`;
/**
 * …and their advance widths in hundredths of an em: for each character the wider of DejaVu Sans
 * and Liberation Sans (Arial's metrics), the widest faces `system-ui` usually resolves to, so the
 * estimate errs on the wide side wherever the page is read.
 */
const REGULAR = [32,41,46,84,64,96,78,28,40,40,50,84,32,37,32,34,64,64,64,64,64,64,64,64,64,64,34,34,84,84,84,56,102,69,69,73,78,67,62,78,76,30,50,67,56,87,75,79,67,79,73,67,62,74,69,99,69,67,69,40,34,40,84,56,50,62,64,55,64,62,36,64,64,28,28,58,28,98,64,62,64,64,42,53,40,64,60,82,60,60,53,64,34,64,84,32,32,52,52,56,100,32,62];
const BOLD = [35,46,53,84,70,101,88,31,46,46,53,84,38,42,38,37,70,70,70,70,70,70,70,70,70,70,40,40,84,84,84,62,100,78,77,74,84,69,69,83,84,38,56,78,64,100,84,86,74,86,78,73,69,82,78,111,78,73,73,46,37,46,84,56,50,68,72,60,72,68,44,72,72,35,35,67,35,105,72,69,72,72,50,60,48,72,66,93,65,66,59,72,37,72,84,38,38,66,66,56,100,38,68];
const INDEX = new Map([...MEASURED].map((char, index) => [char, index]));
/** A margin for faces and hinting we did not measure. */
const SAFETY = 1.04;

/** The width of a line of text in px, estimated on the generous side. */
export function textWidth(text: string, fontSize: number, bold = false): number {
	const table = bold ? BOLD : REGULAR;
	let hundredths = 0;
	for (const char of text) {
		const index = INDEX.get(char);
		hundredths += index === undefined ? 100 : (table[index] ?? 100);
	}
	return (hundredths / 100) * fontSize * SAFETY;
}

/** One line of a label; the first may open with the date, set in bold. */
export interface LabelLine {
	date?: string;
	text: string;
}

/**
 * Breaks a label into lines no wider than `maxWidth` px, the first line opening with `date` in
 * bold. Words are never split; a word wider than the line gets a line of its own.
 */
export function wrapLabel(text: string, maxWidth: number, fontSize: number, date?: string): { lines: LabelLine[]; width: number } {
	const dateWidth = date ? textWidth(`${date} `, fontSize, true) : 0;
	const lines: LabelLine[] = [];
	const widths: number[] = [];
	let current = '';
	let used = dateWidth;
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = current ? `${current} ${word}` : word;
		const width = (lines.length === 0 ? dateWidth : 0) + textWidth(candidate, fontSize);
		if (current && width > maxWidth) {
			lines.push(lines.length === 0 && date ? { date, text: current } : { text: current });
			widths.push(used);
			current = word;
			used = textWidth(word, fontSize);
		} else {
			current = candidate;
			used = width;
		}
	}
	lines.push(lines.length === 0 && date ? { date, text: current } : { text: current });
	widths.push(used);
	return { lines, width: Math.max(...widths) };
}
