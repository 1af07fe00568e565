/**
 * Orders two strings by their UTF-16 code units: the same order on every machine. Anything
 * that decides what a build writes sorts with this, never `localeCompare`, which follows the
 * machine's locale (in Danish, `aarhus` comes after `zurich`).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `07`: two digits, for months, days, hours and offsets. */
export function pad2(n: number | string): string {
  return String(n).padStart(2, '0');
}

/** `1,204`: a count as the archive prints it, whatever the machine's locale. */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/** `1 story`, `1,204 stories`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** The word alone, as a count would give it: `story` for 1, `stories` otherwise. */
export function plural(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** `1 story`, `1,204 stories`: the count the archive prints most. */
export const stories = (n: number) => count(n, 'story', 'stories');

/** Case and diacritics folded away: the key that groups spelling variants of a name. */
export function foldKey(text: string): string {
  // Most names are ASCII, with no letters to take apart: the same result, without NFKD.
  if (/^[\x20-\x7e]*$/.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıİ]/g, 'i')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
