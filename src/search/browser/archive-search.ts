/**
 * The archive's search index, as one: the parts the build writes (../parts.ts)
 * merged in the browser with Pagefind's `mergeIndex`, which loads Pagefind's WebAssembly once.
 *
 * Best-match order is Pagefind's merged order (by score). Date order is not: Pagefind orders
 * merged results by score, and a sorted part's scores only rank its own pages. Parts never
 * overlap in time, so date order is the parts in date order and each part in Pagefind's own
 * order; each part is searched when the reader reaches it.
 */
import type { SearchManifest } from '#src/search/parts.ts';
import { searchIndexUrl, siteUrl } from '#src/domain/urls.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Result {
  id: string;
  data: () => Promise<ResultData>;
}
export type FilterCounts = Record<string, Record<string, number>>;
type Filters = Record<string, { any: string[] }>;
interface SearchOptions {
  filters: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (
    query: string | null,
    options?: SearchOptions,
  ) => Promise<{ results: Result[]; filters: FilterCounts } | null>;
}

/** The synthetic filter each part's pages carry, so that one part can be searched alone. */
const PART = 'part';

export interface Hits {
  total: number;
  /** Counts of each filter's values among the hits. */
  filters: FilterCounts;
  /** Results `from` to `from + count`, in the order asked for. */
  slice: (from: number, count: number) => Promise<ResultData[]>;
}

export interface ArchiveSearch {
  /** Months (`YYYY-MM`) that have stories, oldest first. */
  months: string[];
  /** Counts of every filter's values over the whole archive, as the build counted them. */
  totals: FilterCounts;
  /** Loads every filter's index files, which counting a search's filter values needs. */
  loadFilters: () => Promise<void>;
  search: (query: string | null, options: SearchOptions) => Promise<Hits>;
}

function withoutPart(counts: FilterCounts): FilterCounts {
  const { [PART]: _, ...rest } = counts;
  return rest;
}

export async function openArchiveSearch(
  tag: string,
  instanceOptions: Record<string, unknown>,
): Promise<ArchiveSearch | null> {
  try {
    const response = await fetch(`${searchIndexUrl('parts.json')}?v=${encodeURIComponent(tag)}`);
    if (!response.ok) return null;
    const { parts, filters } = (await response.json()) as SearchManifest;
    const [primary, ...others] = parts;
    if (!primary) return null;
    const pagefind = (await import(
      /* @vite-ignore */ `${siteUrl(primary.path)}pagefind.js`
    )) as Pagefind;
    // The index holds site paths (`/2019/…/`); Pagefind puts baseUrl before each result's.
    // Without it, Pagefind would guess the base from where pagefind.js was loaded.
    const baseUrl = siteUrl('/');
    await pagefind.options({
      ...instanceOptions,
      baseUrl,
      metaCacheTag: primary.tag,
      mergeFilter: { [PART]: primary.id },
    });
    await pagefind.init();
    await Promise.all(
      others.map((part) =>
        pagefind.mergeIndex(siteUrl(part.path), {
          ...instanceOptions,
          baseUrl,
          metaCacheTag: part.tag,
          mergeFilter: { [PART]: part.id },
        }),
      ),
    );
    return {
      months: [...new Set(parts.flatMap((part) => part.months))].sort(),
      totals: filters,
      loadFilters: async () => void (await pagefind.filters()),
      search: (query, options) => search(pagefind, parts, query, options),
    };
  } catch {
    return null;
  }
}

async function search(
  pagefind: Pagefind,
  parts: SearchManifest['parts'],
  query: string | null,
  { filters, sort }: SearchOptions,
): Promise<Hits> {
  const found = await pagefind.search(query, { filters });
  const results = found?.results ?? [];
  const counts = found?.filters ?? {};
  const hits = { total: results.length, filters: withoutPart(counts) };
  const direction = sort ? Object.values(sort)[0] : undefined;
  if (!sort || !direction)
    return {
      ...hits,
      slice: (from, count) =>
        Promise.all(results.slice(from, from + count).map((result) => result.data())),
    };

  // Date order: the parts holding hits, in date order, each searched once when first needed.
  const ordered = (direction === 'desc' ? parts : [...parts].reverse())
    .map((part) => ({ id: part.id, hits: counts[PART]?.[part.id] ?? 0 }))
    .filter((part) => part.hits > 0);
  const sorted = new Map<string, Promise<Result[]>>();
  const partResults = (id: string) => {
    let pending = sorted.get(id);
    if (!pending) {
      pending = pagefind
        .search(query, { filters: { ...filters, [PART]: { any: [id] } }, sort })
        .then((answer) => answer?.results ?? []);
      sorted.set(id, pending);
    }
    return pending;
  };
  return {
    ...hits,
    slice: async (from, count) => {
      const wanted: Promise<ResultData>[] = [];
      let start = 0;
      for (const part of ordered) {
        const end = start + part.hits;
        if (end > from && start < from + count) {
          const inPart = await partResults(part.id);
          wanted.push(
            ...inPart
              .slice(Math.max(0, from - start), from + count - start)
              .map((result) => result.data()),
          );
        }
        start = end;
        if (start >= from + count) break;
      }
      return Promise.all(wanted);
    },
  };
}
