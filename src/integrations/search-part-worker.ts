// A worker thread that indexes one search part with a Pagefind process of its own (see
// indexPart in pagefind.ts). Pagefind's Node API keeps one process per module instance, and
// each worker thread has its own.
import { mkdirSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

export interface PartJob {
  /** A folder for the part's article pages, and nothing else. */
  stage: string;
  /**
   * What Pagefind reads of each page, by file, for a part indexed while Astro still renders
   * pages: written into `stage` here, off the build's main thread. Without it, `stage` already
   * holds the pages.
   */
  pages?: [file: string, text: Uint8Array][];
  /** Where the part's index is written. */
  target: string;
}
export type PartReply = { pageCount: number } | { error: string };

const { stage, pages, target } = workerData as PartJob;
let reply: PartReply;
try {
  // While Astro still renders pages, this thread and its Pagefind process take only the time
  // rendering leaves. On Linux a thread has its own priority, and a process it starts inherits it.
  if (pages) setPriority(19);
  for (const [file, text] of pages ?? []) {
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    writeFileSync(join(stage, file), text);
  }
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: stage });
  if (added.errors.length > 0) throw new Error(added.errors.join('; '));
  const written = await index.writeFiles({ outputPath: target });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  reply = { pageCount: added.page_count };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
} finally {
  await pagefind.close();
}
parentPort!.postMessage(reply);
