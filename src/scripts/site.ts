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
  const box =
    document.querySelector<HTMLInputElement>('#search-query') ??
    document.querySelector<HTMLInputElement>('#site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

if (
  new URLSearchParams(location.search).has('highlight') &&
  document.querySelector('[data-pagefind-body]')
) {
  // Written out, not from src/domain/urls.ts: this script is inlined into every page, and
  // importing a module would make it a file of its own, one more request per page. Vite writes
  // the base in.
  const url = `${import.meta.env.BASE_URL}pagefind/pagefind-highlight.js`;
  void import(/* @vite-ignore */ url).then(
    ({ default: Highlight }) => new Highlight({ highlightParam: 'highlight', addStyles: false }),
  );
}

/** The theme toggle: flips between light and dark and remembers the reader's choice. */
const toggle = document.querySelector<HTMLButtonElement>('#theme-toggle');
if (toggle) {
  const root = document.documentElement;
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : systemDark.matches);
  const show = () => {
    toggle.setAttribute('aria-pressed', String(isDark()));
    toggle.lastChild!.textContent = 'Dark theme';
  };
  toggle.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    root.dataset.theme = theme;
    try {
      localStorage.setItem('dateline-theme', theme);
    } catch {
      // Private browsing may forbid storage: the choice then lasts for this page.
    }
    show();
  });
  systemDark.addEventListener('change', show);
  show();
}
