import { searchIndexPath } from '#src/domain/urls.ts';
import { join } from 'node:path';
import {
  commonWords,
  headlineKey,
  headlineWords,
  shardCount,
  shardOf,
} from '#src/search/headlines.ts';
import type { Headline } from '#src/search/parts.ts';
import { runAtOnce } from '#src/util/run-at-once.ts';
import { indexRecords, recordsKey } from './index-part.ts';
import type { CustomRecord } from './part-worker.ts';

/** A headline shard as the build writes it into the cache. */
export interface Shard {
  folder: string;
  languages: string[];
  /** Whether it was indexed in this build (else reused from the last). */
  indexed: boolean;
}

/**
 * A story's record in the headline index. Its date, dateline and source are filters, not meta:
 * Pagefind searches every meta field, and a date's numbers would match numbers typed in a query.
 */
function headlineRecord(headline: Headline): CustomRecord {
  const filters: Record<string, string[]> = { date: [headline.date], source: [headline.source] };
  if (headline.dateline) filters.dateline = [headline.dateline];
  return {
    url: headline.url,
    content: headline.title,
    language: headline.lang,
    meta: { title: headline.title },
    filters,
  };
}

/**
 * Writes the headline index into `<cacheDir>/headlines/<shard>/`, each shard a small Pagefind
 * bundle of the headlines filed under it (../headlines.ts). A shard whose records are the same
 * as in the last build is kept, so an edit re-indexes only its headline's shard.
 */
export async function indexHeadlines(
  cacheDir: string,
  headlines: Headline[],
  atOnce: number,
): Promise<{ shards: Shard[]; common: string[] }> {
  const words = headlines.map((headline) => headlineWords(headline.title));
  const common = commonWords(words);
  const commonSet = new Set(common);
  const count = shardCount(headlines.length);
  const records: CustomRecord[][] = Array.from({ length: count }, () => []);
  headlines.forEach((headline, i) => {
    const key = headlineKey(words[i]!, commonSet) ?? '';
    records[shardOf(key, count)]!.push(headlineRecord(headline));
  });
  const shards = records.map((list, i) => ({
    name: `headline shard ${i}`,
    folder: join(cacheDir, 'headlines', String(i)),
    languages: [...new Set(list.map((record) => record.language))].sort(),
    records: list,
    indexed: false,
  }));
  await runAtOnce(shards, atOnce, async (shard) => {
    shard.indexed = await indexRecords(
      shard.name,
      shard.records,
      shard.folder,
      recordsKey(shard.records),
    );
  });
  return {
    shards: shards.map(({ folder, languages, indexed }) => ({ folder, languages, indexed })),
    common,
  };
}

/** The record of the root index, which every search instance starts from and never shows. */
export const ROOT_RECORD: CustomRecord = {
  url: searchIndexPath('root/'),
  content: 'dateline search index root',
  language: 'en',
  meta: { title: '' },
};

/** Writes the root index into `<cacheDir>/root/`. */
export async function indexRoot(cacheDir: string): Promise<string> {
  const folder = join(cacheDir, 'root');
  await indexRecords('the root search index', [ROOT_RECORD], folder, recordsKey([ROOT_RECORD]));
  return folder;
}
