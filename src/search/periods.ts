/**
 * Which parts of the index a search needs, in the order it searches them, and how the search
 * page names them. Parts never overlap in time, so each part is a period of the archive: a search
 * lists each period's results as a section of its own, newest period first, and says which
 * periods are still being searched.
 */
import { formatCalendarDate, monthName } from '#src/domain/dates.ts';
import { allowedMonths, type SearchState } from './state.ts';

/** What a period needs of a part: its bounds (UTC days) and the months it holds stories in. */
export interface Period {
  id: string;
  from: string;
  to: string;
  months: string[];
}

/**
 * The parts a search searches, in the order their results are listed: newest first (oldest first
 * for `oldest`), and, for a range or chosen years, only the parts with a month in them, so that
 * the others' index is never fetched. `parts` are newest first, as the manifest lists them.
 */
export function partsToSearch<P extends Period>(
  state: SearchState,
  parts: readonly P[],
  holding?: Holding,
): P[] {
  const months = allowedMonths(
    state,
    parts.flatMap((part) => part.months),
  );
  const needed = parts.filter(
    (part, i) =>
      (!months || part.months.some((month) => months.has(month))) &&
      (!holding || holdsChosen(state, holding, i)),
  );
  return state.sort === 'oldest' ? needed.reverse() : needed;
}

/**
 * `/pagefind/holding.json`: for each filter but the year, each value's parts, as indexes into the
 * manifest's list of parts. Loaded only when a search chooses such a value, so that it loads only
 * the parts holding one.
 */
export type Holding = Record<string, Record<string, number[]>>;

/** The filters whose values a part may lack: the year's parts are known by their months. */
export const HOLDING_FILTERS = ['source', 'author', 'place', 'country', 'topic'] as const;

function holdsChosen(state: SearchState, holding: Holding, part: number): boolean {
  return HOLDING_FILTERS.every((name) => {
    const chosen = state.filters[name];
    return (
      chosen.length === 0 || chosen.some((value) => holding[name]?.[value]?.includes(part) ?? false)
    );
  });
}

/** Whether a search lists the headline index's matches first: words, best match, nothing else. */
export function searchesHeadlines(state: SearchState): boolean {
  return (
    state.q.trim() !== '' &&
    state.sort === 'relevance' &&
    !state.from &&
    !state.to &&
    Object.values(state.filters).every((values) => values.length === 0)
  );
}

function day(text: string): [number, number, number] {
  return text.split('-').map(Number) as [number, number, number];
}

function lastOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A period's name from its first and last day: `2019`, `2010–2017`, `March 1987`,
 * `March–April 1987`, `3 March 1987`, `1–11 March 1987`, `30 March – 2 April 1987`.
 */
export function periodLabel(from: string, to: string): string {
  const [y1, m1, d1] = day(from);
  const [y2, m2, d2] = day(to);
  const wholeMonths = d1 === 1 && d2 === lastOfMonth(y2, m2);
  if (wholeMonths && m1 === 1 && m2 === 12) return y1 === y2 ? `${y1}` : `${y1}–${y2}`;
  if (wholeMonths && y1 === y2)
    return m1 === m2 ? `${monthName(m1)} ${y1}` : `${monthName(m1)}–${monthName(m2)} ${y1}`;
  if (wholeMonths) return `${monthName(m1)} ${y1} – ${monthName(m2)} ${y2}`;
  if (from === to) return formatCalendarDate(y1, m1, d1);
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${monthName(m1)} ${y1}`;
  if (y1 === y2) return `${d1} ${monthName(m1)} – ${formatCalendarDate(y2, m2, d2)}`;
  return `${formatCalendarDate(y1, m1, d1)} – ${formatCalendarDate(y2, m2, d2)}`;
}

/**
 * The periods still to be searched, as the page shows them: `2019, 2010–2017 and 1987`. Parts
 * next to each other in the archive (`all`, in manifest order) are named as one period.
 */
export function pendingPeriods(pending: readonly Period[], all: readonly Period[]): string {
  const waiting = new Set(pending.map((part) => part.id));
  const runs: { from: string; to: string }[] = [];
  let run: { from: string; to: string } | undefined;
  for (const part of all) {
    if (!waiting.has(part.id)) {
      run = undefined;
      continue;
    }
    // The manifest lists parts newest first: a run grows towards the past.
    if (run) run.from = part.from;
    else runs.push((run = { from: part.from, to: part.to }));
  }
  // A run across years is named by its years: `Searching 1987–2019…`.
  const labels = runs.map(({ from, to }) =>
    from.slice(0, 4) === to.slice(0, 4)
      ? periodLabel(from, to)
      : `${from.slice(0, 4)}–${to.slice(0, 4)}`,
  );
  return labels.length <= 1
    ? (labels[0] ?? '')
    : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)!}`;
}
