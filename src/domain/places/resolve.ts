import { PLACE_ALIASES } from './aliases.ts';
import type { CountryNames } from './countries.ts';
import { splitDateline, type DatelineParts, type NoPlaceReason } from './dateline.ts';
import { readPlaceField, type PlaceField, type PlaceFieldResult } from './field.ts';
import type { Gazetteer, GazetteerPlace } from './gazetteer.ts';
import { describePlace, type Place, type PlaceNames } from './place.ts';
import { allowedBy, createQualifierReader, names, type Qualifier } from './qualifiers.ts';
import { rank } from './rank.ts';
import { ABBREVIATING_COUNTRIES } from './regions.ts';
import { normalCase, placeFold, placeKey } from './text.ts';

export type UnresolvedReason =
  | NoPlaceReason
  /** The name is in no gazetteer and no country was printed: `FRESCalif.`. */
  | 'unknown-place'
  /** A line without a day whose name is only a small place: `LEAD` (a metals table). */
  | 'weak';

/** What a dateline says of where a story was filed; `note` names what was ignored. */
export type Resolution =
  { place: Place; note?: string } | { place?: undefined; reason: UnresolvedReason; note?: string };

export interface ResolveOptions {
  /** The story's source, dropped where the wire appends it: `…, March 12, Reuter`. */
  source?: string;
}

export interface PlaceResolver {
  /** The place a dateline names, remembered per dateline and source. */
  resolve(dateline: string | undefined, options?: ResolveOptions): Resolution;
  /** A `place:` field, checked: what `npm run check` reports and the build files a story under. */
  field(value: PlaceField): PlaceFieldResult;
}

/** A line without a day is trusted for places at least this large, or a capital. */
export const WEAK_MIN_POPULATION = 100_000;

/** `Claif.`, `Ka.`: an abbreviation not understood is still a state's or a province's. */
const FEDERATIONS: Qualifier = {
  text: '',
  countries: new Set(ABBREVIATING_COUNTRIES),
  regions: new Set(),
};

/**
 * Reads datelines against a gazetteer (GeoNames places and first-level regions) and the names
 * of countries, naming countries in `language`. Pure: the data comes in as objects.
 */
export function createPlaceResolver(
  gazetteer: Gazetteer,
  countries: CountryNames,
  language = 'en',
): PlaceResolver {
  const qualifier = createQualifierReader(gazetteer, countries);
  const placeNames: PlaceNames = {
    regionName: (code) => gazetteer.regionName(code),
    countryName: (code) => countries.nameOf(code, language),
  };
  const aliases = new Map(
    Object.entries(PLACE_ALIASES).map(([name, id]) => [placeKey(name), id] as const),
  );
  const cache = new Map<string, Resolution>();

  function candidatesFor(
    name: string,
    known: Qualifier[],
  ): { candidates: GazetteerPlace[]; match: Place['match'] } {
    const alias = aliases.get(placeKey(name));
    const aliased = alias === undefined ? undefined : gazetteer.byId(alias);
    if (aliased) return { candidates: [aliased], match: 'name' };
    const { own, other } = gazetteer.lookup(placeKey(name));
    const candidates = rank(allowedBy(own, known), allowedBy(other, known), name);
    // `KUWAIT`, `BAHRAIN`, `SINGAPORE`: a country printed alone is its capital, unless a place
    // of that name lies in it. Only the page's language counts: `COLUMBIA` is Colombia in Latin.
    const named = countries.codesIn(name, language);
    if (named.length === 0) return { candidates, match: 'name' };
    const inside = candidates.filter((c) => named.includes(c.countryCode));
    if (inside.length > 0) return { candidates: inside, match: 'name' };
    if (known.length > 0 && candidates.length > 0) return { candidates, match: 'name' };
    const capitals = named.flatMap((code) => gazetteer.capitalOf(code) ?? []);
    return { candidates: allowedBy(capitals, known), match: 'capital' };
  }

  function fromGazetteer(printed: string, found: GazetteerPlace, match: Place['match']): Place {
    const sameLetters = found.name.toLocaleLowerCase('en') === printed.toLocaleLowerCase('en');
    // The archive's pages are in a Latin script: `МОСКВА` is filed as Moscow (its own page
    // keeps the dateline as printed).
    const foreign = !/\p{Script=Latin}/u.test(printed);
    const city =
      sameLetters || foreign || (match === 'nearby' && placeFold(found.name) === placeFold(printed))
        ? found.name
        : normalCase(printed);
    // `Washington, D.C.` carries its region in its name.
    const cityLabel =
      found.name.includes(', ') && city === found.name.split(', ')[0] ? found.name : city;
    return describePlace(
      {
        city,
        cityLabel,
        regionCode: found.region,
        countryCode: found.countryCode,
        lat: found.lat,
        lon: found.lon,
        key: `geonames:${found.geonameId}`,
        match,
      },
      placeNames,
    );
  }

  /** One slip from a large place, or from any place in a printed region: `PHILADEPHIA`. */
  function nearby(printed: string, known: Qualifier[]) {
    const near = gazetteer.nearby(printed);
    const places = allowedBy(
      near.map((n) => n.place),
      known,
    );
    // Shown as the name it was one slip from: `NEDW YORK` → `New York`, not `New York City`.
    if (places.length > 0)
      return {
        fitting: places,
        printed: near.find((n) => n.place === places[0])!.key.toUpperCase(),
      };
    // Within a printed region, smaller places too: `FIARFAX, Va.`, `BROOKFILED, Wis.`.
    const regions = [...new Set(known.flatMap((q) => [...q.regions]))];
    const inRegion =
      regions.length > 0 ? allowedBy(gazetteer.nearbyIn(printed, regions), known) : [];
    return inRegion.length > 0 ? { fitting: inRegion, printed: inRegion[0]!.name } : undefined;
  }

  function resolveParts({ name, qualifiers, hasDay }: DatelineParts): Resolution {
    let read = qualifiers.map(qualifier);
    let printed = name;
    // `FARMINGTON Conn.`: the comma before the region was dropped.
    const glued = /^(.+?)\s+(\S+\.)$/.exec(name);
    if (glued && gazetteer.lookup(placeKey(name)).own.length === 0) {
      const q = qualifier(glued[2]!);
      if (names(q)) {
        printed = glued[1]!;
        read = [q, ...read];
      }
    }
    const known = read.filter(names);
    const unknown = read.filter((q) => !names(q)).map((q) => q.text);
    const hint = known.length === 0 && unknown.some((text) => /^[\p{L} .]{1,8}\.$/u.test(text));
    const lookup = (text: string) => {
      const found = hint ? candidatesFor(text, [FEDERATIONS]) : undefined;
      return found && found.candidates.length > 0 ? found : candidatesFor(text, known);
    };

    let { candidates: fitting, match } = lookup(printed);
    // `DALLAS/FORT WORTH, Texas`: the first of two places.
    if (fitting.length === 0 && printed.includes('/')) {
      const first = printed.split('/')[0]!.trim();
      const other = lookup(first);
      if (other.candidates.length > 0)
        [printed, fitting, match] = [first, other.candidates, other.match];
    }
    const named = gazetteer.lookup(placeKey(printed));
    const unnamed = named.own.length + named.other.length === 0;
    if (fitting.length === 0 && unnamed && (hasDay || known.length > 0)) {
      const near = nearby(printed, known);
      if (near) [fitting, match, printed] = [near.fitting, 'nearby', near.printed];
    }
    const note =
      unknown.length > 0 ? { note: `ignored ${unknown.map((t) => `"${t}"`).join(', ')}` } : {};

    const best = fitting[0];
    if (best) {
      const weak = !hasDay && known.length === 0 && match === 'name' && !best.capital;
      if (weak && best.population < WEAK_MIN_POPULATION)
        return { reason: 'weak', note: `no day, and ${best.name} has ${best.population} people` };
      return { place: fromGazetteer(printed, best, match), ...note };
    }

    // Not in the gazetteer, but the dateline names the country (and maybe the region).
    const codes = new Set<string>();
    let regionCode: string | undefined;
    for (const q of known) {
      for (const code of q.countries) codes.add(code);
      for (const code of q.regions) codes.add(code.slice(0, 2));
      if (q.regions.size === 1) regionCode = [...q.regions][0];
    }
    if (codes.size !== 1) return { reason: 'unknown-place', ...note };
    const place = describePlace(
      { city: normalCase(printed), regionCode, countryCode: [...codes][0]!, match: 'country' },
      placeNames,
    );
    return { place, ...note };
  }

  return {
    resolve(dateline, options = {}) {
      const cacheKey = `${options.source ?? ''}\0${dateline ?? ''}`;
      let result = cache.get(cacheKey);
      if (!result) {
        const split = splitDateline(dateline, options.source ? [options.source] : []);
        result = split.ok ? resolveParts(split.parts) : { reason: split.reason };
        cache.set(cacheKey, result);
      }
      return result;
    },
    field: (value) =>
      readPlaceField(value, {
        gazetteer,
        countries,
        qualifier,
        names: placeNames,
        resolveText: (text) => {
          const split = splitDateline(text);
          return split.ok ? resolveParts({ ...split.parts, hasDay: true }) : undefined;
        },
        fromGazetteer: (found) => fromGazetteer(found.name, found, 'name'),
      }),
  };
}
