/**
 * The search page: Pagefind's JS API in the browser, with the whole search state kept in the URL.
 */
import {
  FILTER_NAMES,
  hasCriteria,
  pagefindOptions,
  parseSearchState,
  serializeSearchState,
  type SearchState,
} from '#src/search/state.ts';

import { stories } from '#src/domain/text.ts';
import {
  openArchiveSearch,
  type FilterCounts,
  type Hits,
  type ResultData,
} from './archive-search.ts';

const BATCH = 10;
const VISIBLE_VALUES = 8;

const $ = <T extends Element>(selector: string, root: ParentNode = document) =>
  root.querySelector<T>(selector)!;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(data: ResultData): HTMLLIElement {
  const item = element('li');
  const heading = element('h2');
  const link = element('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  const meta = element('p', 'meta');
  for (const [key, value] of [
    ['dateline', data.meta.dateline],
    ['date', data.meta.date],
    ['source', data.meta.source],
  ] as const) {
    if (!value) continue;
    if (meta.childNodes.length > 0) meta.append(' · ');
    const part = element(key === 'dateline' ? 'bdi' : 'span', `result-${key}`, value);
    meta.append(part);
  }
  const excerpt = element('p', 'summary');
  // Pagefind escapes the page text and adds only <mark> around the matched words.
  excerpt.innerHTML = data.excerpt;
  item.append(heading, meta, excerpt);
  return item;
}

function describe(state: SearchState, total: number): string {
  const found = stories(total);
  const parts: string[] = [];
  if (state.q) parts.push(`${total === 1 ? 'matches' : 'match'} “${state.q}”`);
  const chosen = FILTER_NAMES.flatMap((name) => state.filters[name]);
  if (chosen.length > 0) parts.push(`filed under ${chosen.join(', ')}`);
  if (state.from || state.to)
    parts.push(`from ${state.from || 'the start'} to ${state.to || 'today'}`);
  const order =
    state.sort === 'date' ? ', newest first' : state.sort === 'oldest' ? ', oldest first' : '';
  if (total === 0)
    return `No stories ${parts.join(' and ').replace(/^matches/, 'match') || 'found'}.`;
  return `${found} ${parts.join(' and ')}${order}.`.replace(/ \./, '.');
}

export async function startSearch(): Promise<void> {
  const app = $<HTMLElement>('#search-app');
  const form = $<HTMLFormElement>('#search-form');
  const input = $<HTMLInputElement>('#search-query');
  const sort = $<HTMLSelectElement>('#search-sort');
  const from = $<HTMLInputElement>('#search-from');
  const to = $<HTMLInputElement>('#search-to');
  const status = $<HTMLElement>('#search-status');
  const list = $<HTMLOListElement>('#search-results');
  const more = $<HTMLButtonElement>('#search-more');
  const filterPanel = $<HTMLDetailsElement>('#search-filters');

  let state = parseSearchState(location.search);
  const archive = await openArchiveSearch(app.dataset.indexTag ?? '', {
    highlightParam: 'highlight',
    excerptLength: 30,
  });
  if (!archive) {
    input.value = state.q;
    status.textContent =
      'The search index is missing. It is built by "npm run build"; run "npm start" to build ' +
      'the archive and serve it with search.';
    return;
  }
  $<HTMLElement>('#search-options').hidden = false;
  filterPanel.hidden = false;
  // Side by side on a wide screen, the filters are always open; on a phone they fold away.
  const wide = matchMedia('(min-width: 56rem)');
  filterPanel.open = wide.matches;
  wide.addEventListener('change', () => (filterPanel.open = wide.matches));
  // The build counted every filter's values; counting them for a search needs every filter's
  // index files, fetched once, after the first results are on screen.
  const totals = archive.totals;
  let filtersLoaded = false;
  const loadFilters = async () => {
    if (!filtersLoaded) await archive.loadFilters();
    filtersLoaded = true;
  };
  const knownMonths = archive.months;
  if (knownMonths.length > 0) {
    from.min = to.min = knownMonths[0]!;
    from.max = to.max = knownMonths.at(-1)!;
  }

  let hits: Hits | null = null;
  let shown = 0;
  let generation = 0;

  // One batch at a time: a second click while a batch loads must not load it twice.
  let loading: { generation: number; done: Promise<void> } | null = null;
  const showMore = (): Promise<void> => {
    if (loading && loading.generation === generation) return loading.done;
    const mine = generation;
    const done: Promise<void> = (async () => {
      const batch = hits ? await hits.slice(shown, BATCH) : [];
      if (mine !== generation) return;
      list.append(...batch.map(renderResult));
      shown += batch.length;
      more.hidden = shown >= (hits?.total ?? 0);
    })().finally(() => {
      if (loading?.done === done) loading = null;
    });
    loading = { generation: mine, done };
    return done;
  };

  const renderFilters = (counts: FilterCounts, all: FilterCounts) => {
    for (const name of FILTER_NAMES) {
      const fieldset = $<HTMLFieldSetElement>(`fieldset[data-filter="${name}"]`, filterPanel);
      const [visible, hidden] = fieldset.querySelectorAll<HTMLUListElement>('.filter-values');
      const details = $<HTMLDetailsElement>('details', fieldset);
      const selected = new Set(state.filters[name]);
      const values = Object.keys(all[name] ?? {})
        .map((value) => ({ value, count: counts[name]?.[value] ?? 0 }))
        .filter(({ value, count }) => count > 0 || selected.has(value))
        .sort(
          (a, b) =>
            Number(selected.has(b.value)) - Number(selected.has(a.value)) ||
            (name === 'year'
              ? b.value.localeCompare(a.value)
              : b.count - a.count || a.value.localeCompare(b.value)),
        );
      const items = values.map(({ value, count }) => {
        const item = element('li');
        const label = element('label');
        const box = element('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        box.checked = selected.has(value);
        label.append(
          box,
          ' ',
          element('bdi', undefined, value),
          ' ',
          element('span', 'count', count.toLocaleString('en')),
        );
        item.append(label);
        return item;
      });
      visible!.replaceChildren(...items.slice(0, VISIBLE_VALUES));
      hidden!.replaceChildren(...items.slice(VISIBLE_VALUES));
      details.hidden = items.length <= VISIBLE_VALUES;
      fieldset.hidden = items.length === 0;
    }
  };

  const run = async () => {
    const mine = ++generation;
    input.value = state.q;
    sort.value = state.sort;
    from.value = state.from;
    to.value = state.to;
    list.replaceChildren();
    more.hidden = true;
    shown = 0;
    if (!hasCriteria(state)) {
      hits = null;
      renderFilters(totals, totals);
      filterPanel.removeAttribute('aria-busy');
      status.textContent =
        'Type words from a headline or a story, or choose a source, place, topic or year.';
      return;
    }
    filterPanel.setAttribute('aria-busy', 'true');
    status.textContent = 'Searching…';
    const countsComplete = filtersLoaded;
    const query = state.q || null;
    const search = await archive.search(query, pagefindOptions(state, knownMonths));
    if (mine !== generation) return;
    hits = search;
    await showMore();
    if (mine !== generation) return;
    status.textContent = describe(state, search.total);

    await loadFilters();
    // Values of one filter are alternatives, so each filter in use counts its values as if
    // it were not set: choosing Trend must not hide Reuters.
    const counts: FilterCounts = {
      ...(countsComplete
        ? search
        : await archive.search(query, pagefindOptions(state, knownMonths))
      ).filters,
    };
    for (const name of FILTER_NAMES) {
      if (state.filters[name].length === 0) continue;
      const without = { ...state, filters: { ...state.filters, [name]: [] } };
      const wider = await archive.search(query, pagefindOptions(without, knownMonths));
      counts[name] = wider.filters[name] ?? {};
    }
    if (mine !== generation) return;
    renderFilters(counts, totals);
    filterPanel.removeAttribute('aria-busy');
  };

  /** Each committed search is a step in the browser's history; typing refines the current step. */
  let typing = false;
  const commit = (next: SearchState, mode: 'push' | 'replace') => {
    state = next;
    const query = serializeSearchState(state);
    const url = `${location.pathname}${query ? `?${query}` : ''}`;
    if (url !== `${location.pathname}${location.search}`)
      history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url);
    void run();
  };
  const stateFromForm = (): SearchState =>
    parseSearchState(
      new URLSearchParams([...new FormData(form)].map(([key, value]) => [key, String(value)])),
    );

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      commit(stateFromForm(), typing ? 'replace' : 'push');
      typing = true;
    }, 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    commit(stateFromForm(), typing ? 'replace' : 'push');
    typing = false;
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    typing = false;
    commit(stateFromForm(), 'push');
  });
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    typing = false;
    state = parseSearchState(location.search);
    void run();
  });

  // A form sent before this script was ready carries empty fields: show the canonical URL.
  const canonical = serializeSearchState(state);
  if (location.search.slice(1) !== canonical)
    history.replaceState(null, '', `${location.pathname}${canonical ? `?${canonical}` : ''}`);
  await run();
  if (!hasCriteria(state)) input.focus();
}
