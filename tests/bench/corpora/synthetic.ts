import type { ReutersRecord } from './reuters.ts';

/** A small seeded generator (mulberry32), so every run makes the same corpus. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.UTC(2010, 0, 1);
const YEARS = 15;
const SPAN = Date.UTC(2010 + YEARS, 0, 1) - START;

/**
 * The `index`-th story of a synthetic archive made from real ones: a copy of a Reuters story,
 * re-dated into 2010–2024 (spread evenly, with seeded jitter) and re-titled so that headlines
 * and URLs stay unique.
 */
export function syntheticStory(
  source: ReutersRecord[],
  index: number,
  total: number,
  random: () => number,
): ReutersRecord {
  const original = source[index % source.length]!;
  const slot = SPAN / total;
  const when = START + Math.floor(index * slot + random() * slot);
  return {
    ...original,
    id: 100_000 + index,
    date: new Date(when).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    title: `${original.title} (${Math.floor(index / source.length) + 1})`,
  };
}

/** The synthetic archive of `count` stories that the benches build: always the same seed. */
export function* syntheticStories(
  source: ReutersRecord[],
  count: number,
): Generator<ReutersRecord> {
  const random = seededRandom(1987);
  for (let i = 0; i < count; i++) yield syntheticStory(source, i, count, random);
}
