import { WIRE_AGENCIES } from '../agencies.ts';
import { editDistance, placeFold } from './text.ts';

/**
 * The languages whose month names a dateline's day may be written in. Names come from the
 * runtime's CLDR data (Intl), not a list typed here: `Abr 7` is Spanish, `2 mars` French.
 */
export const DAY_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl'] as const;

interface MonthNames {
  /** Every long and short form, folded: `march`, `mar`, `marzo`, `abr`, `mars`. */
  all: Set<string>;
  /** English forms only: a month alone (`CHICAGO, April`) is taken as a day in English alone. */
  english: Set<string>;
  /** Long forms of four letters or more, for misspellings: `macrh`, `jne`, `juen`. */
  long: string[];
}

function monthNames(): MonthNames {
  const all = new Set<string>(['sept']);
  const english = new Set<string>(['sept']);
  const long = new Set<string>();
  for (const language of DAY_LANGUAGES) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(language, { month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const name = placeFold(format.format(Date.UTC(2001, m, 15))).replace(/ /g, '');
        all.add(name);
        if (language === 'en') english.add(name);
        if (month === 'long' && name.length >= 4) long.add(name);
      }
    }
  }
  return { all, english, long: [...long] };
}

let months: MonthNames | undefined;
const MONTHS = () => (months ??= monthNames());

function isMonthPrefix(letters: string): boolean {
  const { all, long } = MONTHS();
  return all.has(letters) || long.some((name) => name.startsWith(letters));
}

function isWeekday(letters: string): boolean {
  return (weekdays ??= weekdayNames()).has(letters);
}

let weekdays: Set<string> | undefined;
/** `TUE, APR 07`: a weekday is part of the date. */
function weekdayNames(): Set<string> {
  // English only: other languages' short weekdays are two letters (`ma`, `Mo`, `Sa`) that
  // are also states' (`MA.`, `MO.`, `S.A.`).
  const names = new Set<string>();
  for (const weekday of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat('en', { weekday, timeZone: 'UTC' });
    for (let d = 0; d < 7; d++) names.add(placeFold(format.format(Date.UTC(2001, 0, 7 + d))));
  }
  return names;
}

/** A month as the wire types it: exact, a prefix (`Sept`, `Apri`) or, with a day, one slip. */
function isMonth(letters: string, withDay: boolean): boolean {
  const { all, english, long } = MONTHS();
  if (!withDay)
    return (
      english.has(letters) ||
      (letters.length >= 3 && long.some((name) => name.startsWith(letters) && english.has(name)))
    );
  if (all.has(letters)) return true;
  if (letters.length >= 3 && long.some((name) => name.startsWith(letters))) return true;
  return letters.length >= 3 && long.some((name) => editDistance(letters, name, 1) <= 1);
}

/**
 * Whether a part of a dateline is its day: `March 3`, `Nov. 19`, `19 Nov`, `Macrh 31`,
 * `Jne 19`, `Abr 7`, `Apri l7` (space slipped), `March 2O` and `April l` (letters for digits).
 */
export function isDayPart(part: string): boolean {
  const text = placeFold(part).replace(/ /g, '');
  if (!text) return false;
  if (isWeekday(text)) return true;
  // Month then day; `l`, `i` and `o` typed for 1 and 0. A day of three digits is a slip too.
  for (let digits = 1; digits <= 3 && digits < text.length; digits++) {
    const letters = text.slice(0, -digits);
    const day = text.slice(-digits);
    if (!/^[0-9lio]+$/.test(day) || !/^\p{L}+$/u.test(letters)) continue;
    // With a real digit a slip in the month is forgiven; `aprill` must be plainly a month.
    if (/[0-9]/.test(day) ? isMonth(letters, true) : letters.length >= 4 && isMonthPrefix(letters))
      return true;
  }
  const dayFirst = /^([0-9]{1,2})(\p{L}+)$/u.exec(text);
  if (dayFirst) return isMonth(dayFirst[2]!, true);
  return /^\p{L}+$/u.test(text) && isMonth(text, false);
}

/** A whole dateline is a day only with a digit or an English month: `APRIL 7`, not `MAIMI`. */
function isStrongDay(part: string): boolean {
  const text = placeFold(part).replace(/ /g, '');
  return /[0-9]/.test(text) || isMonth(text, false) || isWeekday(text);
}

/** A day number standing alone after a month: the `13` of `April, 13`. */
const DAY_NUMBER = /^[0-9lio]?[0-9]{1,2}$/i;

/** Agencies whose name the wire appends to a dateline: `WASHINGTON, March 12, Reuter`. */
const AGENCY_KEYS = WIRE_AGENCIES.map((name) => placeFold(name));

/** Teletype and wire markers before a dateline: `****PARIS`, `RPT --LUDWIGSHAFEN`, `c    X`. */
const LEADING_NOISE = /^(?:[^\p{L}\p{N}]+|(?:RPT|REPEAT|CORRECTED|REFILE)\b[\s\-–—:]*|\S\s{2,})/iu;

export type NoPlaceReason =
  /** No dateline at all. */
  | 'empty'
  /** Only a day: `MAR8  --`. */
  | 'date-only'
  /** A table line or a figure taken for a dateline: `us   7.8015`, `overnight   4 1/2`. */
  | 'table-row'
  /** Too many words for a place: `Fob Omaha basis and midwest production areas`. */
  | 'not-a-place';

/** A dateline taken apart: the place's name, what qualifies it, and whether a day followed. */
export interface DatelineParts {
  /** `BIRMINGHAM`, as printed. */
  name: string;
  /** `Ala.`, `Turkmenistan`: the parts between the name and the day, as printed. */
  qualifiers: string[];
  /** Whether the dateline ended with a day, as wire datelines do: a line without is weaker. */
  hasDay: boolean;
}

export type SplitDateline =
  { ok: true; parts: DatelineParts } | { ok: false; reason: NoPlaceReason };

/**
 * Takes a dateline apart: `ASHGABAT, Turkmenistan, Nov. 19` → `ASHGABAT` + [`Turkmenistan`];
 * `TAUPO, New Zealand, March 23, Reuter` → `TAUPO` + [`New Zealand`]. `agencies` adds names to
 * drop (the story's own source).
 */
export function splitDateline(
  dateline: string | undefined,
  agencies: string[] = [],
): SplitDateline {
  let text = (dateline ?? '').split(/\r?\n/)[0]!.trim();
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(LEADING_NOISE, '').trim();
  }
  if (!text) return { ok: false, reason: dateline?.trim() ? 'table-row' : 'empty' };
  // Wire datelines sometimes run into the story: `HAMBURG, March 4 - Vereins…`.
  text = text.split(/\s+[-–—]+(?:\s+|$)|\s[-–—]{2,}/)[0]!;
  const parts = text
    .split(/\s*[,،]\s*/)
    .map((part) => part.replace(/^[-–—.\s]+|[-–—\s]+$/g, ''))
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
  const drop = new Set([...AGENCY_KEYS, ...agencies.map((name) => placeFold(name))]);

  let hasDay = false;
  while (parts.length > 0) {
    const last = parts.at(-1)!;
    if (parts.length > 1 && drop.has(placeFold(last))) {
      parts.pop();
    } else if (parts.length > 1 ? isDayPart(last) : isDayPart(last) && isStrongDay(last)) {
      parts.pop();
      hasDay = true;
    } else if (parts.length > 1 && DAY_NUMBER.test(last) && isDayPart(parts.at(-2)!)) {
      parts.pop();
    } else {
      // A day glued to the part before it without a comma: `Okla. March 11`, `Va. Feb 26`.
      const words = last.split(/\s+/);
      let cut = 0;
      for (const size of [3, 2, 1]) {
        if (
          words.length > size &&
          isDayPart(words.slice(-size).join(' ')) &&
          /\d/.test(words.slice(-size).join(''))
        ) {
          cut = size;
          break;
        }
      }
      if (cut === 0) break;
      parts[parts.length - 1] = words.slice(0, -cut).join(' ');
      hasDay = true;
    }
  }
  if (parts.length === 0) return { ok: false, reason: 'date-only' };
  const name = parts[0]!;
  if (/\d/.test(name) || /\S\s{3,}\S/.test(name)) {
    return { ok: false, reason: 'table-row' };
  }
  if (name.split(/\s+/).length > 5) return { ok: false, reason: 'not-a-place' };
  return { ok: true, parts: { name, qualifiers: parts.slice(1), hasDay } };
}
