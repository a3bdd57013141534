import path from 'node:path';

/** A file as messages name it: relative to the project (`content/sections/01-the-ferry.mdx`). */
export const shownPath = (file: string) => path.relative(process.cwd(), file);

/** An error in the content, naming the file and the field, so the build says where to look. */
export class ContentError extends Error {
	constructor(file: string, field: string, message: string) {
		super(`${file}: ${field} ${message}`);
		this.name = 'ContentError';
	}
}
