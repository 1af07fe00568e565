/**
 * Orders two strings by their UTF-16 code units: the same order on every machine. Anything
 * that decides what a build writes sorts with this, never `localeCompare`, which follows the
 * machine's locale (in Danish, `aarhus` comes after `zurich`).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
