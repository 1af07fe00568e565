/**
 * The search page: Pagefind's JS API in the browser, with the whole search state kept in the URL.
 */
import {
  FILTER_NAMES,
  hasCriteria,
  parseSearchState,
  serializeSearchState,
  type SearchState,
} from '#src/search/state.ts';

import { stories } from '#src/domain/text.ts';
import {
  openArchiveSearch,
  type FilterCounts,
  type Loader,
  type ResultData,
} from './archive-search.ts';

/** Results added by a press of More. */
const BATCH = 10;
/** Results a period's section shows at first: the best of each period, the page kept short. */
const PERIOD_SHOWN = 5;
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
  const heading = element('h3');
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
  item.append(heading, meta);
  if (data.excerpt) {
    const excerpt = element('p', 'summary');
    // Pagefind escapes the page text and adds only <mark> around the matched words.
    excerpt.innerHTML = data.excerpt;
    item.append(excerpt);
  }
  return item;
}

/**
 * Results loaded a batch at a time into a list, only ever appended to. One batch at a time: a
 * second click while a batch loads must not load it twice.
 */
class ResultList {
  readonly #list: HTMLOListElement;
  readonly #sources: { load: Loader; total: number }[] = [];
  #shown = 0;
  #loading: Promise<void> | null = null;
  constructor(list: HTMLOListElement) {
    this.#list = list;
  }
  get available(): number {
    return this.#sources.reduce((sum, source) => sum + source.total, 0);
  }
  get shown(): number {
    return this.#shown;
  }
  add(load: Loader, total: number): void {
    this.#sources.push({ load, total });
  }
  more(count: number, alive: () => boolean): Promise<void> {
    this.#loading ??= (async () => {
      const wanted: Promise<ResultData[]>[] = [];
      let start = 0;
      for (const { load, total } of this.#sources) {
        const from = Math.max(this.#shown - start, 0);
        const upto = Math.min(this.#shown + count - start, total);
        if (upto > from) wanted.push(load(from, upto - from));
        start += total;
      }
      const batch = (await Promise.all(wanted)).flat();
      if (!alive()) return;
      this.#list.append(...batch.map(renderResult));
      this.#shown += batch.length;
    })().finally(() => (this.#loading = null));
    return this.#loading;
  }
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
  const totals = archive.totals;
  const knownMonths = archive.months;
  if (knownMonths.length > 0) {
    from.min = to.min = knownMonths[0]!;
    from.max = to.max = knownMonths.at(-1)!;
  }

  const results = $<HTMLElement>('#search-results');
  const progress = $<HTMLElement>('#search-progress');
  let generation = 0;
  /** The list More adds to, in date order: one list across every period. */
  let dated: ResultList | null = null;

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

  /** A period's own section, below those already shown: its best results and its More. */
  const addSection = (
    id: string,
    label: string,
    load: Loader,
    total: number,
    alive: () => boolean,
  ) => {
    const section = element('section', 'search-period');
    const heading = element('h2', undefined, label);
    heading.id = `results-${id}`;
    section.setAttribute('aria-labelledby', heading.id);
    const count = element('p', 'search-period-count', stories(total));
    const list = element('ol', 'story-list');
    const button = element('button', 'button', `More from ${label}`);
    button.type = 'button';
    const feed = new ResultList(list);
    feed.add(load, total);
    const update = () => (button.hidden = feed.shown >= total);
    button.addEventListener('click', () => void feed.more(BATCH, alive).then(update));
    section.append(heading, ...(id === 'headlines' ? [] : [count]), list, button);
    results.append(section);
    return feed.more(PERIOD_SHOWN, alive).then(update);
  };

  const run = async () => {
    const mine = ++generation;
    const alive = () => mine === generation;
    input.value = state.q;
    sort.value = state.sort;
    from.value = state.from;
    to.value = state.to;
    results.replaceChildren();
    progress.textContent = '';
    more.hidden = true;
    dated = null;
    if (!hasCriteria(state)) {
      renderFilters(totals, totals);
      filterPanel.removeAttribute('aria-busy');
      status.textContent =
        'Type words from a headline or a story, or choose a source, place, topic or year.';
      return;
    }
    filterPanel.setAttribute('aria-busy', 'true');
    status.textContent = 'Searching…';
    // In date order the periods are one list, each continuing the one before.
    if (state.sort !== 'relevance') {
      const section = element('section', 'search-period');
      const heading = element(
        'h2',
        undefined,
        state.sort === 'date' ? 'Newest first' : 'Oldest first',
      );
      heading.id = 'results-dated';
      section.setAttribute('aria-labelledby', heading.id);
      const list = element('ol', 'story-list');
      section.append(heading, list);
      results.append(section);
      dated = new ResultList(list);
    }
    for await (const event of archive.search(state, () => !alive())) {
      if (!alive()) return;
      if (event.kind === 'pending')
        progress.textContent = event.periods ? `Searching ${event.periods}…` : '';
      else if (event.kind === 'failed')
        results.append(
          element('p', 'notice', `The stories of ${event.label} could not be searched.`),
        );
      else if (event.kind === 'section' && event.total > 0) {
        if (!dated) await addSection(event.id, event.label, event.load, event.total, alive);
        else {
          dated.add(event.load, event.total);
          if (dated.shown < BATCH) await dated.more(BATCH - dated.shown, alive);
          more.hidden = dated.shown >= dated.available;
        }
      } else if (event.kind === 'total') {
        // The one announcement a screen reader hears: the search is complete.
        status.textContent = describe(state, event.total);
      } else if (event.kind === 'complete') {
        renderFilters(event.counts, totals);
        filterPanel.removeAttribute('aria-busy');
      }
    }
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
  more.addEventListener('click', () => {
    const list = dated;
    const mine = generation;
    void list
      ?.more(BATCH, () => mine === generation)
      .then(() => (more.hidden = list.shown >= list.available));
  });
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
