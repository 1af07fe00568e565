import { defineCollection, type SchemaContext } from 'astro/content/config';
import { z } from 'astro/zod';
import { articleLoader } from '#src/ingest/loader.ts';
import { contentDir } from '#src/ingest/content-dir.ts';
import { storySchema } from '#src/ingest/schema.ts';

/**
 * The collection's schema: the story's own fields, with Astro's image() for its lead photo, and
 * `bodyImages`, which the loader adds (never the author): the photos beside the story that its
 * text shows, in order, so that Astro resolves each one. Stories without photos have none.
 */
const collectionSchema = ({ image }: SchemaContext) =>
  storySchema(image).extend({ bodyImages: z.array(image()).optional() });

// Stories are read by Dateline's own loader (src/ingest/), which checks them against the same
// schema, with photo paths as text, before anything is built.
export const collections = {
  articles: defineCollection({
    loader: articleLoader({ base: contentDir }),
    schema: collectionSchema,
  }),
};
