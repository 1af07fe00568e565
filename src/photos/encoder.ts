// A worker thread that makes photo renditions (src/photos/service.ts sends it the work). Its own
// small heap holds the decoded originals: in the build's process, each decoded megapixel buffer
// set off a full collection of a heap that holds the whole archive, and collecting took about a
// quarter of the main thread while the photos were encoded.
import { parentPort } from 'node:worker_threads';
import sharp, { type FormatEnum, type ResizeOptions } from 'sharp';

// As Astro's own service: libvips' cache of operations would only hold pictures no one asks for
// again.
sharp.cache(false);

/** A rendition asked of the worker; `input` comes with an original's first rendition only. */
export interface EncodeJob {
  job: number;
  original: number;
  input?: Uint8Array;
  /** The widest rendition asked for: the original is decoded no wider. */
  decodedWidth: number;
  limitInputPixels: number | boolean | undefined;
  width: number;
  height?: number;
  format: keyof FormatEnum;
  options: Parameters<ReturnType<typeof sharp>['toFormat']>[1];
  background?: string;
  kernel?: ResizeOptions['kernel'];
  position?: ResizeOptions['position'];
}

/**
 * The rendition; or `fallback` for one Astro's own service must make; or `again` when the worker
 * no longer holds the original and needs its bytes; or an error's message.
 */
export type EncodeResult =
  | { job: number; data: Uint8Array; format: string }
  | { job: number; fallback: true }
  | { job: number; again: true }
  | { job: number; error: string };

type Decoded = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

/**
 * Originals decoded, newest last. Astro makes an original's renditions one after the other, two
 * originals at a time, so a few are enough.
 */
const decodedOriginals = new Map<number, Promise<Decoded | undefined>>();
const KEPT = 4;

/**
 * The original, turned upright and decoded once, no wider than the widest rendition; undefined
 * for what Astro's service must handle itself (animations, drawings, files it cannot read). A
 * JPEG or WebP is decoded at a fraction of its size when that is still wide enough (libvips'
 * shrink-on-load), so a 4,000-pixel photo costs a little more than a 1,200-pixel one.
 */
function decodeOriginal(job: EncodeJob): Promise<Decoded | undefined> {
  let decoded = decodedOriginals.get(job.original);
  if (!decoded) {
    const input = job.input!;
    decoded = (async () => {
      const image = sharp(input, { failOn: 'none', limitInputPixels: job.limitInputPixels });
      const meta = await image.metadata();
      if (meta.format === 'gif' || meta.format === 'svg' || (meta.pages ?? 1) > 1) return undefined;
      const { data, info } = await image
        .rotate()
        .resize({ width: job.decodedWidth, withoutEnlargement: true })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height, channels: info.channels };
    })().catch(() => undefined);
    decodedOriginals.set(job.original, decoded);
    for (const old of decodedOriginals.keys()) {
      if (decodedOriginals.size <= KEPT) break;
      decodedOriginals.delete(old);
    }
  }
  return decoded;
}

/** One rendition, resized from the decoded original; undefined when it cannot be made exactly. */
async function encode(job: EncodeJob): Promise<{ data: Buffer; format: string } | undefined> {
  const decoded = await decodeOriginal(job);
  const { width, height } = job;
  if (!decoded || width > decoded.width || (height ?? 0) > decoded.height) return undefined;
  const image = sharp(decoded.data, { raw: decoded });
  if (job.background) image.flatten({ background: job.background });
  if (width < decoded.width || (height !== undefined && height < decoded.height))
    image.resize({
      width: Math.round(width),
      height: height === undefined ? undefined : Math.round(height),
      kernel: job.kernel,
      position: job.position,
      withoutEnlargement: true,
    });
  const { data, info } = await image
    .toFormat(job.format, job.options)
    .toBuffer({ resolveWithObject: true });
  return { data, format: info.format };
}

parentPort?.on('message', (job: EncodeJob) => {
  if (!job.input && !decodedOriginals.has(job.original)) {
    parentPort!.postMessage({ job: job.job, again: true } satisfies EncodeResult);
    return;
  }
  encode(job).then(
    (made) => {
      const result: EncodeResult = made
        ? { job: job.job, data: made.data, format: made.format }
        : { job: job.job, fallback: true };
      parentPort!.postMessage(result);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      parentPort!.postMessage({ job: job.job, error: message } satisfies EncodeResult);
    },
  );
});
