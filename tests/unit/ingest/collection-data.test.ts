import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { collections } from '#src/content.config.ts';
import { parseStoryFile } from '#src/ingest/frontmatter.ts';
import { articleSchema } from '#src/ingest/schema.ts';

// The loader stores the worker's reading of a story without photos instead of asking Astro's
// parseData for it (src/ingest/loader.ts, storedData): both must give the same fields.
const schema = collections.articles.schema as unknown as (context: {
  image: () => z.ZodType;
}) => z.ZodType;
// What Astro's content layer gives image(): the path, marked for its image step.
const collectionSchema = schema({ image: () => z.string().transform((path) => `image:${path}`) });

describe('a story without photos', () => {
  it('reads the same through the worker’s schema as through the collection’s', async () => {
    const root = 'tests/fixtures/stories';
    const files = await glob('**/*.md', { cwd: root });
    let compared = 0;
    for (const entry of files) {
      const file = join(root, entry);
      const parsed = parseStoryFile(file, await readFile(file, 'utf8'));
      if (parsed.problems.length > 0 || parsed.data.image !== undefined) continue;
      const worker = articleSchema.safeParse(parsed.data);
      if (!worker.success) continue;
      expect(collectionSchema.parse(parsed.data), file).toEqual(worker.data);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('with a lead photo does not: the collection resolves the photo', () => {
    const data = {
      title: 'A headline',
      date: '2019-11-19',
      source: 'Trend',
      image: { src: './photo.jpg', alt: 'A photo' },
    };
    expect(collectionSchema.parse(data)).not.toEqual(articleSchema.parse(data));
  });
});
