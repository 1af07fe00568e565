import { compareStrings } from '#src/domain/text.ts';

/**
 * The search index is built in parts, each a run of consecutive dates, so that an edit
 * re-indexes one part and Pagefind's memory follows the size of a part, not of the archive.
 * The search page merges the parts in the browser; because parts never overlap in time, date
 * order across the archive is the order of the parts and, inside each, Pagefind's own.
 *
 * Parts are cut by the UTC date of publication, the instant Pagefind sorts by, not by the
 * date in the story's own offset: a story filed at 23:30 on 31 December in New York was
 * published after one filed at 01:00 on 1 January in Ashgabat.
 */

/** The smallest limit on a part's stories; see `partLimit`. */
export const MIN_PART_STORIES = 4_000;
const MAX_PART_STORIES = 48_000;
const TARGET_PARTS = 8;

/** A page as parts are planned: its file, and when it was published. */
export type DatedPage = Pick<IndexedPage, 'file' | 'published'>;

export interface SearchPart<Page extends DatedPage = IndexedPage> {
  /**
   * Names the part's folder under /pagefind/: `2019`, `2010-to-2011`, `1987-04`,
   * `1987-03-01-to-1987-03-17`.
   */
  id: string;
  /** First and last day the part may hold, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Article pages in the part, oldest first. */
  pages: Page[];
}

/**
 * The file a page's site path is written to, as the search step names pages:
 * `/2019/11/19/slug/` → `2019/11/19/slug/index.html`.
 */
export function pageFile(path: string): string {
  return `${path.slice(1)}index.html`;
}

/** What the build knows of a story's page before it is written, as the search index needs it. */
export interface IndexedPage {
  /** The page's file under the site's root: `1987/03/03/slug/index.html`. */
  file: string;
  /** When it was published, as the page's `data-published` holds it: an ISO instant in UTC. */
  published: string;
  /** `YYYY-MM` in the story's own offset, as the page's month filter holds it. */
  month: string;
  /** The page's filter values, `name` and `value`, as the page marks them for Pagefind. */
  filters: [string, string][];
  /** The story as the headline index (../headlines.ts) holds it and the search page shows it. */
  headline: Headline;
}

/** A story's headline record: what a search result shows of it. */
export interface Headline {
  title: string;
  url: string;
  /** The date as the story's page shows it. */
  date: string;
  dateline?: string;
  source: string;
  /** The story's language, whose rules Pagefind stems its words by. */
  lang: string;
}

interface Unit<Page extends DatedPage> {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in UTC. */
  key: string;
  pages: Page[];
}

function group<Page extends DatedPage>(pages: Page[], length: 4 | 7 | 10): Unit<Page>[] {
  const units = new Map<string, Page[]>();
  for (const page of pages) {
    const key = page.published.slice(0, length);
    const list = units.get(key);
    if (list) list.push(page);
    else units.set(key, [page]);
  }
  return [...units]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([key, list]) => ({ key, pages: list }));
}

/** Sorted pages as units: years, a year over `max` stories cut into months, a month into days. */
function unitsOf<Page extends DatedPage>(pages: Page[], max: number): Unit<Page>[] {
  return group(pages, 4).flatMap((year) =>
    year.pages.length <= max
      ? [year]
      : group(year.pages, 7).flatMap((month) =>
          month.pages.length <= max ? [month] : group(month.pages, 10),
        ),
  );
}

/** Packs consecutive units into parts of at most `limit` stories, oldest first. */
function pack<Page extends DatedPage>(units: Unit<Page>[], limit: number): SearchPart<Page>[] {
  const parts: SearchPart<Page>[] = [];
  let run: Unit<Page>[] = [];
  let size = 0;
  const close = () => {
    if (run.length === 0) return;
    const first = run[0]!.key;
    const last = run.at(-1)!.key;
    parts.push({
      id: first === last ? first : `${first}-to-${last}`,
      from: firstDay(first),
      to: lastDay(last),
      pages: run.flatMap((unit) => unit.pages),
    });
    run = [];
    size = 0;
  };
  for (const unit of units) {
    if (size + unit.pages.length > limit) close();
    run.push(unit);
    size += unit.pages.length;
  }
  close();
  return parts;
}

/**
 * Divides the article pages into parts of at most `limit` stories. The units are years; a year
 * bigger than `limit` is cut into months, and a month bigger than `limit` into days (a day is
 * never divided). Consecutive units are packed into parts, oldest first. A unit's bounds
 * depend only on its own stories, so an edit moves no part.
 *
 * The newest stories are a part of their own of at most `newest` stories (the newest days,
 * months or years that fit), however big the other parts grow: a search reads the newest part
 * first, so what it loads before its first results stays the same on an archive of any size.
 * Stories added at the newest end move that part, and, when a unit leaves it for the older
 * parts, the newest of those.
 */
export function planSearchParts<Page extends DatedPage>(
  pages: Page[],
  limit = partLimit(pages.length),
  newest = Math.min(limit, MIN_PART_STORIES),
): SearchPart<Page>[] {
  const sorted = [...pages].sort(
    (a, b) => compareStrings(a.published, b.published) || compareStrings(a.file, b.file),
  );
  if (newest >= limit) return pack(unitsOf(sorted, limit), limit);
  const units = unitsOf(sorted, newest);
  let start = units.length - 1;
  let size = units[start]?.pages.length ?? 0;
  while (start > 0 && size + units[start - 1]!.pages.length <= newest)
    size += units[--start]!.pages.length;
  const recent = units.slice(start);
  const boundary = recent[0]?.key ?? '';
  // The older units, with the year (or month) the newest part begins in cut as finely as the
  // newest part's first unit, so that no two parts overlap in time.
  const refine = (unit: Unit<Page>): Unit<Page>[] =>
    unit.key.length >= boundary.length || !boundary.startsWith(unit.key)
      ? [unit]
      : group(unit.pages, unit.key.length === 4 ? 7 : 10).flatMap(refine);
  const older = unitsOf(
    units.slice(0, start).flatMap((unit) => unit.pages),
    limit,
  ).flatMap(refine);
  return [...pack(older, limit), ...pack(recent, Infinity)];
}

/**
 * The most stories a part holds, for an archive of `total` stories. Each part costs the reader
 * (a search fetches the words it needs from every part) and each story in a part costs the
 * build when the part is indexed again after an edit. So parts are small while they are few,
 * and grow, doubling, to keep an archive in at most eight parts, up to 48,000 stories (beyond
 * that, Pagefind's memory while it writes a part is the limit). The limit changes only when the
 * archive doubles.
 */
export function partLimit(total: number): number {
  let limit = MIN_PART_STORIES;
  while (limit < MAX_PART_STORIES && total > limit * TARGET_PARTS) limit *= 2;
  return Math.min(limit, MAX_PART_STORIES);
}

function firstDay(key: string): string {
  return key.length === 4 ? `${key}-01-01` : key.length === 7 ? `${key}-01` : key;
}

function lastDay(key: string): string {
  if (key.length === 4) return `${key}-12-31`;
  if (key.length !== 7) return key;
  const [year, month] = key.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${key}-${String(days).padStart(2, '0')}`;
}

/**
 * What the search page is rendered with in place of the index's tag, until the index is written
 * (build/publish.ts).
 */
export const INDEX_TAG_PLACEHOLDER = 'DATELINE_INDEX_TAG';

/** `/pagefind/parts.json`: what the search page needs to know of the index. */
export interface SearchManifest {
  /**
   * How many stories have each value of each filter, over the whole archive; the country's too,
   * which the index does not hold (../countries.ts).
   */
  filters: Record<string, Record<string, number>>;
  /** Places whose label does not name their country, with it; absent when there are none. */
  placeCountries?: Record<string, string>;
  /**
   * The root index at `/pagefind/`: Pagefind's code and WebAssembly, and one record that is never
   * shown (`page`). Every part and shard is merged into an instance started from it, so all of
   * them share one worker and load the WebAssembly from one address.
   */
  root: { path: string; tag: string; page: string };
  /** The headline index (../headlines.ts). */
  headlines: {
    shards: { path: string; tag: string; languages: string[] }[];
    /** Words too common to choose a shard by. */
    common: string[];
  };
  /** Newest part first. */
  parts: {
    id: string;
    /**
     * Where the part's Pagefind bundle is, as a site path: `/pagefind/1987-04/`. Like the index,
     * the manifest holds no base; the browser adds it.
     */
    path: string;
    /** A hash of the part's entry file: the part's cache tag. */
    tag: string;
    stories: number;
    /** First and last UTC day the part may hold. */
    from: string;
    to: string;
    /** Months (`YYYY-MM`, in the stories' own offsets) that have stories in the part. */
    months: string[];
    /** The languages the part's stories are in: one Pagefind index each. */
    languages: string[];
  }[];
}
