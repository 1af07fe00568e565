/**
 * The only script on every page, a few hundred bytes: "/" jumps to the search box, and a story
 * reached from a search result has the searched words marked. The highlighter itself is only
 * fetched when the URL asks for it.
 */

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable]')) return;
  // The search page's own box first, else the one in the header.
  const box = document.querySelector<HTMLInputElement>('#search-query') ?? document.querySelector<HTMLInputElement>('#site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

if (new URLSearchParams(location.search).has('highlight') && document.querySelector('[data-pagefind-body]')) {
  const url = '/pagefind/pagefind-highlight.js';
  void import(/* @vite-ignore */ url).then(({ default: Highlight }) => new Highlight({ highlightParam: 'highlight', addStyles: false }));
}
