import { describe, expect, it } from 'vitest';
import { buildArchive, neighbours } from '#src/domain/archive.ts';
import type { StoryFields } from '#src/domain/story.ts';
import { pageCount, pageRoutes, pageSlice } from '#src/domain/paginate.ts';
import { keyedRoutes, viewKey } from '#src/site/cache-key.ts';
import { buildRecord } from '#src/util/build-record.ts';
import { textDirection } from '#src/domain/language.ts';

const story = (date: string, title = date): StoryFields => ({ title, date, source: 'Trend' });

describe('buildArchive', () => {
  const archive = buildArchive([
    { id: 'c', data: story('2020-01-01T00:05:00+05:00') }, // 2019-12-31T19:05Z
    { id: 'a', data: story('2019-11-19T17:49:00+04:00') },
    { id: 'd', data: story('2019-12-31T23:30:00Z') },
    { id: 'b', data: story('2019-11-19') },
    { id: 'e', data: story('2019-11-19T17:49:00+04:00') },
  ]);

  it('orders stories by the instant they were filed, ties by id', () => {
    expect(archive.stories.map((s) => s.id)).toEqual(['b', 'a', 'e', 'c', 'd']);
  });

  it('groups stories by the calendar date in their own offset', () => {
    expect(archive.years.map((y) => [y.year, y.count])).toEqual([
      [2019, 4],
      [2020, 1],
    ]);
    expect(
      archive.days.map(
        (d) =>
          `${d.year}-${d.month}-${d.day}:${d.stories.map((i) => archive.stories[i]!.id).join('')}`,
      ),
    ).toEqual(['2019-11-19:bae', '2019-12-31:d', '2020-1-1:c']);
    expect(archive.months.map((m) => m.count)).toEqual([3, 1, 1]);
  });

  it('finds the stories before and after in time', () => {
    expect(neighbours(archive, 'a')).toMatchObject({ previous: { id: 'b' }, next: { id: 'e' } });
    expect(neighbours(archive, 'b').previous).toBeUndefined();
    expect(neighbours(archive, 'd').next).toBeUndefined();
  });

  it('prepares what listings show', () => {
    const first = archive.stories[1]!;
    expect(first).toMatchObject({
      url: '/2019/11/19/a/',
      dateText: '19 November 2019 17:49 (UTC+04:00)',
      authors: [],
      topics: [],
      lang: 'en',
    });
  });
});

describe('pagination', () => {
  it('splits listings into pages with page 1 at the listing’s own URL', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(51, 25)).toBe(3);
    expect(pageSlice([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4]);
    expect(pageRoutes({ year: '2019' }, 3, { index: 7 }, 2)).toEqual([
      { params: { year: '2019', page: undefined }, props: { index: 7, page: 1 } },
      { params: { year: '2019', page: 'page/2' }, props: { index: 7, page: 2 } },
    ]);
  });

  it('gives each page its incremental-build key: a hash of the view it renders', () => {
    const view = (props: { page: number }) => ({
      path: `/list/page/${props.page}/`,
      shown: props.page === 1 ? ['a', 'b'] : ['c'],
    });
    const paths = keyedRoutes(pageRoutes({}, 3, {}, 2), view);
    expect(paths.map((path) => path.cacheKey)).toEqual([
      viewKey(view({ page: 1 })),
      viewKey(view({ page: 2 })),
    ]);
    expect(paths[0]!.cacheKey).not.toBe(paths[1]!.cacheKey);
    expect(buildRecord().keys['/list/page/2/']).toBe(paths[1]!.cacheKey);
  });
});

describe('textDirection', () => {
  it('is right to left for Arabic script', () => {
    expect(['ar', 'fa', 'tk-Arab', 'ur', 'he'].map(textDirection)).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'rtl',
    ]);
    expect(['en', 'ru', 'tk', 'az-Latn', 'az-Cyrl', 'ar-Latn'].map(textDirection)).toEqual([
      'ltr',
      'ltr',
      'ltr',
      'ltr',
      'ltr',
      'ltr',
    ]);
  });
});

describe('pageTitle', () => {
  it('keeps titles within 70 characters', async () => {
    const { pageTitle } = await import('#src/site/page-title.ts');
    expect(pageTitle('Dateline')).toBe('Dateline');
    expect(pageTitle('2019')).toBe('2019 · Dateline');
    expect(pageTitle('Turkmenistan developing co-op with Int’l Organization for Migration')).toBe(
      'Turkmenistan developing co-op with Int’l Organization for Migration',
    );
    const long = pageTitle(
      'A very long headline that goes on and on about the many things that happened at the summit',
    );
    expect(long.length).toBeLessThanOrEqual(70);
    expect(long).toBe('A very long headline that goes on and on about the many things that…');
  });
});
