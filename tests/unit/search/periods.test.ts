import { describe, expect, it } from 'vitest';
import {
  partsToSearch,
  pendingPeriods,
  periodLabel,
  searchesHeadlines,
} from '#src/search/periods.ts';
import { allowedMonths, emptyState, type SearchState } from '#src/search/state.ts';

const part = (id: string, from: string, to: string, months: string[]) => ({
  id,
  from,
  to,
  months,
});
// Newest first, as the manifest lists them.
const parts = [
  part('2019-12', '2019-12-01', '2019-12-31', ['2019-12', '2020-01']),
  part('2018-to-2019', '2018-01-01', '2019-11-30', ['2018-05', '2019-11']),
  part('2010-to-2017', '2010-01-01', '2017-12-31', ['2010-01', '2017-12']),
  part('1987-03-03', '1987-03-03', '1987-03-03', ['1987-03']),
];
const state = (change: Partial<SearchState>): SearchState => ({ ...emptyState(), ...change });

describe('periods of the index', () => {
  it('names a period by its years, months or days', () => {
    expect(periodLabel('2019-01-01', '2019-12-31')).toBe('2019');
    expect(periodLabel('2010-01-01', '2017-12-31')).toBe('2010–2017');
    expect(periodLabel('1987-03-01', '1987-03-31')).toBe('March 1987');
    expect(periodLabel('1987-03-01', '1987-04-30')).toBe('March–April 1987');
    expect(periodLabel('1987-03-03', '1987-03-03')).toBe('3 March 1987');
    expect(periodLabel('1987-03-01', '1987-03-11')).toBe('1–11 March 1987');
    expect(periodLabel('1987-03-30', '1987-04-02')).toBe('30 March – 2 April 1987');
    expect(periodLabel('2019-02-01', '2019-02-28')).toBe('February 2019');
  });

  it('searches every part newest first, oldest first for oldest', () => {
    expect(partsToSearch(state({ q: 'oil' }), parts).map((p) => p.id)).toEqual([
      '2019-12',
      '2018-to-2019',
      '2010-to-2017',
      '1987-03-03',
    ]);
    expect(partsToSearch(state({ q: 'oil', sort: 'oldest' }), parts).map((p) => p.id)).toEqual([
      '1987-03-03',
      '2010-to-2017',
      '2018-to-2019',
      '2019-12',
    ]);
  });

  it('searches only the parts a range or a year touches, by the months they hold', () => {
    const ids = (change: Partial<SearchState>) =>
      partsToSearch(state(change), parts).map((p) => p.id);
    expect(ids({ from: '2020-01' })).toEqual(['2019-12']);
    expect(ids({ from: '1987-01', to: '1987-12' })).toEqual(['1987-03-03']);
    expect(ids({ filters: { ...emptyState().filters, year: ['2018'] } })).toEqual(['2018-to-2019']);
    expect(ids({ from: '1990-01', to: '1990-12' })).toEqual([]);
    expect(allowedMonths(state({}), ['2019-12'])).toBeUndefined();
  });

  it('searches only the parts holding a chosen value, once it knows which hold it', () => {
    const holding = { source: { Trend: [0, 2], AzerNews: [3] }, topic: { oil: [2, 3] } };
    const ids = (filters: Partial<SearchState['filters']>) =>
      partsToSearch(
        state({ filters: { ...emptyState().filters, ...filters } }),
        parts,
        holding,
      ).map((p) => p.id);
    expect(ids({ source: ['Trend'] })).toEqual(['2019-12', '2010-to-2017']);
    expect(ids({ source: ['Trend', 'AzerNews'] })).toEqual([
      '2019-12',
      '2010-to-2017',
      '1987-03-03',
    ]);
    // Different filters must all hold.
    expect(ids({ source: ['Trend'], topic: ['oil'] })).toEqual(['2010-to-2017']);
    expect(ids({ source: ['Nobody'] })).toEqual([]);
    expect(ids({})).toHaveLength(4);
  });

  it('names the periods still to search, runs of neighbours as one', () => {
    expect(pendingPeriods(parts, parts)).toBe('1987–2019');
    expect(pendingPeriods([parts[0]!, parts[2]!, parts[3]!], parts)).toBe(
      'December 2019 and 1987–2017',
    );
    expect(pendingPeriods([parts[1]!, parts[3]!], parts)).toBe('2018–2019 and 3 March 1987');
    expect(pendingPeriods([], parts)).toBe('');
  });

  it('lists headlines first only for words in best-match order, nothing else chosen', () => {
    expect(searchesHeadlines(state({ q: 'oil prices' }))).toBe(true);
    expect(searchesHeadlines(state({ q: 'oil prices', sort: 'date' }))).toBe(false);
    expect(searchesHeadlines(state({ q: 'oil prices', from: '2019-01' }))).toBe(false);
    expect(
      searchesHeadlines(
        state({ q: 'oil', filters: { ...emptyState().filters, source: ['Trend'] } }),
      ),
    ).toBe(false);
    expect(searchesHeadlines(state({ q: '  ' }))).toBe(false);
  });
});
