import type { Place } from '#src/domain/places/place.ts';
import type { CountryGroup, Term } from '#src/domain/taxonomy.ts';
import { countryUrl, placeMapUrl, searchUrl, termIndexUrl, termUrl } from '#src/domain/urls.ts';
import { serializeSearchState, emptyState } from '#src/search/state.ts';
import type { MapDot } from '../map/render.ts';
import { mapFileNames } from '../map/maps.ts';
import { archive, countries, taxonomies, unplaced } from '../archive.ts';
import { keyedRoutes } from '../cache-key.ts';

/** A place as a list beside a map shows it: its name within its country, and its count. */
export interface ListedPlace {
  url: string;
  /** `Portland, Oregon`: the label without the country, which the list is under. */
  label: string;
  count: number;
}

/** What a map draws: its places' dots, and the largest, which its caption names. */
export interface MapView {
  /** ISO 3166-1 alpha-2 of the country it frames; none for the world. */
  country?: string;
  dots: MapDot[];
  largest?: { label: string; stories: number };
  /** Places listed that have no position in the gazetteer, so no dot. */
  undrawn: number;
}

/** `Birmingham, Alabama, United States` → `Birmingham, Alabama`; `Kuwait` stays `Kuwait`. */
export function labelInCountry(place: Place): string {
  const suffix = `, ${place.country}`;
  return place.label.endsWith(suffix) ? place.label.slice(0, -suffix.length) : place.label;
}

const listedPlace = (term: Term): ListedPlace => ({
  url: termUrl('places', term.slug),
  label: labelInCountry(term.place!),
  count: term.stories.length,
});

function mapView(terms: Term[], country?: string): MapView {
  const dots = terms.flatMap(({ place, slug, stories }): MapDot[] =>
    place?.lat === undefined || place.lon === undefined
      ? []
      : [
          {
            label: place.label,
            href: termUrl('places', slug),
            lat: place.lat,
            lon: place.lon,
            stories: stories.length,
          },
        ],
  );
  const largest = dots.reduce<MapDot | undefined>(
    (best, dot) => (!best || dot.stories > best.stories ? dot : best),
    undefined,
  );
  return {
    ...(country ? { country } : {}),
    dots,
    ...(largest ? { largest: { label: largest.label, stories: largest.stories } } : {}),
    undrawn: terms.length - dots.length,
  };
}

/** The id of a country's heading on the places page: `country-tm`. */
export const countryAnchor = (code: string) => `country-${code.toLowerCase()}`;

/** `/search/?country=Turkmenistan`: the stories filed from a country, by search. */
function countrySearch(group: CountryGroup): string {
  const state = emptyState();
  state.filters.country = [group.name];
  return `${searchUrl()}?${serializeSearchState(state)}`;
}

/** `/places/`: the map of every place, and every place under its country. */
export function placeIndexView() {
  const placed = archive.stories.length - unplaced;
  return {
    path: termIndexUrl('places'),
    places: taxonomies.places.length,
    countries: countries.length,
    placed,
    unplaced,
    total: archive.stories.length,
    map: mapView(taxonomies.places),
    groups: countries.map((group) => ({
      code: group.code,
      name: group.name,
      id: countryAnchor(group.code),
      url: countryUrl(group.code),
      stories: group.stories,
      places: group.places.map(listedPlace),
    })),
  };
}

/** A country's page: its map, and its places with their regions and counts. */
export function countryView(index: number) {
  const group = countries[index]!;
  return {
    path: countryUrl(group.code),
    code: group.code,
    name: group.name,
    stories: group.stories,
    places: group.places.map((term) => {
      const { region } = term.place!;
      const listed = listedPlace(term);
      // The region has a column of its own: `Portland` in Oregon, `Portland` in Maine.
      const suffix = `, ${region}`;
      const label =
        region && listed.label.endsWith(suffix)
          ? listed.label.slice(0, -suffix.length)
          : listed.label;
      return { ...listed, label, region };
    }),
    map: mapView(group.places, group.code),
    search: countrySearch(group),
  };
}
export type CountryView = ReturnType<typeof countryView>;

export const countryRoutes = () =>
  keyedRoutes(
    countries.map((group, index) => ({
      params: { code: group.code.toLowerCase() },
      props: { index },
    })),
    ({ index }) => countryView(index),
  );

/** Where a place is, as its page shows it: its country, region, position and locator map. */
export function whereView(place: Place) {
  return {
    city: place.city,
    region: place.region,
    country: { name: place.country, code: place.countryCode, url: countryUrl(place.countryCode) },
    ...(place.lat !== undefined && place.lon !== undefined
      ? { position: { lat: place.lat, lon: place.lon } }
      : {}),
  };
}
export type WhereView = ReturnType<typeof whereView>;

/**
 * The locators' shared drawings, one file a country and the world's. A file depends on its name
 * alone (the atlas is bundled), so its key holds across builds and the file is written once.
 */
export const mapFileRoutes = () =>
  keyedRoutes(
    mapFileNames(countries.map((group) => group.code.toLowerCase())).map((name) => ({
      params: { name },
      props: { name },
    })),
    ({ name }) => ({ path: placeMapUrl(name) }),
  );
