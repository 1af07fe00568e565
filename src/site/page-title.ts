import archiveIdentity from '#src/archive.config.ts';

/** Search engines and tabs show about 70 characters of a title. */
const MAX = 70;

/**
 * `Headline · Dateline`, the archive's name after the page's own (src/archive.config.ts),
 * dropped, with the headline cut at a word, when it would run long.
 */
export function pageTitle(title: string, name = archiveIdentity.name): string {
  const suffix = ` · ${name}`;
  if (title === name) return title;
  if (title.length + suffix.length <= MAX) return `${title}${suffix}`;
  if (title.length <= MAX) return title;
  const cut = title.slice(0, MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
