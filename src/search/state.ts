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
 * The months a state allows, of those given: its range and its chosen years. Undefined when it
 * allows every month.
 */
export function allowedMonths(
  state: Pick<SearchState, 'from' | 'to' | 'filters'>,
  months: readonly string[],
): Set<string> | undefined {
  const { from, to } = state;
  const years = new Set(state.filters.year);
  if (!from && !to && years.size === 0) return undefined;
  return new Set(
    months.filter(
      (month) =>
        (!from || month >= from) &&
        (!to || month <= to) &&
        (years.size === 0 || years.has(month.slice(0, 4))),
    ),
  );
}

/**
 * Pagefind's options for a state. Values of one filter are alternatives (any); different
 * filters must all hold. Pagefind has no range filter, so a date range becomes the list of
 * months in it that the index knows; a year is its months too, and a country its places
 * (`places`, by country: ./countries.ts), because the index holds neither (their files would
 * repeat the month's and the place's, about 2 bytes a story each in every part).
 */
export function pagefindOptions(
  state: SearchState,
  knownMonths: string[],
  places: ReadonlyMap<string, readonly string[]> = new Map(),
): { filters: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> } {
  const filters: PagefindFilters = {};
  for (const name of FILTER_NAMES)
    if (name !== 'year' && name !== 'country' && state.filters[name].length > 0)
      filters[name] = { any: state.filters[name] };
  // A range, a year or a country with no stories must match nothing, not everything.
  if (state.filters.country.length > 0) {
    const inCountry = new Set(
      state.filters.country.flatMap((country) => places.get(country) ?? []),
    );
    // A story has one place: places chosen with a country are those of them within it.
    const chosen =
      state.filters.place.length > 0
        ? state.filters.place.filter((place) => inCountry.has(place))
        : [...inCountry];
    filters.place = { any: chosen.length > 0 ? chosen : ['none'] };
  }
  const months = allowedMonths(state, knownMonths);
  if (months) filters.month = { any: months.size > 0 ? [...months] : ['none'] };
  const sort =
    state.sort === 'date'
      ? { published: 'desc' as const }
      : state.sort === 'oldest'
        ? { published: 'asc' as const }
        : undefined;
  return sort ? { filters, sort } : { filters };
}

/**
 * Filter counts with the filters the index does not hold added (see `pagefindOptions`): each
 * year's count summed from its months', and, given each place's country (`countryOf`), each
 * country's from its places'.
 */
export function withDerivedCounts<C extends Record<string, Record<string, number>>>(
  counts: C,
  countryOf?: ReadonlyMap<string, string>,
): C & { year?: Record<string, number>; country?: Record<string, number> } {
  const sums = (values: Record<string, number>, of: (value: string) => string | undefined) => {
    const summed: Record<string, number> = {};
    for (const [value, count] of Object.entries(values)) {
      const into = of(value);
      if (into !== undefined) summed[into] = (summed[into] ?? 0) + count;
    }
    return summed;
  };
  return {
    ...counts,
    ...(counts.month ? { year: sums(counts.month, (month) => month.slice(0, 4)) } : {}),
    ...(countryOf && counts.place
      ? { country: sums(counts.place, (place) => countryOf.get(place)) }
      : {}),
  };
}
