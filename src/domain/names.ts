import { WIRE_AGENCIES } from './agencies.ts';
import { editDistance, placeFold } from './places/text.ts';

/** Agencies the wire appends to a byline: `Patti Domm, Reuter`, `Brad Schade Reuters`. */
const AGENCIES = WIRE_AGENCIES.map((name) => placeFold(name));

/** Generational suffixes that follow a comma yet are no second name: `John Smith, Jr.`. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** Name particles written in lower case inside a name: `Ludwig van der Rohe`, `Ana da Silva`. */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'dos',
  'das',
  'le',
  'la',
  'bin',
  'ibn',
]);

/**
 * `Mac` starts Gaelic names (MacDonald) and others (Machado, Mackey, Macias): only before these
 * Gaelic stems does a capital follow it. `Mc` always takes one.
 */
const MAC_STEMS = [
  'donald',
  'kenzie',
  'leod',
  'millan',
  'arthur',
  'gregor',
  'intyre',
  'lean',
  'laren',
  'neil',
  'pherson',
  'allister',
  'dougall',
  'farlane',
  'innes',
  'kinnon',
  'lachlan',
  'nab',
  'rae',
  'iver',
];

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('en') + word.slice(1);
}

/** One word of a name in normal case: `MCCUNE` → `McCune`, `O'NEILL` → `O'Neill`. */
function nameWord(word: string, index: number, count: number): string {
  const lower = word.toLocaleLowerCase('en');
  if (index > 0 && index < count - 1 && PARTICLES.has(lower)) return lower;
  return lower
    .split(/([-'’])/)
    .map((part, i, parts) => {
      if (part === '-' || part === "'" || part === '’') return part;
      // `d'Afflisio`, `O'Neill`: the letter before an apostrophe stays a capital only for O'.
      if (parts[i + 1] === "'" || parts[i + 1] === '’')
        return part === 'o' || part === 'd' ? part.toUpperCase() : capitalise(part);
      let cased = capitalise(part);
      cased = cased.replace(/^Mc(\p{Ll})/u, (_, letter: string) => `Mc${letter.toUpperCase()}`);
      const mac = /^Mac(\p{Ll}+)$/u.exec(cased);
      if (mac && MAC_STEMS.includes(mac[1]!)) cased = `Mac${capitalise(mac[1]!)}`;
      return cased;
    })
    .join('');
}

/**
 * Whether a name is printed in capitals (or all in lower case), as wire bylines often are:
 * `JULIE VORMAN`, `TED d'AFFLISIO` (one lower-case letter is a particle), `keith grant`.
 */
export function isShouting(name: string): boolean {
  const letters = name.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters.toUpperCase() === letters.toLowerCase()) return false;
  return letters === letters.toLowerCase() || !/\p{Ll}{2}/u.test(name);
}

/**
 * A name in normal case: `JULIE VORMAN` → `Julie Vorman`. A spelling the archive already uses
 * for the same letters wins (`known`, folded name → spelling): `IAN MACKENZIE` becomes what its
 * other stories print.
 */
export function normalName(name: string, known?: ReadonlyMap<string, string>): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!isShouting(trimmed)) return trimmed;
  const spelling = known?.get(placeFold(trimmed));
  if (spelling) return spelling;
  const words = trimmed.split(' ');
  return words.map((word, index) => nameWord(word, index, words.length)).join(' ');
}

/** An agency's name; after a comma a slip is forgiven (`, Reutersd`), since `Reuther` is a name. */
const isAgency = (word: string, afterComma: boolean) => {
  const key = placeFold(word).replace(/ /g, '');
  return AGENCIES.some(
    (agency) =>
      key === agency || (afterComma && agency.length >= 6 && editDistance(key, agency, 1) <= 1),
  );
};

/**
 * The people of a byline, each in normal case: `PATRICK RIZZO AND PATTI DOMM` → [`Patrick
 * Rizzo`, `Patti Domm`]; `Patti Domm, Reuter` → [`Patti Domm`]; `Cal Mankowski, Reutersd` →
 * [`Cal Mankowski`].
 */
export function splitByline(byline: string, known?: ReadonlyMap<string, string>): string[] {
  let text = byline
    .trim()
    .replace(/^by\s+/i, '')
    .replace(/[;:]+$/, '');
  // A trailing agency, with or without its comma.
  for (let previous = ''; previous !== text;) {
    previous = text;
    const words = text.split(/(\s*,\s*|\s+)/);
    const last = words.at(-1) ?? '';
    if (words.length > 2 && isAgency(last, words.at(-2)!.includes(',')))
      text = words
        .slice(0, -2)
        .join('')
        .trim()
        .replace(/[.,]+$/, '');
  }
  const names: string[] = [];
  for (const joined of text.split(/\s+and\s+|\s*&\s*/i)) {
    // `Allan Saunderson, Antonia Sharpe` is two people; `Smith, John` is one, surname first.
    const parts = joined.split(/\s*,\s*/).filter(Boolean);
    const people = parts.filter((part) => !SUFFIX.test(part));
    if (people.length > 1 && people.some((part) => !/\s/.test(part))) {
      names.push(joined);
      continue;
    }
    for (const part of parts) {
      if (SUFFIX.test(part) && names.length > 0) names[names.length - 1] += `, ${part}`;
      else names.push(part);
    }
  }
  // A full stop ends a byline, not a name, unless it ends `Jr.` or an initial.
  const unstopped = names.map((name) =>
    /(?:\b\p{L}|\b(?:Jr|Sr))\.$/iu.test(name) ? name : name.replace(/\.+$/, ''),
  );
  return unstopped.map((name) => normalName(name, known)).filter(Boolean);
}

export type BylineProblem =
  | { kind: 'capitals'; fix: string }
  | { kind: 'two-names'; fix: string[] }
  | { kind: 'agency'; fix: string };

/** What `npm run check` says of one author field, with the fix it suggests. */
export function bylineProblems(
  author: string,
  known?: ReadonlyMap<string, string>,
): BylineProblem[] {
  const names = splitByline(author, known);
  const problems: BylineProblem[] = [];
  if (names.length > 1) problems.push({ kind: 'two-names', fix: names });
  else if (names.length === 1 && names[0] !== author.trim()) {
    problems.push(
      isShouting(author)
        ? { kind: 'capitals', fix: names[0]! }
        : { kind: 'agency', fix: names[0]! },
    );
  }
  return problems;
}
