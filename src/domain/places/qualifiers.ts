import type { CountryNames } from './countries.ts';
import type { Gazetteer, GazetteerPlace } from './gazetteer.ts';
import {
  ABBREVIATING_COUNTRIES,
  COUNTRY_ABBREVIATIONS,
  REGION_ABBREVIATIONS,
  REGION_VARIANTS,
} from './regions.ts';
import { placeFold } from './text.ts';

/** What a part of a dateline after the place's name says: `Ala.`, `West Germany`, `Ontario`. */
export interface Qualifier {
  text: string;
  /** ISO 3166-1 alpha-2 codes it may name. */
  countries: Set<string>;
  /** GeoNames admin1 codes it may name: `US.AL`. */
  regions: Set<string>;
}

const compact = (text: string) => placeFold(text).replace(/ /g, '');

/** `Ala.`, `N.Y.`, `KY`: printed as an abbreviation, so a state's or province's before a name's. */
const looksAbbreviated = (text: string) => /\.$/.test(text) || /^\p{Lu}{2,3}$/u.test(text);

type Keys = Map<string, Set<string>>;

function add(map: Keys, text: string, code: string): void {
  const key = compact(text);
  if (!key) return;
  let codes = map.get(key);
  if (!codes) map.set(key, (codes = new Set()));
  codes.add(code);
}

/** Reads qualifiers against the gazetteer's regions and the countries' names in every language. */
export function createQualifierReader(
  gazetteer: Gazetteer,
  countries: CountryNames,
): (text: string) => Qualifier {
  /** Region names: `Alabama`, `British Columbia`, `England`. */
  const names: Keys = new Map();
  /** Wire abbreviations, ISO and postal letters, dots and spaces folded away: `ala`, `bc`, `ny`. */
  const abbreviations: Keys = new Map();
  for (const code of gazetteer.regionCodes()) {
    add(names, gazetteer.regionName(code)!, code);
    // GeoNames codes US states by their postal letters: `KY`, `N.Y.`.
    if (code.startsWith('US.')) add(abbreviations, code.slice(3), code);
  }
  for (const [code, { ap, iso }] of Object.entries(REGION_ABBREVIATIONS)) {
    add(abbreviations, ap, code);
    if (iso) add(abbreviations, iso, code);
  }
  for (const [code, variant] of Object.entries(REGION_VARIANTS)) add(abbreviations, variant, code);
  const federated = gazetteer
    .regionCodes()
    .filter((code) => (ABBREVIATING_COUNTRIES as readonly string[]).includes(code.slice(0, 2)))
    .map((code) => ({ code, key: compact(gazetteer.regionName(code)!) }));
  const countryAbbreviations = Object.entries(COUNTRY_ABBREVIATIONS).map(
    ([abbr, code]) => [compact(abbr), code] as const,
  );

  return (text) => {
    const key = compact(text);
    const abbreviated = abbreviations.get(key);
    const named = names.get(key);
    const regions = new Set(
      looksAbbreviated(text)
        ? (abbreviated ?? named ?? [])
        : [...(named ?? []), ...(abbreviated ?? [])],
    );
    // `Tex.`, `Penn.`, `Wisc.`: the start of a region's name, in the federations that abbreviate.
    if (regions.size === 0 && key.length >= 3 && /^[\p{L}.\s]+$/u.test(text))
      for (const region of federated) if (region.key.startsWith(key)) regions.add(region.code);
    const codes = new Set(countries.codesFor(text));
    for (const [abbr, code] of countryAbbreviations) if (abbr === key) codes.add(code);
    return { text, countries: codes, regions };
  };
}

export const names = (q: Qualifier) => q.countries.size > 0 || q.regions.size > 0;

const within = (place: GazetteerPlace, q: Qualifier) =>
  q.countries.has(place.countryCode) || q.regions.has(place.region);

/**
 * The candidates every qualifier allows. When several qualifiers together allow none, one of
 * them is wrong and the first that allows some wins: `HAILEY, Idaho, Calif.`.
 */
export function allowedBy(candidates: GazetteerPlace[], known: Qualifier[]): GazetteerPlace[] {
  const all = candidates.filter((c) => known.every((q) => within(c, q)));
  if (all.length > 0 || known.length < 2) return all;
  for (const q of known) {
    const some = candidates.filter((c) => within(c, q));
    if (some.length > 0) return some;
  }
  return [];
}
