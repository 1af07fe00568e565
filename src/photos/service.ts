import sharpService, {
  resolveSharpEncoderOptions,
  type SharpImageServiceConfig,
} from 'astro/assets/services/sharp';
import type { LocalImageService } from 'astro';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FormatEnum } from 'sharp';
import { buildRecord, photoRecord } from '#src/util/build-record.ts';
import type { EncodeJob, EncodeResult } from './encoder.ts';
import { COLUMN, SHARE_WIDTH } from './places.ts';
import { servicePaths } from './service-paths.ts';

/** The widest rendition a page asks for: every other one is made from a copy this wide. */
const DECODED_WIDTH = Math.max(...COLUMN.widths, SHARE_WIDTH);

/** Formats the fast path writes; anything else goes to Astro's service unchanged. */
const OUTPUTS = new Set(['webp', 'jpeg', 'jpg', 'png', 'avif']);

/** A rendition made, or one for Astro's own service. */
type Made = Extract<EncodeResult, { data: Uint8Array } | { fallback: true }>;

type Slot = { worker: Worker; busy: number };
type Waiting = { resolve: (result: EncodeResult) => void; reject: (error: Error) => void };

/**
 * Worker threads that make the renditions (`encoder.ts`), one a core. An original goes to the
 * least busy one, which decodes it once for all its renditions: Astro's build hands every
 * rendition of an original the same buffer, one after the other, and decoding was most of what a
 * small rendition cost. Idle workers do not keep the process alive.
 */
class Encoders {
  private slots: Slot[] = [];
  private waiting = new Map<number, Waiting & { slot: Slot }>();
  private originals = new WeakMap<Uint8Array, { slot: Slot; id: number }>();
  private jobs = 0;
  private ids = 0;

  private readonly code: URL | string;

  constructor(code: URL | string) {
    this.code = code;
  }

  private start(): Slot {
    const worker = new Worker(this.code);
    const slot: Slot = { worker, busy: 0 };
    worker.unref();
    worker.on('message', (result: EncodeResult) => {
      const waiting = this.waiting.get(result.job);
      if (!waiting) return;
      this.waiting.delete(result.job);
      if (--slot.busy === 0) worker.unref();
      waiting.resolve(result);
    });
    const fail = (error: Error) => {
      this.slots = this.slots.filter((other) => other !== slot);
      for (const [job, waiting] of this.waiting)
        if (waiting.slot === slot) {
          this.waiting.delete(job);
          waiting.reject(error);
        }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The photo encoder stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /** The worker an original's renditions go to, and whether it has the original's bytes yet. */
  private slotFor(input: Uint8Array): { slot: Slot; id: number; known: boolean } {
    const known = this.originals.get(input);
    if (known && this.slots.includes(known.slot)) return { ...known, known: true };
    const slot =
      this.slots.length < availableParallelism()
        ? this.start()
        : this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const chosen = { slot, id: ++this.ids };
    this.originals.set(input, chosen);
    return { ...chosen, known: false };
  }

  private send(slot: Slot, job: EncodeJob): Promise<EncodeResult> {
    return new Promise((resolve, reject) => {
      this.waiting.set(job.job, { resolve, reject, slot });
      if (slot.busy++ === 0) slot.worker.ref();
      try {
        slot.worker.postMessage(job);
      } catch (error) {
        this.waiting.delete(job.job);
        if (--slot.busy === 0) slot.worker.unref();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  async encode(
    input: Uint8Array,
    job: Omit<EncodeJob, 'job' | 'original' | 'input'>,
  ): Promise<Made> {
    const { slot, id, known } = this.slotFor(input);
    const ask = (withInput: boolean) =>
      this.send(slot, {
        ...job,
        job: ++this.jobs,
        original: id,
        input: withInput ? input : undefined,
      });
    let result = await ask(!known);
    if ('again' in result) result = await ask(true);
    if ('error' in result) throw new Error(result.error);
    if ('again' in result) throw new Error('The photo encoder lost an original it was sent');
    return result;
  }
}

/**
 * The workers, one set a process: \`astro dev\` imports the service again when it restarts, and a
 * second set would leave the first idle for good.
 */
const ENCODERS = Symbol.for('dateline.photo-encoders');
function encoders(): Encoders {
  const holder = globalThis as { [ENCODERS]?: Encoders };
  return (holder[ENCODERS] ??= new Encoders(
    servicePaths()?.encoder ?? new URL('./encoder.ts', import.meta.url),
  ));
}

type Transform = LocalImageService<SharpImageServiceConfig>['transform'];
type Options = Parameters<Transform>[1];

/** What the worker needs for a rendition; undefined for one Astro's own service makes. */
function jobFor(transform: Options, settings: SharpImageServiceConfig) {
  const { width, height, format } = transform as {
    width?: number;
    height?: number;
    format?: string;
  };
  if (!width || !format || !OUTPUTS.has(format)) return undefined;
  return {
    decodedWidth: DECODED_WIDTH,
    limitInputPixels: settings.limitInputPixels,
    width,
    height,
    format: (format === 'jpg' ? 'jpeg' : format) as keyof FormatEnum,
    options: resolveSharpEncoderOptions(
      { format, quality: transform.quality },
      undefined,
      settings,
    ),
    background: transform.background,
    kernel: settings.kernel,
    position: transform.position as EncodeJob['position'],
  };
}

/** A rendition's options without its source, the same however Astro passes the source. */
function keyOf(transform: Options): string {
  const { src: _src, ...rest } = transform as Options & { src: unknown };
  return JSON.stringify(rest);
}

/** Renditions started ahead of Astro asking for them, by original and `keyOf`. */
const ahead = new WeakMap<Uint8Array, Map<string, Promise<Made>>>();

/**
 * The other renditions of an original Astro will ask for in this build and does not hold in its
 * cache, from its list of the build's images (an internal: `globalThis.astroAsset.staticImages`,
 * astro/dist/assets/build/generate.js). Astro asks for an original's renditions one after the
 * other, two originals at a time, so a core waited while each was written; started together on
 * the worker they keep both busy. Without the list (`astro dev`, a changed internal) nothing is
 * started ahead.
 */
export function plannedRenditions(transform: Options): Options[] {
  const images = (globalThis as { astroAsset?: { staticImages?: StaticImages } }).astroAsset
    ?.staticImages;
  const cache = servicePaths()?.cache;
  if (!images || !cache || typeof transform.src !== 'string') return [];
  const src = transform.src;
  const entry = images.get(src) ?? byFileName(images).get(basename(src));
  if (!entry) return [];
  const key = keyOf(transform);
  return [...entry.transforms.values()]
    .filter((planned) => !existsSync(join(cache, basename(planned.finalPath))))
    .map((planned) => ({ ...planned.transform, src }))
    .filter((planned) => keyOf(planned) !== key);
}

type Planned = { transforms: Map<string, { finalPath: string; transform: Options }> };
type StaticImages = Map<string, Planned>;

/**
 * Astro's list by each original's file name (which carries its hash): the list names originals
 * without the site's base path, and Astro passes them with it.
 */
const fileNames = new WeakMap<StaticImages, { size: number; index: Map<string, Planned> }>();
function byFileName(images: StaticImages) {
  let known = fileNames.get(images);
  if (!known || known.size !== images.size) {
    known = { size: images.size, index: new Map() };
    for (const [path, entry] of images) known.index.set(basename(path), entry);
    fileNames.set(images, known);
  }
  return known.index;
}

/**
 * One rendition, made on a worker thread from the original decoded once for all of them. A
 * rendition the worker cannot make exactly as asked (wider than the decoded copy, from an
 * animation or a drawing) is left to Astro's own sharp service.
 */
const encode: Transform = async (input, transform, config, logger) => {
  const settings = config.service.config;
  const job = jobFor(transform, settings);
  if (!job) return sharpService.transform(input, transform, config, logger);
  let startedAhead = ahead.get(input);
  const key = keyOf(transform);
  const early = startedAhead?.get(key);
  startedAhead?.delete(key);
  const made = early ?? encoders().encode(input, job);
  if (!startedAhead) {
    startedAhead = new Map();
    ahead.set(input, startedAhead);
    for (const planned of plannedRenditions(transform)) {
      const plannedJob = jobFor(planned, settings);
      if (!plannedJob) continue;
      const promise = encoders().encode(input, plannedJob);
      // Asked for later, or never if Astro's plan changed: its error is reported when asked.
      promise.catch(() => {});
      startedAhead.set(keyOf(planned), promise);
    }
  }
  const result = await made;
  if ('fallback' in result) return sharpService.transform(input, transform, config, logger);
  // A Buffer, as Astro's service gives: the dev server's image endpoint hashes it as a string.
  const data = Buffer.from(result.data.buffer, result.data.byteOffset, result.data.byteLength);
  return { data, format: result.format as never };
};

/** When this build's first encode began; a build is one process. */
let started: { at: number; cpu: NodeJS.CpuUsage } | undefined;

/** Astro's sharp service, with `encode` for its renditions, recorded in the build record. */
const service: LocalImageService<SharpImageServiceConfig> = {
  ...sharpService,
  async transform(input, transform, config, logger) {
    // Astro calls this only for a rendition its cache does not hold.
    if (!buildRecord().building) return encode(input, transform, config, logger);
    const record = photoRecord();
    const { width = 0, format = '' } = transform as { width?: number; format?: string };
    record.encoded.push({ photo: transform.src, width, format });
    started ??= { at: performance.now(), cpu: process.cpuUsage() };
    try {
      return await encode(input, transform, config, logger);
    } finally {
      const cpu = process.cpuUsage(started.cpu);
      record.encoding = {
        ms: Math.round(performance.now() - started.at),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      };
    }
  },
};

export default service;
