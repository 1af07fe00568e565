/** Search engines and tabs show about 70 characters of a title. */
const MAX = 70;
const SUFFIX = ' · Dateline';

/**
 * `Headline · Dateline`, the site name dropped and the headline cut at a word when it would run
 * long.
 */
export function pageTitle(title: string): string {
  if (title === 'Dateline') return title;
  if (title.length + SUFFIX.length <= MAX) return `${title}${SUFFIX}`;
  if (title.length <= MAX) return title;
  const cut = title.slice(0, MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
