import { describe, expect, it } from 'vitest';
import { testResolver } from '../../support/places.ts';
import { buildArchive } from '#src/domain/archive.ts';
import type { StoryFields } from '#src/domain/story.ts';
import { buildTaxonomy, placesByCountry } from '#src/domain/taxonomy.ts';
import { relatedStories } from '#src/domain/related.ts';
import { onThisDay, shadeLevel, yearCalendar } from '#src/domain/calendar.ts';

const story = (id: string, date: string, extra: Partial<StoryFields> = {}) => ({
  id,
  data: { title: id, date, source: 'Trend', ...extra },
});

// Places as the build reads them: through the gazetteer.
const resolver = await testResolver();
const archive = buildArchive(
  [
    story('a', '2019-11-19T10:00:00+04:00', {
      author: ['Huseyn Hasanov'],
      dateline: 'ASHGABAT, Turkmenistan',
      topics: ['migration', 'economy'],
    }),
    story('b', '2019-11-19T12:00:00+04:00', {
      author: ['Huseyn Hasanov', 'Leman Zeynalova'],
      dateline: 'TÜRKMENABAT, Turkmenistan',
      topics: ['economy'],
    }),
    story('c', '2019-11-20T09:00:00+04:00', {
      dateline: 'Turkmenabat, Turkmenistan',
      topics: ['Migration'],
      source: 'TREND',
    }),
    story('d', '2018-11-19T09:00:00Z', {
      dateline: 'WASHINGTON, Nov 19',
      source: 'Reuters',
      topics: ['trade'],
    }),
    story('e', '2019-11-21T09:00:00+04:00', { dateline: 'BAKU, Azerbaijan', source: 'AzerNews' }),
    story('f', '2017-02-28', {
      dateline: 'Baku, Azerbaijan',
      source: 'AzerNews',
      topics: ['migration'],
    }),
  ],
  (data) => resolver.resolve(data.dateline, { source: data.source }).place,
);
const ids = (positions: number[]) => positions.map((p) => archive.stories[p]!.id);

describe('buildTaxonomy', () => {
  it('counts every story under its source, and the counts add up to the archive', () => {
    const sources = buildTaxonomy(archive.stories, 'sources');
    expect(sources.map((t) => [t.label, t.slug, t.stories.length])).toEqual([
      ['AzerNews', 'azernews', 2],
      ['Reuters', 'reuters', 1],
      ['Trend', 'trend', 3],
    ]);
    expect(sources.reduce((sum, t) => sum + t.stories.length, 0)).toBe(archive.stories.length);
  });

  it('files a story with two authors under both, newest first', () => {
    const authors = buildTaxonomy(archive.stories, 'authors');
    expect(authors.map((t) => [t.label, ids(t.stories)])).toEqual([
      ['Huseyn Hasanov', ['b', 'a']],
      ['Leman Zeynalova', ['b']],
    ]);
  });

  it('groups places spelt with or without diacritics, showing the fuller spelling', () => {
    const places = buildTaxonomy(archive.stories, 'places');
    expect(places.map((t) => [t.label, t.place?.country, ids(t.stories)])).toEqual([
      ['Ashgabat, Turkmenistan', 'Turkmenistan', ['a']],
      ['Baku, Azerbaijan', 'Azerbaijan', ['e', 'f']],
      ['Türkmenabat, Turkmenistan', 'Turkmenistan', ['c', 'b']],
      // The gazetteer gives a place whose dateline names no country its country.
      ['Washington, D.C., United States', 'United States', ['d']],
    ]);
    expect(placesByCountry(places).map((g) => [g.name, g.places.map((p) => p.slug)])).toEqual([
      ['Azerbaijan', ['baku-azerbaijan']],
      ['Turkmenistan', ['ashgabat-turkmenistan', 'turkmenabat-turkmenistan']],
      ['United States', ['washington-d-c-united-states']],
    ]);
  });

  it('files one place under one key however its datelines spell it', () => {
    const spelt = buildArchive(
      ['WASHINGTON, March 3', 'Washington, D.C., April 1', 'WASINGTON, March 13'].map(
        (dateline, n) => story(`w${n}`, `1987-03-0${n + 1}`, { dateline, source: 'Reuters' }),
      ),
      (data) => resolver.resolve(data.dateline, { source: data.source }).place,
    );
    const places = buildTaxonomy(spelt.stories, 'places');
    expect(places.map((t) => [t.key, t.label, t.stories.length])).toEqual([
      ['geonames:4140963', 'Washington, D.C., United States', 3],
    ]);
  });

  it('never gives a place the slug of the countries’ folder', () => {
    const named = buildArchive(
      [story('x', '2019-01-01', { dateline: 'COUNTRIES, Nowhere' })],
      () => ({
        city: 'Countries',
        country: 'Nowhere',
        countryCode: 'XX',
        label: 'Countries',
        key: 'XX:countries',
        match: 'country',
      }),
    );
    expect(buildTaxonomy(named.stories, 'places').map((t) => t.slug)).toEqual(['countries-2']);
  });

  it('groups topics regardless of case', () => {
    const topics = buildTaxonomy(archive.stories, 'topics');
    expect(topics.map((t) => [t.slug, t.stories.length])).toEqual([
      ['economy', 2],
      ['migration', 3],
      ['trade', 1],
    ]);
  });
});

describe('relatedStories', () => {
  const topics = buildTaxonomy(archive.stories, 'topics');
  const places = buildTaxonomy(archive.stories, 'places');
  const at = (id: string) => archive.position.get(id)!;
  const topicsOf = (id: string) => topics.filter((t) => t.stories.includes(at(id)));
  const placeOf = (id: string) => places.find((t) => t.stories.includes(at(id)));

  it('puts shared topics first, then the same place, then nearness in time', () => {
    // a shares migration and economy with nobody twice; b (economy) and c, f (migration) share one
    // each.
    const related = ids(relatedStories(archive.stories, at('a'), topicsOf('a'), placeOf('a')));
    expect(related.slice(0, 3)).toEqual(['b', 'c', 'f']);
    expect(related).toHaveLength(5);
    expect(related).not.toContain('a');
  });

  it('prefers the same place when no topic is shared', () => {
    expect(ids(relatedStories(archive.stories, at('e'), topicsOf('e'), placeOf('e'), 2))).toEqual([
      'f',
      'c',
    ]);
  });

  it('returns fewer when the archive is small', () => {
    const tiny = buildArchive([story('x', '2019-01-01')]);
    expect(relatedStories(tiny.stories, 0, [], undefined)).toEqual([]);
  });
});

describe('calendar', () => {
  it('lays out every month of the year in weeks from Monday', () => {
    const months = yearCalendar(archive.years.find((y) => y.year === 2019)!);
    expect(months).toHaveLength(12);
    const november = months[10]!;
    expect(november.count).toBe(4);
    // 1 November 2019 was a Friday.
    expect(november.weeks[0]!.map((cell) => cell?.day ?? null)).toEqual([
      null,
      null,
      null,
      null,
      1,
      2,
      3,
    ]);
    const nineteenth = november.weeks.flat().find((c) => c?.day === 19)!;
    expect(nineteenth).toEqual({ day: 19, count: 2, level: 4 });
    expect(november.weeks.flat().find((c) => c?.day === 20)!.level).toBe(1);
    expect(november.weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('shades on a log scale', () => {
    expect([0, 1, 2, 10, 100, 500].map((n) => shadeLevel(n, 500))).toEqual([0, 1, 1, 2, 3, 4]);
    expect(shadeLevel(1, 1)).toBe(4);
  });

  it('collects every calendar day with stories in any year, latest year first', () => {
    const days = onThisDay(archive);
    expect(days.map((d) => d.key)).toEqual(['02-28', '11-19', '11-20', '11-21']);
    const nineteenth = days[1]!;
    expect(nineteenth.years).toEqual([2019, 2018]);
    expect(ids(nineteenth.stories)).toEqual(['a', 'b', 'd']);
  });
});
