import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchPart } from '#src/search/parts.ts';
import { hashOf } from '#src/util/hash.ts';
import { removeTree } from '#src/util/remove-tree.ts';
import type { ArticlePage } from './pages.ts';
import type { CustomRecord, PartJob, PartReply } from './part-worker.ts';

/** Changes whenever what a part's key covers changes, so older cached parts are not reused. */
const PART_FORMAT = 'dateline-search-part-3';
/** Pagefind's ready-made interfaces: the search page uses its JS API, so these are never loaded. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui)\.(js|css)$/;

const pagefindVersion = (() => {
  const manifest = join(process.cwd(), 'node_modules', 'pagefind', 'package.json');
  return existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
    : 'unknown';
})();

/**
 * A part's cache key: the pages it holds, byte for byte as Pagefind reads them, and Pagefind's
 * version.
 */
export function partKey(part: SearchPart<ArticlePage>): string {
  return hashOf([
    PART_FORMAT,
    pagefindVersion,
    part.id,
    part.pages.map((page) => [page.file, page.digest]),
  ]);
}

/** The key of the part cached in a folder, or null. */
export function cachedKey(folder: string): string | null {
  try {
    return readFileSync(join(folder, '.key'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Where a part's pages come from: the built site, or the texts cut from them as they were rendered.
 */
export type PartSource = { outDir: string } | { texts: [string, string][] };

/**
 * Indexes one part into `folder`, replacing what was there, and keys it; the milliseconds
 * Pagefind took. Pagefind numbers pages in the order it is given them: both sources give it the
 * same texts in the part's order, so the same pages always give the same index, byte for byte.
 */
export async function indexPart(
  part: SearchPart<ArticlePage>,
  folder: string,
  from: PartSource,
): Promise<number> {
  const started = performance.now();
  removeTree(folder);
  const pages =
    'texts' in from
      ? { texts: from.texts }
      : { outDir: from.outDir, files: part.pages.map(({ file }) => file) };
  const reply = await indexInWorker({ pages, target: folder });
  if ('error' in reply)
    throw new Error(`Pagefind could not index search part ${part.id}: ${reply.error}`);
  if (reply.pageCount !== part.pages.length) {
    throw new Error(
      `Pagefind indexed ${reply.pageCount} of the ${part.pages.length} stories of search part ` +
        `${part.id}: a story with no words in its article is left out of the index`,
    );
  }
  for (const name of await readdir(folder))
    if (UNUSED_FILES.test(name)) await rm(join(folder, name));
  await writeFile(join(folder, '.key'), partKey(part));
  return performance.now() - started;
}

/**
 * Indexes a bundle of records (a headline shard, the root index) into `folder` under `key`,
 * unless the folder already holds that key. True when it was indexed.
 */
export async function indexRecords(
  name: string,
  records: CustomRecord[],
  folder: string,
  key: string,
): Promise<boolean> {
  if (cachedKey(folder) === key) return false;
  removeTree(folder);
  const reply = await indexInWorker({ records, target: folder });
  if ('error' in reply) throw new Error(`Pagefind could not index ${name}: ${reply.error}`);
  for (const file of await readdir(folder))
    if (UNUSED_FILES.test(file)) await rm(join(folder, file));
  await writeFile(join(folder, '.key'), key);
  return true;
}

/** A records bundle's cache key: its records and Pagefind's version. */
export function recordsKey(records: CustomRecord[]): string {
  return hashOf([PART_FORMAT, pagefindVersion, records]);
}

/**
 * Indexes one part in a worker thread, which starts a Pagefind process of its own. Pagefind
 * takes in a part's pages and writes its index on one core, so two parts keep two cores busy.
 */
function indexInWorker(job: PartJob): Promise<PartReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./part-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    // Pagefind's Node API never answers once its process is gone (killed, or out of memory), and
    // the thread then ends.
    worker.once('exit', (code) =>
      reject(
        new Error(
          `the search indexing thread stopped (exit code ${code}) before it answered: did ` +
            `Pagefind's process end (killed, or out of memory)?`,
        ),
      ),
    );
  });
}
