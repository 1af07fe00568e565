import type { CountryNames } from './countries.ts';
import type { Gazetteer, GazetteerPlace } from './gazetteer.ts';
import { describePlace, type Place, type PlaceNames } from './place.ts';
import type { Qualifier } from './qualifiers.ts';
import type { Resolution } from './resolve.ts';

/**
 * A story's `place:` frontmatter, which wins over its dateline:
 *
 *     place: Birmingham, Ala.             # read like a dateline, but it must resolve
 *     place: { geonames: 4049979 }        # one GeoNames place, exactly
 *     place: { city: Rocky Hill, region: Conn., country: US, lat: 41.66, lon: -72.65 }
 *     place: false                        # filed under no place (a table, a round-up)
 */
export type PlaceField =
  | string
  | false
  | { geonames: number }
  | { city: string; region?: string; country: string; lat?: number; lon?: number };

/** A field that resolves (to no place, for `false`), or what is wrong with it and the fix. */
export type PlaceFieldResult =
  { ok: true; place?: Place } | { ok: false; message: string; fix: string };

export interface FieldContext {
  gazetteer: Gazetteer;
  countries: CountryNames;
  qualifier: (text: string) => Qualifier;
  names: PlaceNames;
  /** The field's text read as a dateline with a day: undefined when it is none. */
  resolveText: (text: string) => Resolution | undefined;
  fromGazetteer: (found: GazetteerPlace) => Place;
}

const refused = (message: string, fix: string): PlaceFieldResult => ({ ok: false, message, fix });

export function readPlaceField(value: PlaceField, context: FieldContext): PlaceFieldResult {
  const { gazetteer, countries } = context;
  if (value === false) return { ok: true };
  if (typeof value === 'string') {
    const result = context.resolveText(value);
    // A guess from a misspelling is no place to file a story under on purpose.
    if (result?.place && result.place.match !== 'nearby') return { ok: true, place: result.place };
    const guess = result?.place ? ` (did you mean ${result.place.label}?)` : '';
    return refused(
      `"${value}" is no place the gazetteer knows${guess}`,
      'write it as "City, Region or Country" (e.g. Birmingham, Ala.), or give ' +
        '{ geonames: <id> }, or { city, country, lat, lon } for a place GeoNames lacks',
    );
  }
  if ('geonames' in value) {
    const found = gazetteer.byId(value.geonames);
    if (found) return { ok: true, place: context.fromGazetteer(found) };
    return refused(
      `GeoNames has no place ${value.geonames} among places of 1,000 people or more`,
      'check the id on geonames.org, or give { city, country, lat, lon }',
    );
  }
  const byName = countries.codesFor(value.country);
  const codes =
    byName.length > 0
      ? byName
      : countries.codes().filter((code) => code === value.country.toUpperCase());
  if (codes.length !== 1)
    return refused(
      `"${value.country}" is not one country`,
      'give its ISO 3166-1 code: country: US',
    );
  const countryCode = codes[0]!;
  let regionCode: string | undefined;
  if (value.region) {
    regionCode = [...context.qualifier(value.region).regions].find((code) =>
      code.startsWith(`${countryCode}.`),
    );
    if (!regionCode)
      return refused(
        `"${value.region}" is no region of ${context.names.countryName(countryCode)}`,
        'give the region as the gazetteer names it (region: Connecticut), or leave it out',
      );
  }
  const { city, lat, lon } = value;
  return {
    ok: true,
    place: describePlace(
      { city, regionCode, countryCode, lat, lon, match: 'country' },
      context.names,
    ),
  };
}
