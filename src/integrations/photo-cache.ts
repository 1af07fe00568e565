import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneRenditionCache } from '#src/photos/cache.ts';
import { photoRecord } from '#src/util/build-record.ts';

/** After a build, Astro's image cache keeps the renditions the site holds, no others. */
export default function photoCacheIntegration(): AstroIntegration {
  let cacheAssets = '';
  let assets = '';
  return {
    name: 'dateline-photo-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheAssets = fileURLToPath(new URL('assets/', config.cacheDir));
        assets = config.build.assets;
      },
      'astro:build:done': async ({ dir }) => {
        const pruned = await pruneRenditionCache(cacheAssets, join(fileURLToPath(dir), assets));
        if (pruned > 0) photoRecord().pruned = pruned;
      },
    },
  };
}
