import { TZDate } from '@date-fns/tz';
// The one function, not the package's index: that loads all of date-fns, a second in every worker
// thread.
import { format } from 'date-fns/format';
import { pad2 } from './text.ts';

/**
 * A story's date as its author wrote it: the calendar date and clock time in the story's own UTC
 * offset.
 */
export interface StoryDate {
  /** Canonical ISO 8601 text: `2019-11-19T17:49:00+04:00`, `…Z`, or `2019-11-19`. */
  iso: string;
  year: number;
  month: number;
  day: number;
  /** Null for a date alone. */
  hour: number | null;
  minute: number | null;
  /** `+04:00`, `-05:30`, `Z`; null for a date alone. */
  offset: string | null;
  /** Milliseconds since the epoch; a date alone counts as its midnight UTC. */
  instant: number;
}

export type DateParse = { ok: true; date: StoryDate } | { ok: false; problem: string; fix: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(Z|z|[+-]\d{2}:?\d{2}))?$/;
const EXAMPLE = '2019-11-19T17:49:00+04:00';

const pad = pad2;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function invalid(
  problem: string,
  fix = `write it as ${EXAMPLE} (date, time and UTC offset) or as 2019-11-19 (a date alone)`,
): DateParse {
  return { ok: false, problem, fix };
}

/**
 * Parses a frontmatter date without losing its offset. YAML's own timestamp type would turn it
 * into a Date at UTC; the offset is part of the story, so dates are read as text.
 */
export function parseStoryDate(input: unknown): DateParse {
  if (input instanceof Date) {
    return invalid(
      'was read as a timestamp, which loses its UTC offset',
      'this is a bug in the frontmatter reader; dates must be read as text',
    );
  }
  if (typeof input !== 'string' && typeof input !== 'number') {
    return invalid(`must be a date, not ${input === null ? 'empty' : typeof input}`);
  }
  const text = String(input).trim();
  const dateOnly = DATE_ONLY.exec(text);
  const dateTime = dateOnly ? null : DATE_TIME.exec(text);
  const parts = dateOnly ?? dateTime;
  if (!parts) return invalid(`"${text}" is not an ISO 8601 date`);

  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return invalid(`"${text}" is not a day of the calendar`);
  }
  if (dateOnly) {
    return {
      ok: true,
      date: {
        iso: `${parts[1]}-${parts[2]}-${parts[3]}`,
        year,
        month,
        day,
        hour: null,
        minute: null,
        offset: null,
        instant: Date.UTC(year, month - 1, day),
      },
    };
  }

  const [hour, minute, second] = [Number(parts[4]), Number(parts[5]), Number(parts[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return invalid(`"${text}" is not a time of day`);
  const rawOffset = parts[7];
  if (!rawOffset) {
    return invalid(
      `"${text}" has a time but no UTC offset`,
      `add the offset the story was filed in, e.g. ` +
        `${parts[1]}-${parts[2]}-${parts[3]}T${parts[4]}:${parts[5]}:${pad(second)}+04:00, or Z ` +
        `for UTC`,
    );
  }
  const offsetMinutes = parseOffset(rawOffset);
  if (offsetMinutes === null) return invalid(`"${text}" has an offset outside UTC−14:00…UTC+14:00`);
  // The sign as written: `-00:00` stays `-00:00`.
  const offset =
    rawOffset.toUpperCase() === 'Z'
      ? 'Z'
      : `${rawOffset[0]}${offsetText(Math.abs(offsetMinutes)).slice(1)}`;
  const instant = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return {
    ok: true,
    date: {
      iso: `${parts[1]}-${parts[2]}-${parts[3]}T${parts[4]}:${parts[5]}:${pad(second)}${offset}`,
      year,
      month,
      day,
      hour,
      minute,
      offset,
      instant,
    },
  };
}

/** Parses a date already validated by the schema; throws on anything else. */
export function storyDate(iso: string): StoryDate {
  const parsed = parseStoryDate(iso);
  if (!parsed.ok) throw new Error(`Invalid story date ${iso}: ${parsed.problem}`);
  return parsed.date;
}

/** `UTC+04:00` as the wire prints it; UTC itself is `UTC+00:00`. */
export function formatOffset(offset: string): string {
  return `UTC${offset === 'Z' ? '+00:00' : offset}`;
}

/**
 * English month names, from date-fns once: formatting thousands of dates must not build a time zone
 * each time.
 */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, i) =>
  format(new TZDate(2000, i, 1, 'UTC'), 'MMMM'),
);

/** `November`, in any case → 11; undefined for anything else. */
export function monthNumber(name: string): number | undefined {
  const index = MONTH_NAMES.findIndex((month) => month.toLowerCase() === name.toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/**
 * `Nov.`, `Sept`, `Novmber` → 11: a month as datelines abbreviate it, by its first three letters.
 */
export function abbreviatedMonth(word: string): number | undefined {
  const start = word.slice(0, 3).toLowerCase();
  const index =
    start.length === 3
      ? MONTH_NAMES.findIndex((month) => month.slice(0, 3).toLowerCase() === start)
      : -1;
  return index < 0 ? undefined : index + 1;
}

/**
 * `+04:00`, `-0530`, `Z` → minutes east of UTC; null for anything that is not an offset within
 * ±14:00.
 */
export function parseOffset(text: string): number | null {
  if (/^z$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!match || Number(match[2]) > 14 || Number(match[3]) > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** `+04:00` for an offset in minutes east of UTC. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `now` as the wall clock reads in the offset, with the offset: `2019-11-19T17:49:00+04:00`. */
export function isoInOffset(now: Date, offsetMinutes: number): string {
  const local = new Date(now.getTime() + offsetMinutes * 60_000);
  const [year, month, day] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00`;
  return `${year}-${pad(month)}-${pad(day)}T${time}${offsetText(offsetMinutes)}`;
}

/**
 * `19 November 2019 17:49 (UTC+04:00)`, or `19 November 2019` for a date alone. The parts
 * come straight from the story's own date, so the build machine's zone never enters.
 */
export function formatStoryDate(date: StoryDate): string {
  const day = formatCalendarDate(date.year, date.month, date.day);
  if (date.offset === null || date.hour === null) return day;
  return `${day} ${pad(date.hour)}:${pad(date.minute ?? 0)} (${formatOffset(date.offset)})`;
}

/**
 * The same text through date-fns and a zone of the story's offset: the reference the fast path is
 * tested against.
 */
export function formatStoryDateWithTimeZone(date: StoryDate): string {
  if (date.offset === null)
    return format(new TZDate(date.year, date.month - 1, date.day, 'UTC'), 'd MMMM yyyy');
  const local = new TZDate(date.instant, date.offset === 'Z' ? '+00:00' : date.offset);
  return `${format(local, 'd MMMM yyyy HH:mm')} (${formatOffset(date.offset)})`;
}

/** `19 November 2019` for a calendar date. */
export function formatCalendarDate(year: number, month: number, day: number): string {
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** `November`. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1]!;
}

/** `11-19`: month and day, as On this day pages are keyed. */
export function monthDayKey(month: number, day: number): string {
  return `${pad(month)}-${pad(day)}`;
}

/** `November 2019`. */
export function formatMonth(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}

/**
 * The UTC instant as a sortable string, used where time order must hold across the whole archive.
 */
export function sortKey(date: StoryDate): string {
  return new Date(date.instant).toISOString();
}
