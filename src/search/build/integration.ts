import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { hashOf } from '#src/util/hash.ts';
import { searchIndexUrl } from '#src/domain/urls.ts';
import { count } from '#src/domain/text.ts';
import { removeTree } from '#src/util/remove-tree.ts';
import { replaceFile } from '#src/util/replace-file.ts';
import { atMostAtOnce, runAtOnce } from '#src/util/run-at-once.ts';
import { planSearchParts, type SearchManifest, type SearchPart } from '#src/search/parts.ts';
import { setSearchSink } from './handover.ts';
import { countFilters, readArticlePages, type ArticlePage } from './article-pages.ts';
import { SearchCapture } from './capture.ts';
import type { PartJob, PartReply } from './part-worker.ts';

/** Changes whenever what a part's key covers changes, so older cached parts are not reused. */
const PART_FORMAT = 'dateline-search-part-3';
/** Pagefind's ready-made interfaces: the search page uses its JS API, so these are never loaded. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui)\.(js|css)$/;
/**
 * Search parts indexed at the same time, each by its own Pagefind process. Two keep two cores
 * busy: Pagefind takes in pages and writes an index on one core. Each process holds its part in
 * memory (about 1.2 GB for 16,000 stories), so more would cost memory for little time.
 */
const PARTS_AT_ONCE = 2;

/** A search part of this build: its key, and where it is cached. */
interface PartPlan {
  part: SearchPart<ArticlePage>;
  key: string;
  cached: string;
}

/**
 * Builds the search index during `astro build`, with Pagefind's Node API, so a built site is
 * always searchable. Only what article pages mark with `data-pagefind-body` (headline and
 * story text) is indexed.
 *
 * The index is written in parts by date (src/lib/search-parts.ts), two at a time, each into
 * the cache under its key, then linked into the site at `/pagefind/<part>/`. A part whose
 * articles are, byte for byte, those the last build indexed is linked from the cache as it
 * is, so an edit re-indexes one part. Pagefind reads only the article element (and the page's
 * language), so only that counts: a new neighbour or related story changes the links around
 * an article, not the index.
 *
 * A part whose every page is rendered in this build (all of them, in a cold build) is indexed
 * as soon as its last page is rendered, on the core page rendering leaves free
 * (src/integrations/search-capture.ts). The others are indexed when the site is built, from
 * its pages. Both ways give the same index, byte for byte.
 */
export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  let capture: SearchCapture | undefined;
  /** Parts being indexed while pages are rendered, and the ones that were, by id, with their key. */
  let early: Promise<unknown>[] = [];
  const indexedEarly = new Map<string, string>();
  const version = pagefindVersion();
  const partLimit = () => Number(process.env.DATELINE_SEARCH_PART_STORIES) || undefined;
  const planPart = (part: SearchPart<ArticlePage>): PartPlan => ({ part, key: partKey(part, version), cached: join(cacheDir, part.id) });
  const atOnce = atMostAtOnce(PARTS_AT_ONCE);
  /** Indexes a part into the cache, from the site's pages in `outDir` or from `texts`, and keys it there. */
  const indexIntoCache = async ({ part, key, cached }: PartPlan, logger: AstroIntegrationLogger, from: { outDir: string } | { texts: [string, string][] }) => {
    removeTree(cached);
    await indexPart(part, cached, logger, from);
    await writeFile(join(cached, '.key'), key);
  };
  return {
    name: 'dateline-pagefind',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'dateline-search');
      },
      'astro:build:start': ({ logger }) => {
        // Builds before 2026-11-29 staged each part's pages in a folder here; this line can go
        // once no cache from before then is in use.
        removeTree(`${cacheDir}-stage`, { background: true });
        early = [];
        indexedEarly.clear();
        capture = new SearchCapture(
          (pages) => planSearchParts(pages, partLimit()),
          (part, texts) => {
            const plan = planPart(part);
            if (readKey(plan.cached) === plan.key) return;
            const indexing = atOnce(() => indexIntoCache(plan, logger, { texts })).then(
              () => indexedEarly.set(part.id, plan.key),
              (error: unknown) => logger.warn(`search part ${part.id} could not be indexed while pages were rendered; it is indexed again from the site (${error instanceof Error ? error.message : String(error)})`),
            );
            early.push(indexing);
          },
        );
        setSearchSink(capture);
      },
      'astro:build:done': async ({ dir, logger }) => {
        setSearchSink(undefined);
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        await Promise.all(early);
        const pages = readArticlePages(outDir, capture?.pages ?? new Map());
        capture = undefined;
        const plan = planSearchParts(pages, partLimit()).map(planPart);
        // A part indexed early whose key matches is in the cache now, like an unchanged part. One
        // whose key turns out different (a page the capture missed) is indexed again here.
        const changed = plan.filter(({ key, cached }) => readKey(cached) !== key);
        await runAtOnce(changed, PARTS_AT_ONCE, (entry) => indexIntoCache(entry, logger, { outDir }));
        const manifest: SearchManifest = { filters: countFilters(pages), parts: [] };
        for (const { part, cached } of plan) {
          const target = join(outDir, 'pagefind', part.id);
          await copyTree(cached, target);
          const entry = await readFile(join(target, 'pagefind-entry.json'));
          manifest.parts.unshift({
            id: part.id,
            path: searchIndexUrl(`${part.id}/`),
            tag: createHash('sha256').update(entry).digest('hex').slice(0, 16),
            stories: part.pages.length,
            from: part.from,
            to: part.to,
            months: [...new Set(part.pages.map((page) => page.month))].sort(),
          });
        }
        await forgetOldParts(cacheDir, new Set(plan.map(({ part }) => part.id)));
        await writeManifest(outDir, manifest);
        const whileRendered = plan.filter(({ part, key }) => indexedEarly.get(part.id) === key).length;
        const indexed = whileRendered + changed.length;
        logger.info(`indexed ${count(pages.length, 'story', 'stories')} in ${Math.round(performance.now() - started)} ms (${indexed} of ${plan.length} search parts indexed, ${whileRendered} of them while pages were rendered, the others unchanged)`);
      },
    },
  };
}

function pagefindVersion(): string {
  const manifest = join(process.cwd(), 'node_modules', 'pagefind', 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : 'unknown';
}

function partKey(part: SearchPart<ArticlePage>, version: string): string {
  return hashOf([PART_FORMAT, version, part.id, part.pages.map((page) => [page.file, page.digest])]);
}

function readKey(cached: string): string | null {
  try {
    return readFileSync(join(cached, '.key'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Indexes one part into `into`. Its pages come from the built site or, for a part whose pages
 * were all rendered in this build, as `texts`: what Pagefind reads of each, cut as they were
 * rendered.
 */
async function indexPart(part: SearchPart<ArticlePage>, into: string, logger: AstroIntegrationLogger, from: { outDir: string } | { texts: [string, string][] }): Promise<void> {
  const started = performance.now();
  // Pagefind numbers pages in the order it is given them. Both ways give it the same texts in
  // the part's order, so the same pages always give the same index, byte for byte.
  const pages = 'texts' in from ? { texts: from.texts } : { outDir: from.outDir, files: part.pages.map(({ file }) => file) };
  const reply = await indexInWorker({ pages, target: into });
  if ('error' in reply) throw new Error(`Pagefind could not index search part ${part.id}: ${reply.error}`);
  if (reply.pageCount !== part.pages.length) throw new Error(`Pagefind indexed ${reply.pageCount} of the ${part.pages.length} stories of search part ${part.id}: a story with no words in its article is left out of the index`);
  for (const name of await readdir(into)) if (UNUSED_FILES.test(name)) await rm(join(into, name));
  const how = 'texts' in from ? ', while pages were rendered' : '';
  logger.info(`search part ${part.id}: ${count(part.pages.length, 'story', 'stories')} indexed in ${Math.round(performance.now() - started)} ms${how}`);
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
    // Pagefind's Node API never answers once its process is gone (killed, or out of memory), and the thread then ends.
    worker.once('exit', (code) => reject(new Error(`the search indexing thread stopped (exit code ${code}) before it answered: did Pagefind's process end (killed, or out of memory)?`)));
  });
}

/**
 * Copies a part between the site and the cache as hard links (`cp -al`): thousands of small
 * files, and neither side ever changes a file in place (a new index is written as new files,
 * and an old site or cached part is only ever deleted). Where links cannot be made (another
 * disk), it copies.
 */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(join(to, '..'), { recursive: true });
  if (process.platform !== 'win32') {
    for (const flags of ['-al', '-a']) {
      if (spawnSync('cp', [flags, from, to], { stdio: 'ignore' }).status === 0) return void (await rm(join(to, '.key'), { force: true }));
      removeTree(to);
    }
  }
  await cp(from, to, { recursive: true, filter: (source) => !source.endsWith('.key') });
}

async function forgetOldParts(cacheDir: string, current: Set<string>): Promise<void> {
  if (!existsSync(cacheDir)) return;
  for (const name of await readdir(cacheDir)) if (!current.has(name)) removeTree(join(cacheDir, name));
}

/**
 * Writes `/pagefind/parts.json`, puts the highlighter article pages use at `/pagefind/`, and
 * tags the search page with a hash of the manifest, so a returning reader's browser reuses
 * everything until the index really changes.
 */
async function writeManifest(outDir: string, manifest: SearchManifest): Promise<void> {
  const root = join(outDir, 'pagefind');
  await mkdir(root, { recursive: true });
  const json = JSON.stringify(manifest);
  await writeFile(join(root, 'parts.json'), json);
  const newest = manifest.parts[0];
  if (newest) await copyFile(join(root, newest.id, 'pagefind-highlight.js'), join(root, 'pagefind-highlight.js'));
  const tag = createHash('sha256').update(json).digest('hex').slice(0, 16);
  const page = join(outDir, 'search', 'index.html');
  const html = await readFile(page, 'utf8');
  await replaceFile(page, html.replace('data-index-tag="DATELINE_INDEX_TAG"', `data-index-tag="${tag}"`));
}
