import { existsSync, statfsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildNewsroomSite, buildSite, makeTestArchive, removeAll } from './build.ts';
import { startPreview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    outDir: string;
    outDirOtherZone: string;
    contentDir: string;
    /** What `npm run build` printed for the first build. */
    buildOutput: string;
    /** The newsroom's site: its own identity, under /archive/, with stories that moved. */
    newsroomOutDir: string;
    newsroomCacheDir: string;
  }
}

/**
 * Builds the test archive twice, in two time zones, and serves the first build over HTTP for
 * the browser tests; the second exists to prove the output does not depend on the zone, nor on
 * the file system its cache is on. A third build is a newsroom's: the same stories under its own
 * name, published under a path, with stories that moved (./build.ts, buildNewsroomSite).
 */
export default async function setup(project: TestProject) {
  const contentDir = await makeTestArchive();
  const made = [contentDir];
  try {
    // Search parts of at most five stories, so that the search tests cross many parts.
    const parts = { DATELINE_SEARCH_PART_STORIES: '5' };
    const utc = await buildSite(contentDir, { TZ: 'UTC', ...parts });
    made.push(dirname(utc.outDir));
    if (utc.code !== 0) throw new Error(`The test archive did not build:\n${utc.output}`);
    // A folder in memory (tmpfs) lists its files in another order than one on disk, and the
    // search index must not depend on that order.
    const memory = await memoryFolder();
    if (memory) made.push(memory);
    const pacific = await buildSite(contentDir, {
      TZ: 'America/Los_Angeles',
      ...parts,
      ...(memory ? { DATELINE_CACHE: memory } : {}),
    });
    made.push(dirname(pacific.outDir));
    if (pacific.code !== 0)
      throw new Error(`The test archive did not build in America/Los_Angeles:\n${pacific.output}`);
    const newsroom = await buildNewsroomSite(parts);
    made.push(newsroom.work, newsroom.content);
    if (newsroom.code !== 0)
      throw new Error(`The newsroom's archive did not build:\n${newsroom.output}`);
    const server = await startPreview(utc.outDir);
    project.provide('siteUrl', server.url);
    project.provide('outDir', utc.outDir);
    project.provide('outDirOtherZone', pacific.outDir);
    project.provide('contentDir', contentDir);
    project.provide('buildOutput', utc.output);
    project.provide('newsroomOutDir', newsroom.outDir);
    project.provide('newsroomCacheDir', newsroom.cacheDir);
    return async () => {
      await server.stop();
      await removeAll(...made);
    };
  } catch (error) {
    await removeAll(...made);
    throw error;
  }
}

/** A new folder on tmpfs, if the machine has one and the temporary folder is not on it already. */
async function memoryFolder(): Promise<string | undefined> {
  if (!existsSync('/dev/shm')) return undefined;
  const folder = await mkdtemp('/dev/shm/dateline-cache-').catch(() => undefined);
  if (folder && statfsSync(folder).type === statfsSync(tmpdir()).type)
    console.warn(
      `The temporary folder is on tmpfs too: the two test builds keep their caches on the same ` +
        `kind of file system.`,
    );
  return folder;
}
