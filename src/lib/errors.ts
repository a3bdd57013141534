/** An error in the content, naming the file and the field, so the build says where to look. */
export class ContentError extends Error {
	constructor(file: string, field: string, message: string) {
		super(`${file}: ${field} ${message}`);
		this.name = 'ContentError';
	}
}
