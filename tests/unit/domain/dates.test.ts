import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatStoryDate,
  formatStoryDateWithTimeZone,
  parseStoryDate,
  sortKey,
  storyDate,
} from '#src/domain/dates.ts';

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe('parseStoryDate', () => {
  it('keeps the offset the story was filed in', () => {
    const date = storyDate('2019-11-19T17:49:00+04:00');
    expect(date).toMatchObject({
      year: 2019,
      month: 11,
      day: 19,
      hour: 17,
      minute: 49,
      offset: '+04:00',
    });
    expect(new Date(date.instant).toISOString()).toBe('2019-11-19T13:49:00.000Z');
  });

  it('accepts Z, negative and half-hour offsets, and normalises the text', () => {
    expect(storyDate('2019-11-19T17:49Z').iso).toBe('2019-11-19T17:49:00Z');
    expect(storyDate('2019-11-19T17:49:30-0530').iso).toBe('2019-11-19T17:49:30-05:30');
    expect(storyDate('2019-11-19 17:49:00+04:00').iso).toBe('2019-11-19T17:49:00+04:00');
  });

  it('accepts a date alone', () => {
    const date = storyDate('2019-11-19');
    expect(date).toMatchObject({ iso: '2019-11-19', hour: null, offset: null });
  });

  it('refuses a date-time without an offset and says to add one', () => {
    const parsed = parseStoryDate('2019-11-19T17:49:00');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem).toMatch(/no UTC offset/);
    expect(parsed.fix).toMatch(/add the offset/);
    expect(parsed.fix).toContain('2019-11-19T17:49:00+04:00');
  });

  it.each([
    ['2019-02-30', /not a day of the calendar/],
    ['2019-13-01', /not a day of the calendar/],
    ['2019-11-19T24:00:00Z', /not a time of day/],
    ['2019-11-19T10:00:00+15:00', /offset outside/],
    ['19 November 2019', /not an ISO 8601 date/],
    ['', /not an ISO 8601 date/],
  ])('refuses %s', (text, problem) => {
    const parsed = parseStoryDate(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('refuses a value that YAML has already turned into a Date, since the offset is gone', () => {
    expect(parseStoryDate(new Date('2019-11-19T13:49:00Z')).ok).toBe(false);
  });
});

describe('formatStoryDate', () => {
  it('prints the time exactly as the wire copy does', () => {
    expect(formatStoryDate(storyDate('2019-11-19T17:49:00+04:00'))).toBe(
      '19 November 2019 17:49 (UTC+04:00)',
    );
    expect(formatStoryDate(storyDate('2019-11-19T23:30:00Z'))).toBe(
      '19 November 2019 23:30 (UTC+00:00)',
    );
    expect(formatStoryDate(storyDate('2019-11-19T08:05:00-05:30'))).toBe(
      '19 November 2019 08:05 (UTC-05:30)',
    );
  });

  it('agrees with date-fns in a zone of the story’s offset, for every kind of date', () => {
    const samples = [
      '2019-11-19T17:49:00+04:00',
      '2019-12-31T23:59:00-12:00',
      '2020-02-29T00:00:00+14:00',
      '1987-03-03T09:15:05Z',
      '2024-07-01T05:30:00+05:30',
      '2019-11-19',
      '2000-01-01',
    ];
    for (let day = 0; day < 400; day += 7)
      samples.push(
        new Date(Date.UTC(2023, 0, 1 + day, day % 24, (day * 7) % 60)).toISOString().slice(0, 16) +
          (day % 2 ? '+03:00' : '-07:00'),
      );
    for (const text of samples)
      expect(formatStoryDate(storyDate(text)), text).toBe(
        formatStoryDateWithTimeZone(storyDate(text)),
      );
  });

  it('prints a date alone without a time', () => {
    expect(formatStoryDate(storyDate('2019-11-19'))).toBe('19 November 2019');
    expect(formatCalendarDate(2020, 1, 1)).toBe('1 January 2020');
  });

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ashgabat'])(
    'gives the same text and calendar date with TZ=%s',
    (zone) => {
      process.env.TZ = zone;
      const late = storyDate('2020-01-01T00:05:00+05:00');
      expect(formatStoryDate(late)).toBe('1 January 2020 00:05 (UTC+05:00)');
      expect([late.year, late.month, late.day]).toEqual([2020, 1, 1]);
      expect(formatStoryDate(storyDate('2019-11-19T17:49:00+04:00'))).toBe(
        '19 November 2019 17:49 (UTC+04:00)',
      );
      expect(formatCalendarDate(2019, 11, 19)).toBe('19 November 2019');
      expect(sortKey(storyDate('2019-11-19T17:49:00+04:00'))).toBe('2019-11-19T13:49:00.000Z');
    },
  );
});
