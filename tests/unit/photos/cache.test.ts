import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneRenditionCache } from '#src/photos/cache.ts';

let work: string;
afterEach(() => rm(work, { recursive: true, force: true }));

async function folders(cached: string[], published: string[]) {
  work = await mkdtemp(join(tmpdir(), 'dateline-photo-cache-'));
  const cache = join(work, 'cache/assets');
  const site = join(work, 'dist/_astro');
  await mkdir(cache, { recursive: true });
  await mkdir(site, { recursive: true });
  for (const name of cached) await writeFile(join(cache, name), name);
  for (const name of published) await writeFile(join(site, name), name);
  return { cache, site };
}

describe('the rendition cache after a build', () => {
  it('keeps what the site holds and removes the rest, a remote photo’s record too', async () => {
    const { cache, site } = await folders(
      [
        'lead.AbC_1.webp',
        'lead.AbC_2.jpeg',
        'old.XyZ_1.webp',
        'remote.Qr_1.webp',
        'remote.Qr_1.webp.json',
        'gone.Zz_1.webp',
        'gone.Zz_1.webp.json',
      ],
      ['lead.AbC_1.webp', 'lead.AbC_2.jpeg', 'remote.Qr_1.webp', 'site.css'],
    );
    await expect(pruneRenditionCache(cache, site)).resolves.toBe(2);
    expect((await readdir(cache)).sort()).toEqual([
      'lead.AbC_1.webp',
      'lead.AbC_2.jpeg',
      'remote.Qr_1.webp',
      'remote.Qr_1.webp.json',
    ]);
  });

  it('empties the cache for a site without photos, and does nothing without a cache', async () => {
    const { cache, site } = await folders(['old.XyZ_1.webp'], []);
    await rm(site, { recursive: true });
    await expect(pruneRenditionCache(cache, site)).resolves.toBe(1);
    await expect(readdir(cache)).resolves.toEqual([]);
    await expect(pruneRenditionCache(join(work, 'none'), site)).resolves.toBe(0);
  });
});
