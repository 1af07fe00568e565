import { foldKey } from '../text.ts';

/**
 * How place names are compared. The gazetteer index is built and queried with the same
 * `placeKey`, so a change here needs the index built again (`INDEX_FORMAT` in gazetteer.ts).
 */

/** Letters NFKD does not take apart. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
};
const SPECIAL = /[ßẞøØæÆœŒłŁđĐðþ]/g;
/** An apostrophe joins the letters around it: `Côte d'Ivoire`, `N'Djamena`, `Ma'an`. */
const APOSTROPHES = /['’ʻ`´]/g;

/** Wire abbreviations of a name's words: `ST. LOUIS` is the gazetteer's `Saint Louis`. */
const WORDS: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

/** Case, diacritics, apostrophes and punctuation folded away: `Montréal` → `montreal`. */
export function placeFold(text: string): string {
  return foldKey(text.replace(SPECIAL, (letter) => LETTERS[letter]!).replace(APOSTROPHES, ''));
}

/** The key a place name is indexed and looked up under: `ST. LOUIS` → `saint louis`. */
export function placeKey(text: string): string {
  return placeFold(text)
    .split(' ')
    .map((word) => WORDS[word] ?? word)
    .join(' ');
}

/** The key without spaces, for names run together on the wire: `SAOPAULO`. */
export function compactKey(text: string): string {
  return placeKey(text).replace(/ /g, '');
}

const LOWER_WORDS = new Set(
  (
    'de da do dos das del della di du la le les of on upon ' +
    'am im an der den van von y e es el au aux sur en'
  ).split(' '),
);

/** `NEW YORK` → `New York`, `RIO DE JANEIRO` → `Rio de Janeiro`, `MCLEAN` → `McLean`. */
export function normalCase(text: string): string {
  if (text !== text.toUpperCase() || text.toLowerCase() === text.toUpperCase()) return text;
  return text
    .toLocaleLowerCase('en')
    .split(/(\s+|-|\.|'|’|\/)/)
    .map((word, index, words) => {
      if (index > 0 && LOWER_WORDS.has(word)) return word;
      // `ST. ANDREW'S`: the possessive stays small.
      if (word === 's' && /['’]/.test(words[index - 1] ?? '')) return word;
      const cased = word.charAt(0).toLocaleUpperCase('en') + word.slice(1);
      return cased.replace(/^Mc(\p{Ll})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`);
    })
    .join('');
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early
 * once it exceeds `limit`: `MACRH` is one step from `MARCH`.
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
