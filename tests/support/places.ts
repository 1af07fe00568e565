import { join } from 'node:path';
import type { PlaceResolver } from '#src/domain/places/resolve.ts';
import { loadPlaceResolver } from '#src/ingest/places/resolver.ts';
import { projectRoot } from './build.ts';

/** Where unit tests keep the gazetteer index between runs: built once, as a build does. */
export const TEST_PLACE_CACHE = join(projectRoot, 'node_modules/.cache/dateline-tests');

const resolvers = new Map<string, Promise<PlaceResolver>>();

/** The place resolver with the real gazetteer, naming countries in `language`. */
export function testResolver(language = 'en'): Promise<PlaceResolver> {
  let found = resolvers.get(language);
  if (!found) {
    found = loadPlaceResolver({ cacheDir: TEST_PLACE_CACHE, language }).then((r) => r.resolver);
    resolvers.set(language, found);
  }
  return found;
}
