// A worker thread that indexes one search part, or one bundle of records (a headline shard, the
// root index), with a Pagefind process of its own (see ./index-part.ts). Pagefind's Node API keeps
// one process per module instance, and each worker thread has its own.
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { runAtOnce } from '#src/util/run-at-once.ts';
import { indexedPart, indexedText } from './pages.ts';

/** A record Pagefind indexes as it is given, not read from a page. */
export interface CustomRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}

export type PartJob = PagesJob | { records: CustomRecord[]; target: string };

interface PagesJob {
  /**
   * The part's pages, in the part's order, by file (`2019/11/19/slug/index.html`): what
   * Pagefind reads of each (the `<html>` tag and the article) as it was cut while the page was
   * rendered, or the built site to read them from.
   */
  pages: { texts: [file: string, text: string][] } | { outDir: string; files: string[] };
  /** Where the part's index is written. */
  target: string;
}
export type PartReply = { pageCount: number } | { error: string };

/**
 * Pages sent ahead of Pagefind's answers. Pagefind handles its messages one at a time, in the
 * order they were written, so the index does not depend on how many are in flight; waiting for
 * each answer before sending the next page tripled the time.
 */
const IN_FLIGHT = 64;

const job = workerData as PartJob;
const { target } = job;
let reply: PartReply;
try {
  // Texts cut as pages were rendered mean Astro is still rendering: this thread, and the
  // Pagefind process it starts, take only the time rendering leaves. On Linux a thread has its
  // own priority, and a process it starts inherits it.
  if ('pages' in job && 'texts' in job.pages) setPriority(19);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  if ('records' in job) await addRecords(index, job.records);
  else await addPages(index, job.pages);
  const written = await index.writeFiles({ outputPath: target });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  reply = { pageCount: pagesWritten() };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
} finally {
  await pagefind.close();
}
parentPort!.postMessage(reply);

type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

async function addRecords(index: Index, records: CustomRecord[]): Promise<void> {
  await runAtOnce(records, IN_FLIGHT, async (record) => {
    const added = await index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(`${record.url}: ${added.errors.join('; ')}`);
  });
}

async function addPages(index: Index, pages: PagesJob['pages']): Promise<void> {
  const items =
    'texts' in pages
      ? pages.texts.map(([file, text]) => ({ file, text: () => text }))
      : pages.files.map((file) => ({ file, text: () => readIndexedText(pages.outDir, file) }));
  // Each task writes its page to Pagefind before it awaits anything, so pages go in the items'
  // order.
  await runAtOnce(items, IN_FLIGHT, async ({ file, text }) => {
    // Pagefind makes the page's URL from its path, as it does for a page it reads from a folder.
    const added = await index.addHTMLFile({ sourcePath: file, content: text() });
    if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('; ')}`);
  });
}

/**
 * What Pagefind reads of an article page of the built site, cut as the capture cuts a page being
 * rendered.
 */
function readIndexedText(outDir: string, file: string): string {
  const indexed = indexedPart(readFileSync(join(outDir, file), 'utf8'));
  if (indexed === null) throw new Error(`${file} has no article to index`);
  return indexedText(indexed);
}

/**
 * The pages Pagefind put in the index it wrote, by its own count: pages it found no words in are
 * left out.
 */
function pagesWritten(): number {
  const entry = JSON.parse(readFileSync(join(target, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}
