import { stories } from '#src/domain/text.ts';
import { atlas, atlasId } from './atlas.ts';
import { placeMapUrl } from '#src/domain/urls.ts';
import { mapBase, renderLocator, renderMap, renderMapFile, type MapBase } from './render.ts';
import type { MapView, WhereView } from '../views/places.ts';

/**
 * The maps pages show, as SVG markup. Drawing a map's land and borders is the costly part, so
 * each base is drawn once per build and shared: the world by every page that shows it, a
 * country's by its page. Pages are rendered only when their view changed
 * (src/site/cache-key.ts), so a map is drawn only for a page that is. A place page's locator
 * does not copy its land: it shows the land's file (`mapFile`), which its country's place pages
 * share, and a reader's browser fetches once.
 */
const bases = new Map<string, MapBase>();

function base(key: string, draw: () => MapBase): MapBase {
  let found = bases.get(key);
  if (!found) bases.set(key, (found = draw()));
  return found;
}

const world = () => base('world', () => mapBase(atlas));

/** The world with a dot per place; dots wholly under a larger one are left out (see render.ts). */
export function worldMap(view: MapView): string {
  return renderMap(world(), view.dots, {
    title: 'Map of where the archive’s stories were filed',
    countLabel: stories,
    hideCovered: true,
  });
}

/** A country framed on its land and its places, with a dot for every one of them. */
export function countryMap(view: MapView, countryName: string): string {
  const code = view.country!;
  const places = view.dots.map((dot): [number, number] => [dot.lon, dot.lat]);
  // The frame follows the country's places: a base is drawn for the places this build has.
  const key = `country:${code}:${places.map(([lon, lat]) => `${lon},${lat}`).join(';')}`;
  const drawn = base(key, () => mapBase(atlas, { countryId: atlasId(code) ?? '', places }));
  return renderMap(drawn, view.dots, {
    title: `Map of where stories from ${countryName} were filed`,
    countLabel: stories,
    maxRadius: 22,
    minRadius: 3,
  });
}

/** The world, or a country's land alone (ISO 3166-1 alpha-2): what a locator marks a place on. */
const land = (code: string) =>
  base(`land:${code}`, () => mapBase(atlas, { countryId: atlasId(code) ?? '' }));

const WORLD = 'world';

/**
 * A locator's shared drawing, `world` or a country's code, as an SVG file: written once a build
 * and shown by every place page of the country, which carries only its mark.
 */
export function mapFile(name: string): string {
  return renderMapFile(name === WORLD ? world() : land(name.toUpperCase()));
}

/** The names of the locators' files: the world's and every country's. */
export const mapFileNames = (codes: readonly string[]) => [WORLD, ...codes];

/**
 * Where one place is: its country's land (the world, when the place lies beyond it, as
 * Honolulu lies beyond the lower 48), with the place marked.
 */
export function locatorMap(where: WhereView): string {
  const title = `Map: where ${where.city} is in ${where.country.name}`;
  const { code } = where.country;
  const { position } = where;
  const inLand = !position || land(code).project(position.lon, position.lat) !== undefined;
  const [name, drawn] = inLand ? [code, land(code)] : [WORLD, world()];
  return renderLocator(drawn, placeMapUrl(name), position, title);
}
