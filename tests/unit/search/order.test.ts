import { describe, expect, it } from 'vitest';
import { formatStoryDate, parseStoryDate } from '#src/domain/dates.ts';
import { mergeByDate, storyInstant } from '#src/search/order.ts';

describe('date order across languages', () => {
  it('reads the instant back from the date a story shows', () => {
    expect(storyInstant('1 January 2020 00:05 (UTC+05:00)')).toBe(Date.UTC(2019, 11, 31, 19, 5));
    expect(storyInstant('31 December 2019 23:30 (UTC+00:00)')).toBe(Date.UTC(2019, 11, 31, 23, 30));
    expect(storyInstant('19 November 2019 16:30 (UTC-05:00)')).toBe(Date.UTC(2019, 10, 19, 21, 30));
    expect(storyInstant('23 November 2019')).toBe(Date.UTC(2019, 10, 23));
    expect(storyInstant('yesterday')).toBeNaN();
    for (const text of ['2019-11-19T17:49:00+04:00', '1987-03-03T10:10:00Z', '2019-11-23']) {
      const parsed = parseStoryDate(text);
      if (!parsed.ok) throw new Error(parsed.problem);
      expect(storyInstant(formatStoryDate(parsed.date))).toBe(
        new Date(parsed.date.instant).getTime(),
      );
    }
  });

  it('merges lists in date order, asking only for the heads it compares', async () => {
    const asked: number[] = [];
    const key = (n: number) => (asked.push(n), Promise.resolve(n));
    const take = mergeByDate(
      [
        [9, 5, 1],
        [8, 7, 2],
      ],
      key,
      true,
    );
    await expect(take(3)).resolves.toEqual([9, 8, 7]);
    expect(asked).not.toContain(1);
    await expect(take(10)).resolves.toEqual([9, 8, 7, 5, 2, 1]);
    const oldest = mergeByDate(
      [
        [1, 5],
        [2, 3],
      ],
      key,
      false,
    );
    await expect(oldest(4)).resolves.toEqual([1, 2, 3, 5]);
  });
});
