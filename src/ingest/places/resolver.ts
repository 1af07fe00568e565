import { createCountryNames } from '#src/domain/places/countries.ts';
import { createGazetteer } from '#src/domain/places/gazetteer.ts';
import { createPlaceResolver, type PlaceResolver } from '#src/domain/places/resolve.ts';
import { loadCountryLocales } from './data.ts';
import { loadGazetteerData } from './gazetteer-index.ts';

/** How the gazetteer came to be in memory: read from the cache folder, or built there first. */
export type GazetteerLoad = 'read' | 'built';

/**
 * The place resolver with its data: the gazetteer index (built into `cacheDir` on first use)
 * and ISO 3166 country names in every language i18n-iso-countries ships.
 */
export async function loadPlaceResolver(options: {
  cacheDir: string;
  language: string;
}): Promise<{ resolver: PlaceResolver; gazetteer: GazetteerLoad }> {
  const [{ data, built }, locales] = await Promise.all([
    loadGazetteerData(options.cacheDir),
    loadCountryLocales(),
  ]);
  const resolver = createPlaceResolver(
    createGazetteer(data),
    createCountryNames(locales),
    options.language,
  );
  return { resolver, gazetteer: built ? 'built' : 'read' };
}
