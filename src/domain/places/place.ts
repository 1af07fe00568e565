import { ABBREVIATING_COUNTRIES, REGION_ABBREVIATIONS } from './regions.ts';
import { placeFold, placeKey } from './text.ts';

/** Where a story was filed. */
export interface Place {
  /** `Birmingham`: the city as printed, in normal case (the gazetteer's casing where it agrees). */
  city: string;
  /** `Alabama`: the first-level region, from the gazetteer. */
  region?: string;
  /** `Ala.`: the region's wire abbreviation, for the United States, Canada and Australia. */
  regionAbbr?: string;
  /** `United States`: in the resolver's language. */
  country: string;
  /** ISO 3166-1 alpha-2: `US`. */
  countryCode: string;
  /** Degrees, absent for a place the gazetteer lacks (the dateline named its country). */
  lat?: number;
  lon?: number;
  /** `Birmingham, Alabama, United States`. */
  label: string;
  /** Stable across spellings and index rebuilds: `geonames:4049979`, or `US:al:birmingham`. */
  key: string;
  /**
   * How it was found: by its name, as the capital of a country printed alone, one slip from a
   * name (`PHILADEPHIA`: `npm run check` warns), or only by the country the dateline prints.
   */
  match: 'name' | 'capital' | 'nearby' | 'country';
}

/** Names a place's region and country for readers: the gazetteer's and CLDR's. */
export interface PlaceNames {
  regionName(code: string): string | undefined;
  countryName(code: string): string;
}

export const isFederation = (countryCode: string) =>
  (ABBREVIATING_COUNTRIES as readonly string[]).includes(countryCode);

/**
 * A place as readers see it. The label names the region only in the federations whose datelines
 * print it (`Birmingham, Alabama, United States`; `Perth, Western Australia, Australia`), and
 * never repeats the city: `Kuwait`, `Washington, D.C., United States`.
 */
export function describePlace(
  found: {
    city: string;
    /** The city as labelled, when the gazetteer's name carries more: `Washington, D.C.`. */
    cityLabel?: string;
    /** `US.AL`. */
    regionCode?: string;
    countryCode: string;
    lat?: number;
    lon?: number;
    /** Absent for a place the gazetteer lacks: made from its country, region and name. */
    key?: string;
    match: Place['match'];
  },
  names: PlaceNames,
): Place {
  const { city, regionCode, countryCode, lat, lon, match } = found;
  const cityLabel = found.cityLabel ?? city;
  const country = names.countryName(countryCode);
  const region = regionCode ? names.regionName(regionCode) : undefined;
  const regionAbbr = regionCode ? REGION_ABBREVIATIONS[regionCode]?.ap : undefined;
  const parts = [cityLabel];
  if (
    isFederation(countryCode) &&
    region &&
    cityLabel === city &&
    placeFold(region) !== placeFold(city)
  )
    parts.push(region);
  if (placeFold(country) !== placeFold(city)) parts.push(country);
  const regionPart = regionCode ? `${regionCode.slice(3).toLowerCase()}:` : '';
  return {
    city,
    ...(region ? { region } : {}),
    ...(regionAbbr ? { regionAbbr } : {}),
    country,
    countryCode,
    ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
    label: parts.join(', '),
    key: found.key ?? `${countryCode}:${regionPart}${placeKey(city).replace(/ /g, '-')}`,
    match,
  };
}

/** `33.52° N, 86.80° W`: a position as readers and printers take it, to about a kilometre. */
export function formatPosition({ lat, lon }: { lat: number; lon: number }): string {
  const part = (value: number, positive: string, negative: string) =>
    `${Math.abs(value).toFixed(2)}° ${value < 0 ? negative : positive}`;
  return `${part(lat, 'N', 'S')}, ${part(lon, 'E', 'W')}`;
}
