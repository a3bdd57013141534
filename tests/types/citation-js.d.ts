/** The part of citation-js the tests use: it ships no type declarations. */
declare module '@citation-js/core' {
	export class Cite {
		/** Parses any supported input (BibTeX, RIS, CSL-JSON with the plugins loaded). */
		static async(input: string): Promise<Cite>;
		/** The records, as CSL-JSON. */
		data: Record<string, unknown>[];
	}
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
