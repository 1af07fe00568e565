// Reads datelines and `place:` fields against the gazetteer on a thread of its own (see
// place-book.ts): the index and everything made while loading it go when the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import type { PlaceField } from '#src/domain/places/field.ts';
import { loadPlaceResolver } from './resolver.ts';

export type ResolveJob =
  { key: string; dateline?: string; source?: string } | { key: string; place: PlaceField };

export interface ResolveWork {
  options: { cacheDir: string; language: string };
  jobs: ResolveJob[];
}

const { options, jobs } = workerData as ResolveWork;
const { resolver, gazetteer } = await loadPlaceResolver(options);
const entries = jobs.map((job) => [
  job.key,
  'place' in job ? resolver.field(job.place) : resolver.resolve(job.dateline, job),
]);
parentPort!.postMessage({ entries, gazetteer });
