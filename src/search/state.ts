/**
 * What a search is, as the search page's URL holds it:
 * `/search/?q=migration&source=Trend&sort=date`.
 */
export interface SearchState {
  q: string;
  filters: Record<FilterName, string[]>;
  sort: SortOrder;
  /** `YYYY-MM`, inclusive; empty for no bound. */
  from: string;
  to: string;
}

export const FILTER_NAMES = ['source', 'author', 'place', 'country', 'topic', 'year'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type SortOrder = 'relevance' | 'date' | 'oldest';

export const FILTER_LABELS: Record<FilterName, string> = {
  source: 'Source',
  author: 'Author',
  place: 'Place',
  country: 'Country',
  topic: 'Topic',
  year: 'Year',
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function emptyState(): SearchState {
  return {
    q: '',
    filters: { source: [], author: [], place: [], country: [], topic: [], year: [] },
    sort: 'relevance',
    from: '',
    to: '',
  };
}

/** Reads the state from a query string; anything unknown or malformed is ignored. */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim();
  for (const name of FILTER_NAMES)
    state.filters[name] = [
      ...new Set(
        params
          .getAll(name)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
  const sort = params.get('sort');
  state.sort = sort === 'date' || sort === 'oldest' ? sort : 'relevance';
  const [from, to] = [params.get('from') ?? '', params.get('to') ?? ''];
  state.from = MONTH.test(from) ? from : '';
  state.to = MONTH.test(to) ? to : '';
  if (state.from && state.to && state.from > state.to)
    [state.from, state.to] = [state.to, state.from];
  return state;
}

/** The canonical query string for a state: same state, same URL, so shared links match. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTER_NAMES)
    for (const value of [...state.filters[name]].sort()) params.append(name, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params.toString();
}

export function hasCriteria(state: SearchState): boolean {
  return Boolean(
    state.q ||
    state.from ||
    state.to ||
    FILTER_NAMES.some((name) => state.filters[name].length > 0),
  );
}

type PagefindFilters = Record<string, { any: string[] }>;

/**
 * Pagefind's options for a state. Values of one filter are alternatives (any); different
 * filters must all hold. Pagefind has no range filter, so a date range becomes the list of
 * months in it that the index knows.
 */
export function pagefindOptions(
  state: SearchState,
  knownMonths: string[],
): { filters: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> } {
  const filters: PagefindFilters = {};
  for (const name of FILTER_NAMES)
    if (state.filters[name].length > 0) filters[name] = { any: state.filters[name] };
  if (state.from || state.to) {
    const months = knownMonths.filter(
      (month) => (!state.from || month >= state.from) && (!state.to || month <= state.to),
    );
    // A range with no stories must match nothing, not everything.
    filters.month = { any: months.length > 0 ? months : ['none'] };
  }
  const sort =
    state.sort === 'date'
      ? { published: 'desc' as const }
      : state.sort === 'oldest'
        ? { published: 'asc' as const }
        : undefined;
  return sort ? { filters, sort } : { filters };
}
