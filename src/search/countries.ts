/**
 * A country, to the search index, is its places: the index holds no country filter, whose files
 * would repeat the place's (about 2 bytes a story in every part), so the search page chooses a
 * country as its places and counts it as their sum. A place's label names its country last
 * (`Birmingham, Alabama, United States`) or is the country's name (`Kuwait`), as
 * src/domain/places/place.ts makes it; a label that names another country is listed in the
 * manifest (`placeCountries`), which the build checks for every place.
 */

/** The country a place's label names, of those given: the longest that is it or ends it. */
export function labelCountry(label: string, countries: Iterable<string>): string | undefined {
  let found: string | undefined;
  for (const country of countries)
    if (
      (label === country || label.endsWith(`, ${country}`)) &&
      country.length > (found?.length ?? 0)
    )
      found = country;
  return found;
}

/**
 * The places whose label does not name their country, with their country: what the manifest
 * lists. `pairs` are each story's place and country.
 */
export function placeCountryExceptions(
  pairs: Iterable<readonly [place: string, country: string]>,
  countries: readonly string[],
): Record<string, string> {
  const exceptions: Record<string, string> = {};
  for (const [place, country] of pairs)
    if (labelCountry(place, countries) !== country) exceptions[place] = country;
  return exceptions;
}

/** Each country's places, from the places' labels and the manifest's exceptions. */
export function countryPlaces(
  places: Iterable<string>,
  countries: readonly string[],
  exceptions: Readonly<Record<string, string>> = {},
): Map<string, string[]> {
  const byCountry = new Map<string, string[]>();
  for (const place of places) {
    const country = exceptions[place] ?? labelCountry(place, countries);
    if (country === undefined) continue;
    let list = byCountry.get(country);
    if (!list) byCountry.set(country, (list = []));
    list.push(place);
  }
  return byCountry;
}
