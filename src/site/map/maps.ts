import { stories } from '#src/domain/text.ts';
import { atlas, atlasId } from './atlas.ts';
import { mapBase, renderLocator, renderMap, type MapBase } from './render.ts';
import type { MapView, WhereView } from '../views/places.ts';

/**
 * The maps pages show, as SVG markup. Drawing a map's land and borders is the costly part, so
 * each base is drawn once per build and shared: the world by every page that shows it, a
 * country's by its page and by its places' locators. Pages are rendered only when their view
 * changed (src/site/cache-key.ts), so a map is drawn only for a page that is.
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

/**
 * Where one place is: its country's land (the world, when the place lies beyond it, as
 * Honolulu lies beyond the lower 48), with the place marked.
 */
export function locatorMap(where: WhereView): string {
  const title = `Map: where ${where.city} is in ${where.country.name}`;
  const code = where.country.code;
  const land = base(`land:${code}`, () => mapBase(atlas, { countryId: atlasId(code) ?? '' }));
  const { position } = where;
  const inLand = !position || land.project(position.lon, position.lat) !== undefined;
  return renderLocator(inLand ? land : world(), position, title);
}
