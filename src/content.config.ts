import { defineCollection } from 'astro/content/config';
import { articleLoader } from '#src/ingest/loader.ts';
import { contentDir } from '#src/ingest/content-dir.ts';
import { articleSchema } from '#src/ingest/schema.ts';

// Stories are read by Dateline's own loader (src/ingest/), which checks them against this schema.
export const collections = {
  articles: defineCollection({
    loader: articleLoader({ base: contentDir }),
    schema: articleSchema,
  }),
};
