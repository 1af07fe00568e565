/**
 * Date order where Pagefind cannot give it. Pagefind sorts one index by date, but orders the
 * results of several merged indexes by score; a part of the index with stories in several
 * languages has one index a language. Each language's results come sorted from an instance of
 * their own, and are merged here, one result at a time as the reader gets to them, by the
 * instant each result's date says.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const STORY_DATE =
  /^(\d{1,2}) (\p{L}+) (\d{4})(?: (\d{2}):(\d{2}) \(UTC(?:([+-]\d{2}):(\d{2}))?\))?$/u;

/**
 * The instant, in milliseconds, of a date as a story's page shows it (`formatStoryDate` in
 * domain/dates.ts): `19 November 2019 17:49 (UTC+04:00)`, or `23 November 2019` for a story
 * with a date and no time, which is published at the start of that day in UTC. NaN for another
 * text.
 */
export function storyInstant(text: string): number {
  const match = STORY_DATE.exec(text.trim());
  if (!match) return NaN;
  const [, day, monthName, year, hour, minute, offsetHours, offsetMinutes] = match;
  const month = MONTHS.indexOf(monthName!);
  if (month < 0) return NaN;
  const local = Date.UTC(Number(year), month, Number(day), Number(hour ?? 0), Number(minute ?? 0));
  const sign = offsetHours?.startsWith('-') ? -1 : 1;
  const offset =
    offsetHours === undefined
      ? 0
      : sign * (Math.abs(Number(offsetHours)) * 60 + Number(offsetMinutes)) * 60_000;
  return local - offset;
}

/**
 * Merges lists each already in date order into one, lazily: `take(n)` gives the first `n` of
 * the merged list, asking `key` only for the heads it compares. Ties keep the lists' order.
 */
export function mergeByDate<T>(
  lists: readonly (readonly T[])[],
  key: (item: T) => Promise<number>,
  newestFirst: boolean,
): (count: number) => Promise<T[]> {
  const merged: T[] = [];
  const next = lists.map(() => 0);
  return async (count) => {
    while (merged.length < count) {
      const heads = lists.flatMap((list, i) => (next[i]! < list.length ? [i] : []));
      if (heads.length === 0) break;
      const keys = await Promise.all(heads.map((i) => key(lists[i]![next[i]!]!)));
      let best = 0;
      for (let h = 1; h < heads.length; h++)
        if (newestFirst ? keys[h]! > keys[best]! : keys[h]! < keys[best]!) best = h;
      const list = heads[best]!;
      merged.push(lists[list]![next[list]!]!);
      next[list]!++;
    }
    return merged.slice(0, count);
  };
}
