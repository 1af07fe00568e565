/**
 * The headline index: every story's headline is also a record in one small Pagefind bundle, a
 * shard, chosen by one word of the headline (`headlineKey`). A reader who types a story's exact
 * headline types the same words, so the search page computes the same shard and fetches that
 * one bundle, of about `HEADLINES_PER_SHARD` headlines however big the archive: the best match
 * arrives first and at a cost that does not grow with the archive. Shared by the build
 * (build/headlines.ts) and the search page, so that the two always agree.
 */

/** About this many headlines are in one shard. */
export const HEADLINES_PER_SHARD = 2_000;
/**
 * A word in more headlines than this is too common to choose a shard by: all its headlines would
 * crowd into one shard. The build lists such words in the manifest, and both sides pass them over.
 */
export const COMMON_WORD_HEADLINES = HEADLINES_PER_SHARD / 4;
/** At most this many common words are listed, so that the list stays small on any archive. */
export const MAX_COMMON_WORDS = 2_000;

/**
 * The words of a headline or a query, as both sides compare them: Unicode letters and digits,
 * lowercased, without diacritics, each once, in order. It only has to give the same words for the
 * same text.
 */
export function headlineWords(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(words)];
}

/** FNV-1a, 32 bits, over UTF-16 code units: small, and the same in every engine. */
export function wordHash(word: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const SHARD_SEED = 0x9e3779b9;

/**
 * The word a headline is filed under: of its words that are not common, the one with the
 * smallest hash (a min-hash: any text with the same words picks the same word, whatever their
 * order). A headline of common words only is filed under the smallest-hash word of them all.
 */
export function headlineKey(
  words: readonly string[],
  common: ReadonlySet<string>,
): string | undefined {
  const smallest = (list: readonly string[]) =>
    list.reduce<string | undefined>((best, word) => {
      if (best === undefined) return word;
      const [a, b] = [wordHash(word), wordHash(best)];
      return a < b || (a === b && word < best) ? word : best;
    }, undefined);
  return smallest(words.filter((word) => !common.has(word))) ?? smallest(words);
}

/** The shard a key word's headlines are in. */
export function shardOf(key: string, shards: number): number {
  return wordHash(key, SHARD_SEED) % shards;
}

/** How many shards an archive of `stories` stories has. */
export function shardCount(stories: number): number {
  return Math.max(1, Math.ceil(stories / HEADLINES_PER_SHARD));
}

/**
 * The words too common to file headlines under: those in more than `COMMON_WORD_HEADLINES`
 * headlines, most common first, ties in code-unit order, at most `MAX_COMMON_WORDS`.
 */
export function commonWords(headlines: Iterable<readonly string[]>): string[] {
  const counts = new Map<string, number>();
  for (const words of headlines)
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count > COMMON_WORD_HEADLINES)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_COMMON_WORDS)
    .map(([word]) => word);
}

/** The shard to search for a query, or undefined for a query without words. */
export function queryShard(
  query: string,
  common: ReadonlySet<string>,
  shards: number,
): number | undefined {
  const key = headlineKey(headlineWords(query), common);
  return key === undefined ? undefined : shardOf(key, shards);
}

/**
 * How much of a headline a query's words make up, 0 to 1: `oil prices` is two thirds of
 * `Oil prices rise`. A word counts when one is the start of the other (`price`, `prices`).
 */
export function headlineCoverage(query: string, title: string): number {
  const queryWords = headlineWords(query);
  const titleWords = headlineWords(title);
  if (titleWords.length === 0) return 0;
  const covered = titleWords.filter((word) =>
    queryWords.some((typed) => word.startsWith(typed) || typed.startsWith(word)),
  ).length;
  return covered / titleWords.length;
}
