import { compactKey, editDistance } from './text.ts';

/** Bumped whenever the index's shape or `placeKey` changes: an older index is built again. */
export const INDEX_FORMAT = 2;

/**
 * The gazetteer as the build reads it: GeoNames places in columns, largest first, and the keys
 * of their names. Written once from the GeoNames packages (`src/ingest/places/gazetteer-index.ts`).
 */
export interface GazetteerData {
  format: number;
  /** What it was made from, for the licence notice and the cache key. */
  source: string;
  /** GeoNames ids: a place keeps its id, and so its key and URL, across index rebuilds. */
  ids: number[];
  names: string[];
  /** ISO 3166-1 alpha-2. */
  countries: string[];
  /** GeoNames admin1 code within the country: `AL`, `08`, `ENG`. */
  admin1: string[];
  population: number[];
  /** Degrees × 1000. */
  lat: number[];
  lon: number[];
  /** Positions of national capitals (GeoNames PPLC). */
  capitals: number[];
  /** `placeKey` of a place's own name or its ASCII form → positions, ascending (largest first). */
  keys: Record<string, number | number[]>;
  /**
   * `placeKey` of other names GeoNames gives larger places (`Cologne` for Köln, but also
   * `Westport` for Kansas City and `Islamabad` for Chittagong) → positions, ascending.
   */
  otherKeys: Record<string, number | number[]>;
  /** GeoNames admin1 names: `US.AL` → `Alabama`. */
  regions: Record<string, string>;
}

export interface GazetteerPlace {
  position: number;
  geonameId: number;
  name: string;
  countryCode: string;
  /** `US.AL`. */
  region: string;
  population: number;
  lat: number;
  lon: number;
  capital: boolean;
}

export interface Gazetteer {
  source: string;
  /** Places whose own name has this `placeKey`, and places also called so, largest first. */
  lookup(key: string): { own: GazetteerPlace[]; other: GazetteerPlace[] };
  /**
   * Larger places within `limit` edits of a name, with the name they were found under:
   * `PHILADEPHIA` → Philadelphia. Places' own names come before their other names.
   */
  nearby(name: string, limit?: number): { place: GazetteerPlace; key: string }[];
  /** Places of any size in these regions within one slip of a name: `FIARFAX, Va.` → Fairfax. */
  nearbyIn(name: string, regions: readonly string[]): GazetteerPlace[];
  capitalOf(countryCode: string): GazetteerPlace | undefined;
  byId(geonameId: number): GazetteerPlace | undefined;
  regionName(code: string): string | undefined;
  regionCodes(): string[];
}

/** Only larger places are guessed at from a misspelling: a small one would too often be wrong. */
export const NEARBY_MIN_POPULATION = 100_000;

interface NearbyEntry {
  key: string;
  compact: string;
  position: number;
  own: boolean;
}

function positionsOf(keys: Record<string, number | number[]>, key: string): number[] {
  if (!Object.hasOwn(keys, key)) return [];
  const found = keys[key]!;
  return typeof found === 'number' ? [found] : found;
}

export function createGazetteer(data: GazetteerData): Gazetteer {
  if (data.format !== INDEX_FORMAT) {
    throw new Error(
      `gazetteer index format ${data.format}, expected ${INDEX_FORMAT}: build the index again`,
    );
  }
  const capitals = new Set(data.capitals);
  const cache = new Map<number, GazetteerPlace>();
  const place = (position: number): GazetteerPlace => {
    let found = cache.get(position);
    if (!found) {
      found = {
        position,
        geonameId: data.ids[position]!,
        name: data.names[position]!,
        countryCode: data.countries[position]!,
        region: `${data.countries[position]}.${data.admin1[position]}`,
        population: data.population[position]!,
        lat: data.lat[position]! / 1000,
        lon: data.lon[position]! / 1000,
        capital: capitals.has(position),
      };
      cache.set(position, found);
    }
    return found;
  };
  const capitalByCountry = new Map<string, number>();
  for (const position of data.capitals) {
    const code = data.countries[position]!;
    if (!capitalByCountry.has(code)) capitalByCountry.set(code, position);
  }
  let large: NearbyEntry[][] | undefined;
  let positions: Map<number, number> | undefined;
  let byRegion: Map<string, number[]> | undefined;
  const regionKeys = new Map<string, { position: number; key: string }[]>();
  return {
    source: data.source,
    lookup(key) {
      const own = positionsOf(data.keys, key);
      const taken = new Set(own);
      return {
        own: own.map(place),
        other: positionsOf(data.otherKeys, key)
          .filter((p) => !taken.has(p))
          .map(place),
      };
    },
    nearby(name, limit = 1) {
      // Built on first use, by length: a build whose datelines are all spelt right never pays.
      if (!large) {
        large = [];
        [data.keys, data.otherKeys].forEach((keys, other) => {
          for (const [key, found] of Object.entries(keys)) {
            if (!/^[a-z ]+$/.test(key)) continue;
            for (const position of typeof found === 'number' ? [found] : found) {
              if (data.population[position]! < NEARBY_MIN_POPULATION) continue;
              const compact = key.replace(/ /g, '');
              (large![compact.length] ??= []).push({ key, compact, position, own: other === 0 });
            }
          }
        });
      }
      const wanted = compactKey(name);
      if (wanted.length < 5) return [];
      const found: { entry: NearbyEntry; distance: number }[] = [];
      // One slip changes at most two neighbouring letters: the start or the end is intact.
      const half = Math.max(0, Math.floor((wanted.length - 2 * limit) / 2));
      const start = wanted.slice(0, half);
      const end = wanted.slice(wanted.length - half);
      for (let length = wanted.length - limit; length <= wanted.length + limit; length++) {
        for (const entry of large[length] ?? []) {
          if (limit === 1 && !entry.compact.startsWith(start) && !entry.compact.endsWith(end))
            continue;
          const distance = editDistance(wanted, entry.compact, limit);
          if (distance <= limit) found.push({ entry, distance });
        }
      }
      found.sort(
        (a, b) =>
          a.distance - b.distance ||
          Number(b.entry.own) - Number(a.entry.own) ||
          a.entry.position - b.entry.position,
      );
      const seen = new Set<number>();
      return found.flatMap(({ entry }) => {
        if (seen.has(entry.position)) return [];
        seen.add(entry.position);
        return [{ place: place(entry.position), key: entry.key }];
      });
    },
    nearbyIn(name, regions) {
      if (!byRegion) {
        byRegion = new Map();
        data.countries.forEach((code, position) => {
          const region = `${code}.${data.admin1[position]}`;
          let list = byRegion!.get(region);
          if (!list) byRegion!.set(region, (list = []));
          list.push(position);
        });
      }
      const wanted = compactKey(name);
      if (wanted.length < 5) return [];
      const found = regions.flatMap((region) => {
        // Each region's keys are made the first time a misspelling is looked for in it.
        let keys = regionKeys.get(region);
        if (!keys)
          regionKeys.set(
            region,
            (keys = (byRegion!.get(region) ?? []).map((position) => ({
              position,
              key: compactKey(data.names[position]!),
            }))),
          );
        return keys
          .filter(({ key }) => editDistance(wanted, key, 1) <= 1)
          .map(({ position }) => position);
      });
      return found.sort((a, b) => a - b).map(place);
    },
    capitalOf(code) {
      const position = capitalByCountry.get(code);
      return position === undefined ? undefined : place(position);
    },
    byId(geonameId) {
      positions ??= new Map(data.ids.map((id, position) => [id, position]));
      const position = positions.get(geonameId);
      return position === undefined ? undefined : place(position);
    },
    regionName: (code) => data.regions[code],
    regionCodes: () => Object.keys(data.regions),
  };
}
