/** The part of the `edtf` package's API this site uses (the package ships no types). */
declare module 'edtf' {
	interface Bitmask {
		value: number;
		is(part: 'year' | 'month' | 'day'): number;
	}

	export interface ExtDate {
		/** `Date`, `Year`, `Decade`, `Century`, `Season`, `Interval`, `List` or `Set`. */
		type: string;
		/** The normalised EDTF text. */
		edtf: string;
		/** First and last millisecond covered; infinite for open intervals. */
		min: number;
		max: number;
		/** 1 year, 2 month, 3 day (dates only). */
		precision: number;
		values: number[];
		approximate?: Bitmask;
		uncertain?: Bitmask;
		unspecified?: Bitmask;
		/** Interval ends; undefined or open for open-ended intervals. */
		lower?: ExtDate | null;
		upper?: ExtDate | null;
	}

	export default function edtf(input: string | ExtDate, constraints?: Record<string, unknown>): ExtDate;
	export function format(date: ExtDate, locale?: string, options?: Intl.DateTimeFormatOptions): string;
}
