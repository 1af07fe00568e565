// A worker thread that indexes one search part with a Pagefind process of its own (see
// indexPart in pagefind.ts). Pagefind's Node API keeps one process per module instance, and
// each worker thread has its own.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { runAtOnce } from '../lib/run-at-once.ts';

export interface PartJob {
  /**
   * What Pagefind reads of each page of the part (the `<html>` tag and the article), by file
   * (`2019/11/19/slug/index.html`), in the part's order.
   */
  pages: [file: string, text: Uint8Array][];
  /** Where the part's index is written. */
  target: string;
  /** Whether Astro is still rendering pages: the thread then takes only the time rendering leaves. */
  background: boolean;
}
export type PartReply = { pageCount: number } | { error: string };

/**
 * Pages sent ahead of Pagefind's answers. Pagefind handles its messages one at a time, in the
 * order they were written, so the index does not depend on how many are in flight; waiting for
 * each answer before sending the next page tripled the time.
 */
const IN_FLIGHT = 64;

const { pages, target, background } = workerData as PartJob;
let reply: PartReply;
try {
  // On Linux a thread has its own priority, and a process it starts inherits it.
  if (background) setPriority(19);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const decoder = new TextDecoder();
  let pageCount = 0;
  await runAtOnce(pages, IN_FLIGHT, async ([file, text]) => {
    // Pagefind makes the page's URL from its path, as it does for a page it reads from a folder.
    const added = await index.addHTMLFile({ sourcePath: file, content: decoder.decode(text) });
    if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('; ')}`);
    pageCount++;
  });
  const written = await index.writeFiles({ outputPath: target });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  reply = { pageCount };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
} finally {
  await pagefind.close();
}
parentPort!.postMessage(reply);
