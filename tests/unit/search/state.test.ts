import { describe, expect, it } from 'vitest';
import {
  emptyState,
  hasCriteria,
  pagefindOptions,
  parseSearchState,
  serializeSearchState,
  withDerivedCounts,
} from '#src/search/state.ts';

describe('search state in the URL', () => {
  it('reads query, filters, order and range', () => {
    const state = parseSearchState(
      '?q=migration&source=Trend&source=Reuters&year=2019&sort=date&from=2019-01&to=2019-12' +
        '&country=United+States',
    );
    expect(state).toEqual({
      q: 'migration',
      filters: {
        source: ['Trend', 'Reuters'],
        author: [],
        place: [],
        country: ['United States'],
        topic: [],
        year: ['2019'],
      },
      sort: 'date',
      from: '2019-01',
      to: '2019-12',
    });
  });

  it('ignores what it does not understand and swaps a reversed range', () => {
    expect(parseSearchState('?sort=sideways&from=2019-13&to=nope&colour=red')).toEqual(
      emptyState(),
    );
    expect(parseSearchState('?from=2020-02&to=2019-11')).toMatchObject({
      from: '2019-11',
      to: '2020-02',
    });
  });

  it('writes one canonical URL for one state, and reads it back', () => {
    const text = serializeSearchState(
      parseSearchState('?source=Trend&q=oil+prices&source=AzerNews&sort=relevance'),
    );
    expect(text).toBe('q=oil+prices&source=AzerNews&source=Trend');
    expect(serializeSearchState(parseSearchState(text))).toBe(text);
    expect(hasCriteria(parseSearchState(''))).toBe(false);
    expect(hasCriteria(parseSearchState('?topic=oil'))).toBe(true);
  });
});

describe('Pagefind options', () => {
  const months = ['2019-10', '2019-11', '2019-12', '2020-01'];

  it('makes values of one filter alternatives and sorts by the exact time of filing', () => {
    expect(
      pagefindOptions(parseSearchState('?source=Trend&source=Reuters&topic=oil&sort=date'), months),
    ).toEqual({
      filters: { source: { any: ['Trend', 'Reuters'] }, topic: { any: ['oil'] } },
      sort: { published: 'desc' },
    });
    expect(pagefindOptions(parseSearchState('?sort=oldest'), months)).toEqual({
      filters: {},
      sort: { published: 'asc' },
    });
  });

  it('turns a date range into the months it covers', () => {
    expect(pagefindOptions(parseSearchState('?from=2019-11&to=2019-12'), months).filters).toEqual({
      month: { any: ['2019-11', '2019-12'] },
    });
    expect(pagefindOptions(parseSearchState('?from=2019-12'), months).filters).toEqual({
      month: { any: ['2019-12', '2020-01'] },
    });
    expect(pagefindOptions(parseSearchState('?to=2018-01'), months).filters).toEqual({
      month: { any: ['none'] },
    });
  });

  it('chooses a year by its months, within a range, since the index holds no year', () => {
    expect(pagefindOptions(parseSearchState('?year=2019&topic=oil'), months).filters).toEqual({
      topic: { any: ['oil'] },
      month: { any: ['2019-10', '2019-11', '2019-12'] },
    });
    expect(
      pagefindOptions(parseSearchState('?year=2019&year=2020&from=2019-12'), months).filters,
    ).toEqual({ month: { any: ['2019-12', '2020-01'] } });
    expect(pagefindOptions(parseSearchState('?year=1990'), months).filters).toEqual({
      month: { any: ['none'] },
    });
  });

  it('chooses a country by its places, since the index holds no country', () => {
    const places = new Map([
      ['Turkmenistan', ['Ashgabat, Turkmenistan', 'Mary, Turkmenistan']],
      ['Azerbaijan', ['Baku, Azerbaijan']],
    ]);
    expect(
      pagefindOptions(parseSearchState('?country=Turkmenistan&topic=oil'), months, places).filters,
    ).toEqual({
      topic: { any: ['oil'] },
      place: { any: ['Ashgabat, Turkmenistan', 'Mary, Turkmenistan'] },
    });
    expect(
      pagefindOptions(
        parseSearchState('?country=Turkmenistan&country=Azerbaijan'),
        months,
        places,
      ).filters.place?.any.sort(),
    ).toEqual(['Ashgabat, Turkmenistan', 'Baku, Azerbaijan', 'Mary, Turkmenistan']);
    // A story has one place: a place and a country chosen together are the place if it is in
    // the country, and nothing if it is not.
    expect(
      pagefindOptions(
        parseSearchState('?country=Turkmenistan&place=Mary,+Turkmenistan&place=Baku,+Azerbaijan'),
        months,
        places,
      ).filters,
    ).toEqual({ place: { any: ['Mary, Turkmenistan'] } });
    expect(
      pagefindOptions(
        parseSearchState('?country=Turkmenistan&place=Baku,+Azerbaijan'),
        months,
        places,
      ).filters,
    ).toEqual({ place: { any: ['none'] } });
    expect(pagefindOptions(parseSearchState('?country=Atlantis'), months, places).filters).toEqual({
      place: { any: ['none'] },
    });
  });

  it('counts each year from its months, and each country from its places', () => {
    const counts = { source: { Trend: 5 }, month: { '2019-11': 2, '2019-12': 3, '2020-01': 1 } };
    expect(withDerivedCounts(counts)).toEqual({ ...counts, year: { '2019': 5, '2020': 1 } });
    expect(withDerivedCounts({ source: { Trend: 5 } })).toEqual({ source: { Trend: 5 } });
    const countryOf = new Map([
      ['Ashgabat, Turkmenistan', 'Turkmenistan'],
      ['Mary, Turkmenistan', 'Turkmenistan'],
      ['Baku, Azerbaijan', 'Azerbaijan'],
    ]);
    const placed = {
      place: { 'Ashgabat, Turkmenistan': 4, 'Mary, Turkmenistan': 1, 'Baku, Azerbaijan': 0 },
    };
    expect(withDerivedCounts(placed, countryOf)).toEqual({
      ...placed,
      country: { Turkmenistan: 5, Azerbaijan: 0 },
    });
    // Without the places' countries, no country is counted.
    expect(withDerivedCounts(placed)).toEqual(placed);
  });
});
