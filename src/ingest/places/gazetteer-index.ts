// Builds the gazetteer index from GeoNames once per installed data and code, and keeps it in the
// build's cache folder: a build reads one compact JSON file instead of parsing GeoNames.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_FORMAT, type GazetteerData } from '#src/domain/places/gazetteer.ts';
import { placeKey } from '#src/domain/places/text.ts';
import { replaceFile } from '#src/util/replace-file.ts';
import { geonamesFiles, placeDataVersions } from './data.ts';

/** Other names (exonyms such as `Cologne`, `Basle`, `Kiev`) are kept for places this large. */
export const ALTERNATE_MIN_POPULATION = 15_000;

/** An airport code or similar among GeoNames' other names: `CGN`, `NYC`. */
const CODE = /^[A-Z]{2,4}$/;

interface Row {
  id: number;
  name: string;
  names: string[];
  others: string[];
  countryCode: string;
  admin1: string;
  population: number;
  lat: number;
  lon: number;
  capital: boolean;
}

/** One line of GeoNames' tab-separated dump, or undefined for a line that is none. */
function readRow(line: string): Row | undefined {
  const f = line.split('\t');
  if (f.length < 15) return undefined;
  const population = Number(f[14]) || 0;
  const names = [f[1]!, f[2]!];
  // `Washington, D.C.` is printed `WASHINGTON`.
  if (f[1]!.includes(', ')) names.push(f[1]!.split(', ')[0]!);
  const others =
    population >= ALTERNATE_MIN_POPULATION && f[3]
      ? f[3]
          .split(',')
          .filter((other) => other && !/\d/.test(other) && !CODE.test(other) && other.length <= 60)
      : [];
  return {
    id: Number(f[0]),
    name: f[1]!,
    names,
    others,
    countryCode: f[8]!,
    admin1: f[10]!,
    population,
    lat: Math.round(Number(f[4]) * 1000),
    lon: Math.round(Number(f[5]) * 1000),
    capital: f[7] === 'PPLC',
  };
}

type Keys = Record<string, number | number[]>;

function addKey(index: Keys, key: string, position: number): void {
  const found = index[key];
  if (found === undefined) index[key] = position;
  else if (typeof found === 'number') index[key] = [found, position];
  else found.push(position);
}

export async function buildGazetteerData(files = geonamesFiles()): Promise<GazetteerData> {
  const rows = (await readFile(files.cities, 'utf8'))
    .split('\n')
    .flatMap((line) => readRow(line) ?? []);
  rows.sort((a, b) => b.population - a.population || a.id - b.id);
  const keys: Keys = Object.create(null);
  const otherKeys: Keys = Object.create(null);
  rows.forEach((row, position) => {
    const own = new Set(row.names.map(placeKey).filter(Boolean));
    for (const key of own) addKey(keys, key, position);
    for (const key of new Set(row.others.map(placeKey)))
      if (key && !own.has(key)) addKey(otherKeys, key, position);
  });
  const admin1 = JSON.parse(await readFile(files.admin1, 'utf8')) as {
    code: string;
    name: string;
  }[];
  const regions: Record<string, string> = {};
  for (const { code, name } of admin1.sort((a, b) => (a.code < b.code ? -1 : 1)))
    regions[code] = name;
  return {
    format: INDEX_FORMAT,
    source: placeDataVersions().join(', '),
    ids: rows.map((r) => r.id),
    names: rows.map((r) => r.name),
    countries: rows.map((r) => r.countryCode),
    admin1: rows.map((r) => r.admin1),
    population: rows.map((r) => r.population),
    lat: rows.map((r) => r.lat),
    lon: rows.map((r) => r.lon),
    capitals: rows.flatMap((r, position) => (r.capital ? [position] : [])),
    keys: { ...keys },
    otherKeys: { ...otherKeys },
    regions,
  };
}

/** The code the index's content depends on, besides the data. */
const INDEX_CODE = ['./gazetteer-index.ts', '../../domain/places/text.ts', '../../domain/text.ts'];

const INDEX_FILE = /^dateline-gazetteer-[0-9a-f]{16}\.json$/;

/**
 * The index for the installed data: from `cacheDir` when a build made it from the same packages
 * and code, else built and written there (whole or not at all, so a stopped build leaves no
 * half file). `built` says which.
 */
export function loadGazetteerData(
  cacheDir: string,
): Promise<{ data: GazetteerData; built: boolean }> {
  const hash = createHash('sha256').update(placeDataVersions().join('\0'));
  for (const code of INDEX_CODE) hash.update(readFileSync(new URL(code, import.meta.url)));
  const name = `dateline-gazetteer-${hash.digest('hex').slice(0, 16)}.json`;
  const file = join(cacheDir, name);
  // Loaded once for resolvers that ask for it at the same time, and not kept after: the index
  // is tens of megabytes a build should not hold while it renders pages.
  let loaded = loading.get(file);
  if (!loaded) {
    loaded = readOrBuild(cacheDir, name).finally(() => loading.delete(file));
    loading.set(file, loaded);
  }
  return loaded;
}

const loading = new Map<string, Promise<{ data: GazetteerData; built: boolean }>>();

async function readOrBuild(
  cacheDir: string,
  name: string,
): Promise<{ data: GazetteerData; built: boolean }> {
  const file = join(cacheDir, name);
  try {
    return { data: JSON.parse(await readFile(file, 'utf8')) as GazetteerData, built: false };
  } catch {
    const data = await buildGazetteerData();
    await replaceFile(file, JSON.stringify(data));
    // Indexes of older data or code are never read again.
    for (const other of await readdir(cacheDir))
      if (INDEX_FILE.test(other) && other !== name)
        await rm(join(cacheDir, other), { force: true });
    return { data, built: true };
  }
}
