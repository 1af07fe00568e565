/**
 * The archive's search index, searched a piece at a time: first the headline shard the query's
 * words pick (../headlines.ts), then the parts of the full-text index one after another, newest
 * first, each announced to the page as soon as it has answered (../periods.ts). The reader's
 * browser loads only the pieces a search needs, in the order their results are shown: the first
 * results cost the same on an archive of any size.
 *
 * Every piece is a Pagefind instance of its own, started from the root index at /pagefind/ and
 * given the piece with `mergeIndex`, so that all of them load Pagefind's code and WebAssembly from
 * one address and share one web worker. Instances are kept for later searches. Within a part,
 * Pagefind filters, sorts and counts; parts never overlap in time, so date order across the
 * archive is the parts in date order, each in Pagefind's order.
 */
import { headlineCoverage, queryShard } from '#src/search/headlines.ts';
import { mergeByDate, storyInstant } from '#src/search/order.ts';
import type { SearchManifest } from '#src/search/parts.ts';
import {
  HOLDING_FILTERS,
  partsToSearch,
  type Holding,
  pendingPeriods,
  periodLabel,
  searchesHeadlines,
} from '#src/search/periods.ts';
import {
  FILTER_NAMES,
  pagefindOptions,
  type FilterName,
  type SearchState,
  withDerivedCounts,
} from '#src/search/state.ts';
import { countryPlaces } from '#src/search/countries.ts';
import { searchIndexUrl, siteUrl } from '#src/domain/urls.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
}
interface Result {
  id: string;
  data: () => Promise<ResultData>;
}
export type FilterCounts = Record<string, Record<string, number>>;
interface Instance {
  init: () => Promise<void>;
  mergeIndex: (path: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
  search: (
    query: string | null,
    options?: Record<string, unknown>,
  ) => Promise<{ results: Result[]; filters: FilterCounts } | null>;
}
interface PagefindModule {
  createInstance: (options?: Record<string, unknown>) => Instance;
}

/** What the search page is told as a search goes on, in this order. */
export type SearchEvent =
  /** Periods still to be searched, named as the page shows them; empty once all are. */
  | { kind: 'pending'; periods: string }
  /** One piece's results: the headlines, or a period's, in the order to list them. */
  | { kind: 'section'; id: string; label: string; total: number; load: Loader }
  | { kind: 'failed'; label: string }
  /** Every period searched: the search's total, then its filter counts. */
  | { kind: 'total'; total: number }
  | { kind: 'complete'; counts: FilterCounts };
export type Loader = (from: number, count: number) => Promise<ResultData[]>;

export interface ArchiveSearch {
  /** Months (`YYYY-MM`) that have stories, oldest first. */
  months: string[];
  /** Counts of every filter's values over the whole archive, as the build counted them. */
  totals: FilterCounts;
  search: (state: SearchState, aborted: () => boolean) => AsyncGenerator<SearchEvent>;
}

/** Headlines listed above the periods: the closest matches to a typed headline. */
const HEADLINES_SHOWN = 5;
/** A headline is listed first when the query's words make up at least this share of it. */
const HEADLINE_COVERAGE = 0.5;
/** Periods searched ahead of the one being shown, once results are on screen. */
const PERIODS_AHEAD = 2;

type Part = SearchManifest['parts'][number];

export async function openArchiveSearch(
  tag: string,
  instanceOptions: Record<string, unknown>,
): Promise<ArchiveSearch | null> {
  let manifest: SearchManifest;
  let pagefind: PagefindModule;
  try {
    const response = await fetch(`${searchIndexUrl('parts.json')}?v=${encodeURIComponent(tag)}`);
    if (!response.ok) return null;
    manifest = (await response.json()) as SearchManifest;
    if (!manifest.parts[0]) return null;
    pagefind = (await import(
      /* @vite-ignore */ `${siteUrl(manifest.root.path)}pagefind.js`
    )) as PagefindModule;
  } catch {
    return null;
  }
  const months = [...new Set(manifest.parts.flatMap((part) => part.months))].sort();
  // The index holds no country: a country is searched as its places (../countries.ts).
  const places = countryPlaces(
    Object.keys(manifest.filters.place ?? {}),
    Object.keys(manifest.filters.country ?? {}),
    manifest.placeCountries,
  );
  const countryOf = new Map(
    [...places].flatMap(([country, list]) => list.map((place) => [place, country] as const)),
  );
  const optionsFor = (state: SearchState) => pagefindOptions(state, months, places);
  const common = new Set(manifest.headlines.common);

  // The index and the manifest hold site paths (`/2019/…/`, `/pagefind/2019/`): the base the
  // archive is published under goes before each piece's folder here, and before each result's
  // address through Pagefind's baseUrl (without it, Pagefind guesses from where it was loaded).
  const settings = { ...instanceOptions, baseUrl: siteUrl('/') };
  const fresh = async () => {
    const instance = pagefind.createInstance({
      ...settings,
      basePath: siteUrl(manifest.root.path),
      metaCacheTag: manifest.root.tag,
    });
    await instance.init();
    return instance;
  };
  // One started now, so that the first search finds Pagefind's code and WebAssembly ready.
  const started: Promise<Instance>[] = [fresh()];
  started[0]!.catch(() => undefined);
  const instances = new Map<string, Promise<Instance>>();
  const instanceFor = (piece: { path: string; tag: string; languages: string[] }) => {
    const key = `${piece.path} ${piece.languages.join(' ')}`;
    let instance = instances.get(key);
    if (!instance) {
      instance = (started.shift() ?? fresh()).then(async (created) => {
        // A bundle has one index per language: each is merged, so one box searches them all;
        // at once, so that a slow network waits one round trip for them, not one a language.
        await Promise.all(
          piece.languages.map((language) =>
            created.mergeIndex(siteUrl(piece.path), {
              ...settings,
              language,
              metaCacheTag: piece.tag,
            }),
          ),
        );
        return created;
      });
      instances.set(key, instance);
      instance.catch(() => instances.delete(key));
    }
    return instance;
  };
  const results = (answer: { results: Result[] } | null) =>
    (answer?.results ?? []).filter((result) => result.id !== manifest.root.page);

  let holding: Promise<Holding | undefined> | undefined;
  /** Which parts hold which values, loaded once a search chooses one; undefined without. */
  const holdingFor = (state: SearchState) => {
    if (HOLDING_FILTERS.every((name) => state.filters[name].length === 0))
      return Promise.resolve(undefined);
    holding ??= fetch(`${searchIndexUrl('holding.json')}?v=${encodeURIComponent(tag)}`)
      .then((response) => (response.ok ? (response.json() as Promise<Holding>) : undefined))
      // Without the list every part is searched: slower, never wrong.
      .catch(() => undefined);
    return holding;
  };

  async function* search(state: SearchState, aborted: () => boolean): AsyncGenerator<SearchEvent> {
    const query = state.q || null;
    const options = optionsFor(state);
    const holding = await holdingFor(state);
    const parts = partsToSearch(state, manifest.parts, holding);
    const listed = new Set<string>();

    const shard =
      query && searchesHeadlines(state)
        ? queryShard(query, common, manifest.headlines.shards.length)
        : undefined;
    if (shard !== undefined && query) {
      yield { kind: 'pending', periods: pendingPeriods(parts, manifest.parts) };
      try {
        const instance = await instanceFor(manifest.headlines.shards[shard]!);
        const found = results(await instance.search(query));
        const close = (
          await Promise.all(found.slice(0, HEADLINES_SHOWN).map((result) => result.data()))
        )
          .filter((data) => headlineCoverage(query, data.meta.title ?? '') >= HEADLINE_COVERAGE)
          // A headline's date, dateline and source are its record's filters (build/headlines.ts).
          .map((data) => ({
            ...data,
            // The excerpt of a headline is the headline again.
            excerpt: '',
            meta: {
              ...data.meta,
              date: data.filters?.date?.[0],
              dateline: data.filters?.dateline?.[0],
              source: data.filters?.source?.[0],
            },
          }));
        if (aborted()) return;
        for (const data of close) listed.add(data.url);
        if (close.length > 0)
          yield {
            kind: 'section',
            id: 'headlines',
            label: 'Headlines',
            total: close.length,
            load: (from, count) => Promise.resolve(close.slice(from, from + count)),
          };
      } catch {
        // The periods below find the same stories.
      }
    }

    /** One period's answer: how many it found, and its results in the order to list them. */
    const searchPart = async (part: Part): Promise<{ count: number; load: Loader }> => {
      const data = new Map<Result, Promise<ResultData>>();
      const dataOf = (result: Result) => {
        let pending = data.get(result);
        if (!pending) data.set(result, (pending = result.data()));
        return pending;
      };
      if (state.sort !== 'relevance' && part.languages.length > 1) {
        // One instance a language, each sorted by Pagefind, merged here (../order.ts).
        const lists = await Promise.all(
          part.languages.map(async (language) =>
            results(
              await (await instanceFor({ ...part, languages: [language] })).search(query, options),
            ),
          ),
        );
        const take = mergeByDate(
          lists,
          async (result) => storyInstant((await dataOf(result)).meta.date ?? ''),
          state.sort === 'date',
        );
        return {
          count: lists.reduce((sum, list) => sum + list.length, 0),
          load: async (from, count) =>
            Promise.all((await take(from + count)).slice(from).map(dataOf)),
        };
      }
      const instance = await instanceFor(part);
      const found = results(await instance.search(query, options));
      // A story listed under Headlines is counted in its period, not listed twice.
      const shown = listed.size === 0 ? found : await without(found, listed, dataOf);
      return {
        count: found.length,
        load: (from, count) => Promise.all(shown.slice(from, from + count).map(dataOf)),
      };
    };
    // Once results are on screen, the next periods are searched ahead of their turn, so that a
    // slow network does not wait a round trip after another between sections. Before that,
    // nothing is fetched that the first results do not need.
    const answers: Promise<{ count: number; load: Loader }>[] = [];
    const answerOf = (i: number) => {
      if (!answers[i]) {
        answers[i] = searchPart(parts[i]!);
        answers[i].catch(() => undefined);
      }
      return answers[i];
    };
    let shownAny = listed.size > 0;

    let total = 0;
    const searched: Part[] = [];
    for (const [i, part] of parts.entries()) {
      if (aborted()) return;
      yield { kind: 'pending', periods: pendingPeriods(parts.slice(i), manifest.parts) };
      const label = periodLabel(part.from, part.to);
      if (shownAny)
        for (let ahead = i + 1; ahead <= i + PERIODS_AHEAD && ahead < parts.length; ahead++)
          void answerOf(ahead);
      try {
        const { count, load } = await answerOf(i);
        total += count;
        searched.push(part);
        if (aborted()) return;
        // The page shows a section before it asks for what comes next.
        yield { kind: 'section', id: part.id, label, total: count, load };
        shownAny ||= count > 0;
      } catch {
        if (aborted()) return;
        yield { kind: 'failed', label };
      }
    }
    yield { kind: 'pending', periods: '' };
    yield { kind: 'total', total };
    const counts = await filterCounts(state, searched);
    if (!aborted()) yield { kind: 'complete', counts };
  }

  /**
   * A search's filter counts, summed over the parts. Values of one filter are alternatives, so
   * each filter in use counts its values as if it were not set (choosing Trend must not hide
   * Reuters), over the parts that search would need.
   */
  async function filterCounts(state: SearchState, searched: Part[]): Promise<FilterCounts> {
    const query = state.q || null;
    const counts: FilterCounts = {};
    const add = async (parts: Part[], options: Record<string, unknown>, only?: string) => {
      // Every part at once: sums do not depend on the order the parts answer in.
      const answers = await Promise.all(
        parts.map(async (part) => {
          const instance = await instanceFor(part);
          // Counting a filter's values needs its index files, which a search loads only for
          // the filters it names.
          await instance.filters();
          return instance.search(query, options);
        }),
      );
      for (const answer of answers) {
        for (const [name, values] of Object.entries(
          withDerivedCounts(answer?.filters ?? {}, countryOf),
        )) {
          const inUse = (FILTER_NAMES as readonly string[]).includes(name)
            ? state.filters[name as FilterName].length > 0
            : false;
          if (only ? name !== only : inUse) continue;
          const into = (counts[name] ??= {});
          for (const [value, count] of Object.entries(values))
            into[value] = (into[value] ?? 0) + count;
        }
      }
    };
    await add(searched, optionsFor(state));
    for (const name of FILTER_NAMES) {
      if (state.filters[name].length === 0) continue;
      const wider = { ...state, filters: { ...state.filters, [name]: [] } };
      await add(
        partsToSearch(wider, manifest.parts, await holdingFor(wider)),
        optionsFor(wider),
        name,
      );
    }
    return counts;
  }

  return { months, totals: withDerivedCounts(manifest.filters), search };
}

/** The results whose story is not among those listed already, in their order. */
async function without(
  found: Result[],
  listed: ReadonlySet<string>,
  dataOf: (result: Result) => Promise<ResultData>,
): Promise<Result[]> {
  // Only the first few can be listed already: the headlines are a search's best matches.
  const head = found.slice(0, HEADLINES_SHOWN * 2);
  const urls = await Promise.all(head.map(async (result) => (await dataOf(result)).url));
  return [...head.filter((_, i) => !listed.has(urls[i]!)), ...found.slice(head.length)];
}
