// Where every story was filed, for one build. What the last build resolved comes from a small
// file in the cache folder, per dateline and per `place:` field; the gazetteer is loaded only
// when one is new. An edit that keeps its dateline never loads it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PlaceField, PlaceFieldResult } from '#src/domain/places/field.ts';
import type { Place } from '#src/domain/places/place.ts';
import type { Resolution } from '#src/domain/places/resolve.ts';
import type { PlacesRecord } from '#src/util/build-record.ts';
import { replaceFile } from '#src/util/replace-file.ts';
import { placeDataVersions } from './data.ts';
import type { GazetteerLoad } from './resolver.ts';
import type { ResolveJob, ResolveWork } from './resolve-worker.ts';

const FILE = 'dateline-places.json';

/** What places are read from in a story. */
export interface PlaceSource {
  dateline?: string;
  source?: string;
  place?: PlaceField;
}

type Entry = Resolution | PlaceFieldResult;

interface PlaceBookFile {
  /** The resolver's code, its data and the language: any change resolves everything again. */
  version: string;
  entries: Record<string, Entry>;
}

/** What preparing the book did, for the build record. */
export type PlaceFacts = PlacesRecord;

export interface PlaceBook {
  /** Resolves what the book lacks, loading the gazetteer only if something is new. */
  prepare(stories: Iterable<PlaceSource>): Promise<PlaceFacts>;
  /** The place a story is filed under: its `place:` field when it has one, else its dateline's. */
  placeOf(story: PlaceSource): Place | undefined;
  /** What a story's dateline gave (prepared). */
  datelineOf(story: PlaceSource): Resolution;
  /** What a `place:` field gave (prepared). */
  fieldOf(value: PlaceField): PlaceFieldResult;
  /** Keeps what this build used for the next one, and nothing else. */
  save(): Promise<void>;
}

const datelineKey = (story: PlaceSource) => `d\0${story.source ?? ''}\0${story.dateline ?? ''}`;
const fieldKey = (value: PlaceField) => `f\0${JSON.stringify(value)}`;

/** The resolver's code (src/domain/places/ and the folding it uses), data and runtime. */
function bookVersion(language: string): string {
  const hash = createHash('sha256');
  const folder = new URL('../../domain/places/', import.meta.url);
  for (const name of readdirSync(folder).sort())
    hash.update(name).update(readFileSync(new URL(name, folder)));
  hash.update(readFileSync(new URL('../../domain/text.ts', import.meta.url)));
  hash.update(placeDataVersions().join('\0'));
  hash.update(`${process.versions.icu ?? ''}\0${language}`);
  return hash.digest('hex').slice(0, 16);
}

function readBook(text: string, version: string): Map<string, Entry> {
  try {
    const book = JSON.parse(text) as PlaceBookFile;
    if (book.version === version) return new Map(Object.entries(book.entries));
  } catch {
    // No book yet, or a damaged one: every dateline is resolved.
  }
  return new Map();
}

/**
 * Resolves on a thread of its own: the gazetteer index is tens of megabytes once read, more
 * while it is built, and a build should not carry that heap while it renders its pages.
 */
function resolveOnThread(
  work: ResolveWork,
): Promise<{ entries: [string, Entry][]; gazetteer: GazetteerLoad }> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./resolve-worker.ts', import.meta.url), {
      workerData: work,
    });
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the place reader stopped (exit code ${code})`)));
  });
}

export async function createPlaceBook(options: {
  cacheDir: string;
  language: string;
}): Promise<PlaceBook> {
  const version = bookVersion(options.language);
  const file = join(options.cacheDir, FILE);
  const lastText = await readFile(file, 'utf8').catch(() => '');
  const last = readBook(lastText, version);
  const used = new Map<string, Entry>();

  const entry = (key: string): Entry => {
    const found = used.get(key);
    if (!found) throw new Error(`the place book was not prepared for ${JSON.stringify(key)}`);
    return found;
  };

  return {
    async prepare(stories) {
      const started = performance.now();
      const missing = new Map<string, ResolveJob>();
      const want = (job: ResolveJob) => {
        if (used.has(job.key) || missing.has(job.key)) return;
        const known = last.get(job.key);
        if (known) used.set(job.key, known);
        else missing.set(job.key, job);
      };
      const seen = new Set<string>();
      for (const { dateline, source, place } of stories) {
        const key = datelineKey({ dateline, source });
        seen.add(key);
        want({ key, dateline, source });
        if (place === undefined) continue;
        seen.add(fieldKey(place));
        want({ key: fieldKey(place), place });
      }
      let gazetteer: GazetteerLoad | 'not loaded' = 'not loaded';
      if (missing.size > 0) {
        const resolved = await resolveOnThread({ options, jobs: [...missing.values()] });
        gazetteer = resolved.gazetteer;
        for (const [key, entry] of resolved.entries) used.set(key, entry);
      }
      return {
        distinct: seen.size,
        resolved: missing.size,
        gazetteer,
        ms: Math.round(performance.now() - started),
      };
    },
    placeOf(story) {
      if (story.place !== undefined) {
        const result = entry(fieldKey(story.place)) as PlaceFieldResult;
        // A field that does not resolve stops the build before any page is made.
        return result.ok ? result.place : undefined;
      }
      return (entry(datelineKey(story)) as Resolution).place;
    },
    datelineOf: (story) => entry(datelineKey(story)) as Resolution,
    fieldOf: (value) => entry(fieldKey(value)) as PlaceFieldResult,
    async save() {
      const book: PlaceBookFile = { version, entries: Object.fromEntries(used) };
      const text = JSON.stringify(book);
      if (text !== lastText) await replaceFile(file, text);
    },
  };
}
