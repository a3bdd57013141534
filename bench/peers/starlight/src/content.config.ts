// Starlight is installed only where scripts/bench/peers.mjs builds it (tmp/): the project's
// tsconfig.json leaves bench/peers/ out of its checks.
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
