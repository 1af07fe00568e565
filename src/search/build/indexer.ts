import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { stories } from '#src/domain/text.ts';
import { planSearchParts, type IndexedPage, type SearchPart } from '#src/search/parts.ts';
import { buildRecord, type SearchRecord } from '#src/util/build-record.ts';
import { atMostAtOnce, runAtOnce } from '#src/util/run-at-once.ts';
import { SearchCapture } from './capture.ts';
import { setSearchSink } from './handover.ts';
import { cachedKey, indexPart, partKey, type PartSource } from './index-part.ts';
import { readArticlePage, type ArticlePage } from './pages.ts';
import { indexHeadlines, indexRoot } from './headlines.ts';
import { forgetOldParts, publishParts } from './publish.ts';

/**
 * Search parts indexed at the same time, each by its own Pagefind process. Two keep two cores
 * busy: Pagefind takes in pages and writes an index on one core. Each process holds its part in
 * memory, so more would cost memory for little time.
 */
const PARTS_AT_ONCE = 2;

/**
 * The search step of one `astro build`. Each part of the index (../parts.ts) is indexed into
 * the cache under its key, then linked into the site; a part whose pages are, byte for byte,
 * those the last build indexed is linked from the cache as it is, so an edit re-indexes one part.
 *
 * A part whose every page is rendered in this build (all of them, in a cold build) is indexed
 * as soon as its last page is rendered, on the core page rendering leaves free (./capture.ts).
 * The others are indexed when the site is built, from its pages. Both give the same index.
 */
export function startIndexing(cacheDir: string, logger: AstroIntegrationLogger) {
  const limit = Number(process.env.DATELINE_SEARCH_PART_STORIES) || undefined;
  const plan = <Page extends IndexedPage>(pages: Page[]) => planSearchParts(pages, limit);
  const folderOf = (part: SearchPart) => join(cacheDir, part.id);
  const indexed = new Map<
    string,
    { key: string; how: 'while-rendering' | 'from-site'; ms: number }
  >();
  const index = async (
    part: SearchPart<ArticlePage>,
    how: 'while-rendering' | 'from-site',
    from: PartSource,
  ) => {
    const ms = await indexPart(part, folderOf(part), from);
    indexed.set(part.id, { key: partKey(part), how, ms });
    logger.info(
      `search part ${part.id}: ${stories(part.pages.length)} indexed in ${Math.round(ms)} ` +
        `ms${how === 'while-rendering' ? ', while pages were rendered' : ''}`,
    );
  };

  const atOnce = atMostAtOnce(PARTS_AT_ONCE);
  const early: Promise<void>[] = [];
  const capture = new SearchCapture(plan, (part, texts) => {
    if (cachedKey(folderOf(part)) === partKey(part)) return;
    const why = (error: unknown) => (error instanceof Error ? error.message : String(error));
    const indexing = atOnce(() => index(part, 'while-rendering', { texts })).catch(
      (error: unknown) =>
        logger.warn(
          `search part ${part.id} could not be indexed while pages were rendered; it is indexed ` +
            `again from the site (${why(error)})`,
        ),
    );
    early.push(indexing);
  });
  setSearchSink(capture);

  return {
    /** Indexes what is left once the site is built, and puts the index into it. */
    async finish(outDir: string): Promise<void> {
      setSearchSink(undefined);
      const started = performance.now();
      await Promise.all(early);
      if (capture.waiting)
        throw new Error(
          'the search step was never told which story pages the site has: no page was rendered ' +
            'through its middleware',
        );
      const pages = capture.expected.map(
        (page) => capture.pages.get(page.file) ?? readArticlePage(outDir, page),
      );
      const parts = plan(pages).map((part) => ({
        part,
        key: partKey(part),
        cached: folderOf(part),
      }));
      // A part indexed while pages were rendered is in the cache now, like an unchanged one; one
      // whose key turned out different (a page the capture missed) is indexed again here.
      const changed = parts.filter(({ key, cached }) => cachedKey(cached) !== key);
      await runAtOnce(changed, PARTS_AT_ONCE, ({ part }) => index(part, 'from-site', { outDir }));
      const headlines = await indexHeadlines(
        cacheDir,
        pages.map((page) => page.headline),
        PARTS_AT_ONCE,
      );
      const root = await indexRoot(cacheDir);
      await publishParts(outDir, { root, headlines, parts });
      await forgetOldParts(
        cacheDir,
        new Set(['root', 'headlines', ...parts.map(({ part }) => part.id)]),
      );
      const record: SearchRecord = {
        stories: pages.length,
        stepMs: Math.round(performance.now() - started),
        parts: parts.map(({ part, key }) => {
          const done = indexed.get(part.id);
          return done?.key === key
            ? {
                id: part.id,
                stories: part.pages.length,
                indexed: done.how,
                ms: Math.round(done.ms),
              }
            : { id: part.id, stories: part.pages.length, indexed: 'unchanged' };
        }),
      };
      record.headlineShards = {
        total: headlines.shards.length,
        indexed: headlines.shards.filter((shard) => shard.indexed).length,
      };
      buildRecord().search = record;
      const fresh = record.parts.filter((part) => part.indexed !== 'unchanged').length;
      logger.info(
        `indexed ${stories(pages.length)} in ${record.stepMs} ms (${fresh} of ${parts.length} ` +
          `search parts indexed, the others unchanged)`,
      );
    },
  };
}
