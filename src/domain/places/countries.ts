import { placeFold } from './text.ts';

/** One locale file of `i18n-iso-countries`: ISO 3166-1 alpha-2 code → name, or names. */
export interface CountryLocale {
  locale: string;
  countries: Record<string, string | string[]>;
}

/**
 * Country names that ISO 3166-1 no longer carries but 1980s and later wire copy prints. Where a
 * name stood for several of today's countries, it narrows a place to those; the city decides.
 * The maintained list of such names is ISO 3166-3, which no package ships.
 */
const FORMER_NAMES: Readonly<Record<string, readonly string[]>> = {
  'West Germany': ['DE'],
  'East Germany': ['DE'],
  Holland: ['NL'],
  Britain: ['GB'],
  Burma: ['MM'],
  Zaire: ['CD'],
  Kampuchea: ['KH'],
  Ceylon: ['LK'],
  Rhodesia: ['ZW'],
  'Upper Volta': ['BF'],
  Dahomey: ['BJ'],
  'Soviet Union': [
    'RU',
    'UA',
    'BY',
    'MD',
    'EE',
    'LV',
    'LT',
    'GE',
    'AM',
    'AZ',
    'KZ',
    'UZ',
    'TM',
    'KG',
    'TJ',
  ],
  USSR: ['RU', 'UA', 'BY', 'MD', 'EE', 'LV', 'LT', 'GE', 'AM', 'AZ', 'KZ', 'UZ', 'TM', 'KG', 'TJ'],
  Yugoslavia: ['RS', 'HR', 'SI', 'BA', 'MK', 'ME', 'XK'],
  Czechoslovakia: ['CZ', 'SK'],
  'British West Indies': [
    'AI',
    'AG',
    'BS',
    'BB',
    'VG',
    'KY',
    'DM',
    'GD',
    'JM',
    'MS',
    'KN',
    'LC',
    'VC',
    'TT',
    'TC',
  ],
};

export interface CountryNames {
  /** The countries a printed name may mean, in any language of the data: `Alemania` → DE. */
  codesFor(text: string): readonly string[];
  /**
   * The countries a name means in one language (its ISO names, CLDR's and the former names):
   * for a dateline that prints a country alone, where `COLUMBIA` (Colombia in Latin) must stay
   * a city.
   */
  codesIn(text: string, language: string): readonly string[];
  /** A country's name for readers of `language` (CLDR, through Intl): `US` → `United States`. */
  nameOf(code: string, language?: string): string;
  /** Every code the data knows. */
  codes(): readonly string[];
}

const displayNames = new Map<string, { long: Intl.DisplayNames; short: Intl.DisplayNames }>();

/** CLDR's name, or its short form where that is a name, not initials: `Hong Kong`, not `US`. */
function cldrName(code: string, language: string): string {
  let names = displayNames.get(language);
  if (!names) {
    names = {
      long: new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }),
      short: new Intl.DisplayNames([language], {
        type: 'region',
        style: 'short',
        fallback: 'code',
      }),
    };
    displayNames.set(language, names);
  }
  const long = names.long.of(code) ?? code;
  const short = names.short.of(code) ?? long;
  return short !== long && short !== short.toUpperCase() ? short : long;
}

export function createCountryNames(locales: readonly CountryLocale[]): CountryNames {
  const byName = new Map<string, Set<string>>();
  const add = (name: string, code: string) => {
    const key = placeFold(name);
    if (!key) return;
    let codes = byName.get(key);
    if (!codes) byName.set(key, (codes = new Set()));
    codes.add(code);
  };
  const known = new Set<string>();
  const byLanguage = new Map<string, Map<string, Set<string>>>();
  for (const { locale, countries } of locales) {
    const own = new Map<string, Set<string>>();
    byLanguage.set(locale, own);
    for (const [code, names] of Object.entries(countries)) {
      for (const name of Array.isArray(names) ? names : [names]) {
        const key = placeFold(name).replace(/^the /, '');
        if (!own.has(key)) own.set(key, new Set());
        own.get(key)!.add(code);
      }
    }
  }
  for (const { countries } of locales) {
    for (const [code, names] of Object.entries(countries)) {
      known.add(code);
      for (const name of Array.isArray(names) ? names : [names]) add(name, code);
    }
  }
  for (const code of known) add(cldrName(code, 'en'), code);
  for (const [name, codes] of Object.entries(FORMER_NAMES))
    for (const code of codes) add(name, code);
  // `The Netherlands`, `the Gambia`: the article is printed or not.
  for (const [key, codes] of [...byName]) {
    if (key.startsWith('the ') && !byName.has(key.slice(4))) byName.set(key.slice(4), codes);
  }
  const codes = [...known].sort();
  const inLanguage = new Map<string, Map<string, Set<string>>>();
  return {
    codesFor: (text) => {
      const key = placeFold(text);
      return [...(byName.get(key) ?? byName.get(key.replace(/^the /, '')) ?? [])];
    },
    codesIn: (text, language) => {
      let names = inLanguage.get(language);
      if (!names) {
        // Built once per language: the ISO names, CLDR's and the former ones.
        names = new Map(
          [...(byLanguage.get(language) ?? [])].map(([key, codes]) => [key, new Set(codes)]),
        );
        const add = (name: string, code: string) => {
          const key = placeFold(name).replace(/^the /, '');
          if (!names!.has(key)) names!.set(key, new Set());
          names!.get(key)!.add(code);
        };
        for (const code of known) add(cldrName(code, language), code);
        for (const [name, codes] of Object.entries(FORMER_NAMES))
          for (const code of codes) add(name, code);
        inLanguage.set(language, names);
      }
      return [...(names.get(placeFold(text).replace(/^the /, '')) ?? [])];
    },
    nameOf: (code, language = 'en') => cldrName(code, language),
    codes: () => codes,
  };
}
