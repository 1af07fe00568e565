import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The names in a folder; none when there is no folder. */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Removes from Astro's image cache (`<cache>/assets/`) every rendition the site just built does
 * not hold, and returns how many. Astro adds a rendition each time a photo is new or changed and
 * never removes one, so the cache the publish workflow keeps would grow with every photo replaced,
 * resized or deleted, and travel with every build. Run once a build has succeeded: the next build
 * finds what this one published, and nothing else. A cached file is named as the site's file
 * (`<name>`), with `<name>.json` beside it for a remote photo.
 */
export async function pruneRenditionCache(
  cacheAssets: string,
  siteAssets: string,
): Promise<number> {
  const cached = await namesIn(cacheAssets);
  if (cached.length === 0) return 0;
  const published = new Set(await namesIn(siteAssets));
  const stale = cached.filter((name) => !published.has(name.replace(/\.json$/, '')));
  await Promise.all(stale.map((name) => rm(join(cacheAssets, name), { force: true })));
  return stale.filter((name) => !name.endsWith('.json')).length;
}
