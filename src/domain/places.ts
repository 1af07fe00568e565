import { MONTH_NAMES } from './dates.ts';
import { foldKey } from './text.ts';

/** Where a story was filed, read from its dateline. */
export interface Place {
  /** `Ashgabat`: the city in normal case. */
  city: string;
  /** `Turkmenistan`, as the dateline gives it; absent in Reuters-style datelines. */
  country?: string;
  /** `Ashgabat, Turkmenistan`. */
  label: string;
  /** Spellings that differ only in case or diacritics share this key. */
  key: string;
}

const ABBREVIATIONS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());
const MONTH = `(?:${ABBREVIATIONS.join('|')}|sept)[a-z]*\\.?`;
/** The day part Reuters and Trend add to a dateline: `March 3`, `Nov. 19`, `19 Nov`. */
const DAY = `(?:${MONTH}\\s*\\d{1,2}|\\d{1,2}\\s+${MONTH})`;
const DAY_PART = new RegExp(`^${DAY}$`, 'i');
/** A day glued to the part before it without a comma: `Va. Feb 26`. */
const TRAILING_DAY = new RegExp(`\\s+${DAY}$`, 'i');
const LOWER_WORDS = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'les',
  'of',
  'on',
  'upon',
  'am',
  'im',
  'an',
  'der',
  'den',
  'van',
  'von',
  'y',
  'e',
  'es',
  'el',
]);

function hasLowerCase(text: string): boolean {
  return text !== text.toUpperCase();
}

/** `NEW YORK` → `New York`, `RIO DE JANEIRO` → `Rio de Janeiro`, `TÜRKMENABAT` → `Türkmenabat`. */
export function normalCase(text: string): string {
  if (hasLowerCase(text) || text.toLowerCase() === text.toUpperCase()) return text;
  return text
    .toLocaleLowerCase('en')
    .split(/(\s+|-|\.|')/)
    .map((word, index) => {
      if (index > 0 && LOWER_WORDS.has(word)) return word;
      return word.charAt(0).toLocaleUpperCase('en') + word.slice(1);
    })
    .join('');
}

/**
 * Reads the place from a dateline: `ASHGABAT, Turkmenistan` → Ashgabat, Turkmenistan;
 * `WASHINGTON, March 3` → Washington; `ASHGABAT, Turkmenistan, Nov. 19` → Ashgabat, Turkmenistan.
 */
export function parseDateline(dateline: string | undefined): Place | undefined {
  if (!dateline) return undefined;
  // Wire datelines sometimes run into the story: `HAMBURG, March 4 - Vereins…`.
  const parts = dateline
    .split(/\s+[-–—]+(?:\s+|$)/)[0]!
    .split(/\s*[,،]\s*/)
    .map((part) => part.replace(/^[-–—\s]+|[-–—\s]+$/g, ''))
    .filter(Boolean);
  while (parts.length > 1 && DAY_PART.test(parts.at(-1)!)) parts.pop();
  if (parts.length > 1) parts[parts.length - 1] = parts.at(-1)!.replace(TRAILING_DAY, '');
  if (parts.length === 0 || DAY_PART.test(parts[0]!)) return undefined;
  const city = normalCase(parts[0]!);
  const comma = dateline.includes('،') ? '، ' : ', ';
  const country = parts.length > 1 ? normalCase(parts.slice(1).join(comma)) : undefined;
  const label = country ? `${city}${comma}${country}` : city;
  return { city, country, label, key: foldKey(label) };
}
