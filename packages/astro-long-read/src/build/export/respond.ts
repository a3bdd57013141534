/** A text file as an endpoint's response, with its media type. */
export const textFile = (text: string, type: 'text/markdown' | 'text/plain') =>
	new Response(`${text.trimEnd()}\n`, { headers: { 'content-type': `${type}; charset=utf-8` } });
