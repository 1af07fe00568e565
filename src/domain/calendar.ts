import type { Archive, YearGroup } from './archive.ts';
import { monthDayKey, monthName } from './dates.ts';

export interface CalendarDay {
  day: number;
  count: number;
  /** 0 for no stories, 1–4 from few to the year's busiest days. */
  level: number;
}

export interface CalendarMonth {
  month: number;
  name: string;
  count: number;
  /** Weeks from Monday to Sunday; null pads the days of other months. */
  weeks: (CalendarDay | null)[][];
}

/** Shade by a log scale: wire days range from one story to hundreds. */
export function shadeLevel(count: number, busiest: number): number {
  if (count <= 0) return 0;
  if (busiest <= 1) return 4;
  return Math.min(4, 1 + Math.floor((3.999 * Math.log(count)) / Math.log(busiest)));
}

/** Every month of a year laid out as weeks, each day with its story count and shade. */
export function yearCalendar(year: YearGroup): CalendarMonth[] {
  const counts = new Map<string, number>();
  let busiest = 0;
  for (const month of year.months) {
    for (const day of month.days) {
      counts.set(`${month.month}-${day.day}`, day.stories.length);
      busiest = Math.max(busiest, day.stories.length);
    }
  }
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const length = new Date(Date.UTC(year.year, month, 0)).getUTCDate();
    // getUTCDay: Sunday is 0; the calendar starts its weeks on Monday.
    const lead = (new Date(Date.UTC(year.year, month - 1, 1)).getUTCDay() + 6) % 7;
    const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
    let total = 0;
    for (let day = 1; day <= length; day++) {
      const count = counts.get(`${month}-${day}`) ?? 0;
      total += count;
      cells.push({ day, count, level: shadeLevel(count, busiest) });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    return { month, name: monthName(month), count: total, weeks };
  });
}

export interface AnniversaryDay {
  key: string;
  month: number;
  day: number;
  /** Positions in `Archive.stories`: the latest year first, each year's stories in time order. */
  stories: number[];
  years: number[];
}

/** Every calendar day that has stories in any year, in calendar order (1 January first). */
export function onThisDay(archive: Archive): AnniversaryDay[] {
  const byKey = new Map<string, AnniversaryDay>();
  // Days come oldest first; walking them backwards puts the latest year first.
  for (let i = archive.days.length - 1; i >= 0; i--) {
    const day = archive.days[i]!;
    const key = monthDayKey(day.month, day.day);
    let entry = byKey.get(key);
    if (!entry)
      byKey.set(key, (entry = { key, month: day.month, day: day.day, stories: [], years: [] }));
    entry.years.push(day.year);
    entry.stories.push(...day.stories);
  }
  return [...byKey.values()].sort((a, b) => a.month - b.month || a.day - b.day);
}
