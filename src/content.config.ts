/** The article's content, read and checked by astro-long-read from `content/`. */
import { longReadCollections } from 'astro-long-read/content';

export const collections = longReadCollections();
