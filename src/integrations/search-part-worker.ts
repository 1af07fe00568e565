// A worker thread that indexes one search part with a Pagefind process of its own (see
// indexParts in pagefind.ts). Pagefind's Node API keeps one process per module instance, and
// each worker thread has its own.
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

export interface PartJob {
  /** A folder holding the part's article pages, and nothing else. */
  stage: string;
  /** Where the part's index is written. */
  target: string;
}
export type PartReply = { pageCount: number } | { error: string };

const { stage, target } = workerData as PartJob;
let reply: PartReply;
try {
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
