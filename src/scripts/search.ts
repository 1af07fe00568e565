/** The search page: runs Pagefind in the browser from the index written at build time. */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string, options?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
}

const BATCH = 10;
const INDEX_URL = '/pagefind/pagefind.js';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = element('li');
  const heading = element('h2');
  const link = element('a', undefined, data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  const meta = element('p', 'meta', [data.meta.dateline, data.meta.date, data.meta.source].filter(Boolean).join(' · '));
  const excerpt = element('p', 'summary');
  // Pagefind escapes the page text and adds only <mark> around matched words.
  excerpt.innerHTML = data.excerpt;
  item.append(heading, meta, excerpt);
  return item;
}

async function loadPagefind(): Promise<Pagefind | null> {
  try {
    const url = INDEX_URL;
    return (await import(/* @vite-ignore */ url)) as Pagefind;
  } catch {
    return null;
  }
}

export async function startSearch(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search-query')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = query;

  const pagefind = await loadPagefind();
  if (!pagefind) {
    status.textContent = 'The search index is missing. It is built by "npm run build"; run "npm start" to build the archive and serve it with search.';
    return;
  }
  if (!query) {
    status.textContent = 'Type words from a headline or a story and press Enter.';
    input.focus();
    return;
  }

  status.textContent = 'Searching…';
  const search = await pagefind.search(query);
  const results = search?.results ?? [];
  let shown = 0;
  const showMore = async () => {
    const batch = await Promise.all(results.slice(shown, shown + BATCH).map((result) => result.data()));
    list.append(...batch.map(renderResult));
    shown += batch.length;
    more.hidden = shown >= results.length;
  };
  more.addEventListener('click', () => void showMore());
  await showMore();
  status.textContent =
    results.length === 0 ? `No stories match “${query}”.` : `${results.length.toLocaleString('en')} ${results.length === 1 ? 'story matches' : 'stories match'} “${query}”.`;
}
