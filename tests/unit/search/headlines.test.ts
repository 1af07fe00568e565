import { describe, expect, it } from 'vitest';
import {
  COMMON_WORD_HEADLINES,
  commonWords,
  headlineCoverage,
  headlineKey,
  headlineWords,
  queryShard,
  shardCount,
  shardOf,
} from '#src/search/headlines.ts';

describe('headline shards', () => {
  it('reads the same words from a headline however it is typed', () => {
    expect(headlineWords('Türkmenabat farmers complete cotton harvest')).toEqual([
      'turkmenabat',
      'farmers',
      'complete',
      'cotton',
      'harvest',
    ]);
    expect(headlineWords('OIL PRICES, oil prices!')).toEqual(['oil', 'prices']);
    expect(headlineWords('Переговоры по газу')).toEqual(['переговоры', 'по', 'газу']);
  });

  it('files a headline under one word, whatever the order of the words typed', () => {
    const common = new Set<string>();
    const key = headlineKey(headlineWords('Rail link to Turkmenabat modernised'), common);
    expect(headlineKey(headlineWords('modernised Turkmenabat rail link to'), common)).toBe(key);
    const shards = shardCount(100_000);
    expect(shards).toBe(50);
    expect(queryShard('rail LINK to turkmenabat, modernised', common, shards)).toBe(
      shardOf(key!, shards),
    );
    expect(queryShard(' ... ', common, shards)).toBeUndefined();
  });

  it('passes over common words, unless a headline has no other', () => {
    const words = ['the', 'cocoa', 'review'];
    const key = headlineKey(words, new Set());
    const common = new Set([key!]);
    expect(headlineKey(words, common)).not.toBe(key);
    expect(headlineKey(['the'], new Set(['the']))).toBe('the');
  });

  it('counts as common the words in more headlines than a shard should take', () => {
    const headlines = [
      ...Array.from({ length: COMMON_WORD_HEADLINES + 1 }, (_, i) => ['oil', `w${i}`]),
      ['cocoa'],
    ];
    expect(commonWords(headlines)).toEqual(['oil']);
  });

  it('measures how much of a headline the query makes up', () => {
    expect(headlineCoverage('oil prices', 'Oil prices rise')).toBeCloseTo(2 / 3);
    expect(headlineCoverage('bulletin', 'Busy day bulletin 7')).toBe(0.25);
    expect(headlineCoverage('price', 'Oil prices')).toBe(0.5);
  });
});
