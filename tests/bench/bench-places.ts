// Where an archive's stories were filed, and what finding out costs: every dateline read
// against the gazetteer as the build reads it (src/ingest/places/), with the share placed in a
// country, the datelines left without a place and why, and the time and memory of the step in
// a cold build, a warm one and a one-story edit, each in a fresh process.
//
//   npm run bench:places                       the Reuters corpus (DATELINE_CORPUS)
//   npm run bench:places -- <content folder>   any archive
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommand } from '#src/cli/args.ts';
import { WIRE_AGENCIES } from '#src/domain/agencies.ts';
import { SITE_LANGUAGE } from '#src/domain/language.ts';
import { isDayPart } from '#src/domain/places/dateline.ts';
import type { Resolution } from '#src/domain/places/resolve.ts';
import { formatCount } from '#src/domain/text.ts';
import { parseStoryFile } from '#src/ingest/frontmatter.ts';
import { readStoryFiles } from '#src/ingest/check.ts';
import { loadCountryLocales } from '#src/ingest/places/data.ts';
import { createPlaceBook, type PlaceSource } from '#src/ingest/places/place-book.ts';
import { corpusFile } from '../support/corpus.ts';
import { readCorpus } from './corpus.ts';

const { positionals, values } = parseCommand({
  name: 'npm run bench:places',
  summary:
    'Reads every dateline of an archive as the build does: how many are placed in a country, ' +
    'which are not and why, and what it costs cold, warm and after a one-story edit.',
  usage: '[content folder]',
  positionals: true,
  options: {
    step: { type: 'string', value: 'name', description: 'run one measured step (internal)' },
    cache: { type: 'string', value: 'folder', description: 'its cache folder (internal)' },
    stories: { type: 'string', value: 'file', description: 'its stories (internal)' },
  },
  notes: ['Without a folder it reads the Reuters corpus: DATELINE_CORPUS, else the shared copy.'],
});

/** A dateline no archive has: a one-story edit that brings a new place. */
const NEW_DATELINE = { dateline: 'ASHGABAT, Turkmenistan, Nov. 19', source: 'Trend' };

interface StepResult {
  cpuMs: number;
  wallMs: number;
  peakMB: number;
  gazetteer: string;
}

async function runStep(step: string, cache: string, file: string): Promise<StepResult> {
  const stories = JSON.parse(await readFile(file, 'utf8')) as PlaceSource[];
  const started = performance.now();
  const cpu = process.cpuUsage();
  const book = await createPlaceBook({ cacheDir: cache, language: SITE_LANGUAGE });
  const facts = await book.prepare(step === 'edit' ? [...stories, NEW_DATELINE] : stories);
  await book.save();
  const used = process.cpuUsage(cpu);
  return {
    cpuMs: Math.round((used.user + used.system) / 1000),
    wallMs: Math.round(performance.now() - started),
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    gazetteer: facts.gazetteer,
  };
}

if (values.step) {
  const result = await runStep(values.step, values.cache!, values.stories!);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

async function readStories(): Promise<PlaceSource[]> {
  if (positionals[0]) {
    const { files } = await readStoryFiles(positionals[0]);
    return files.map(({ file, contents }) => {
      const { data } = parseStoryFile(file, contents);
      return data as PlaceSource;
    });
  }
  const stories: PlaceSource[] = [];
  for await (const record of readCorpus(corpusFile))
    stories.push({ dateline: record.dateline?.trim() || undefined, source: 'Reuters' });
  return stories;
}

const stories = await readStories();
const work = await mkdtemp(join(tmpdir(), 'dateline-places-'));
const file = join(work, 'stories.json');
await writeFile(file, JSON.stringify(stories));
const cache = join(work, 'cache');

const warmCache = join(work, 'warm-cache');

/**
 * Each step in a process of its own, three times, each from the same cache: none, or the one a
 * cold build leaves. The median by CPU time.
 */
function measure(step: string, from: 'nothing' | 'warm'): StepResult {
  const runs: StepResult[] = [];
  for (let round = 0; round < 3; round++) {
    spawnSync('rm', ['-rf', cache]);
    if (from === 'warm') spawnSync('cp', ['-r', warmCache, cache]);
    const args = ['tests/bench/bench-places.ts', '--step', step, '--cache', cache];
    const child = spawnSync(process.execPath, [...args, '--stories', file], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`step ${step} failed:\n${child.stderr}`);
    runs.push(JSON.parse(child.stdout) as StepResult);
  }
  return runs.sort((a, b) => a.cpuMs - b.cpuMs)[1]!;
}

const cold = measure('cold', 'nothing');
spawnSync('cp', ['-r', cache, warmCache]);
const warm = measure('warm', 'warm');
const edit = measure('edit', 'warm');
const book = await createPlaceBook({ cacheDir: cache, language: SITE_LANGUAGE });
await book.prepare(stories);

const dated = stories.filter((story) => story.dateline);
const results = dated.map((story) => ({ story, result: book.datelineOf(story) }));
const placed = results.filter(({ result }) => result.place);
const knownCountries = new Set(
  (await loadCountryLocales()).flatMap((locale) => Object.keys(locale.countries)),
);
const places = new Map<string, { label: string; countryCode: string; city: string }>();
for (const { result } of placed) places.set(result.place!.key, result.place!);
const countries = new Set([...places.values()].map((place) => place.countryCode));
const agencies = new Set(WIRE_AGENCIES.map((name) => name.toLowerCase()));
const wrong = [...places.values()].filter(
  (place) =>
    !knownCountries.has(place.countryCode) ||
    isDayPart(place.city) ||
    /\d/.test(place.city) ||
    agencies.has(place.city.toLowerCase()),
);
const unresolved = new Map<string, { reason: string; stories: number }>();
for (const { story, result } of results) {
  if (result.place) continue;
  const reason = (result as Extract<Resolution, { reason: string }>).reason;
  const entry = unresolved.get(story.dateline!) ?? { reason, stories: 0 };
  entry.stories++;
  unresolved.set(story.dateline!, entry);
}
const nearby = placed.filter(({ result }) => result.place!.match === 'nearby').length;

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(2)} %`;
const row = (name: string, r: StepResult) =>
  `| ${name} | ${formatCount(r.cpuMs)} ms | ${formatCount(r.wallMs)} ms | ${r.peakMB} MB | ` +
  `${r.gazetteer} |`;
console.log(
  [
    `${formatCount(stories.length)} stories, ${formatCount(dated.length)} with a dateline ` +
      `(${formatCount(new Set(dated.map((s) => s.dateline)).size)} distinct)`,
    `placed with a country: ${formatCount(placed.length)} = ` +
      percent(placed.length, dated.length),
    `  read through a misspelling (npm run check warns): ${formatCount(nearby)}`,
    `places: ${formatCount(places.size)} in ${formatCount(countries.size)} countries; ` +
      `not an ISO 3166 country, or a date, a number or an agency: ${wrong.length}` +
      (wrong.length ? ` (${wrong.map((p) => p.label).join('; ')})` : ''),
    '',
    '| step (median of 3, own process) | CPU | wall | peak memory | gazetteer |',
    '| --- | --- | --- | --- | --- |',
    row('cold: no cache, index built, every dateline read', cold),
    row('warm: every dateline in the place cache', warm),
    row('one-story edit bringing a new dateline', edit),
    '',
    `unresolved: ${formatCount(dated.length - placed.length)} stories, ` +
      `${formatCount(unresolved.size)} distinct datelines`,
    ...[...unresolved]
      .sort(
        ([a, x], [b, y]) =>
          x.reason.localeCompare(y.reason) || y.stories - x.stories || (a < b ? -1 : 1),
      )
      .map(
        ([dateline, { reason, stories: n }]) => `  ${reason}\t${n}\t${JSON.stringify(dateline)}`,
      ),
  ].join('\n'),
);
await rm(work, { recursive: true, force: true });
