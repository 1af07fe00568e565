import sharpService, {
  resolveSharpEncoderOptions,
  type SharpImageServiceConfig,
} from 'astro/assets/services/sharp';
import type { LocalImageService } from 'astro';
import sharp, { type FormatEnum } from 'sharp';
import { buildRecord, photoRecord } from '#src/util/build-record.ts';
import { COLUMN, SHARE_WIDTH } from './places.ts';

// As Astro's own service: libvips' cache of operations would only hold pictures no one asks for
// again.
sharp.cache(false);

/** The widest rendition a page asks for: every other one is made from a copy this wide. */
const DECODED_WIDTH = Math.max(...COLUMN.widths, SHARE_WIDTH);

/** Formats the fast path writes; anything else goes to Astro's service unchanged. */
const OUTPUTS = new Set(['webp', 'jpeg', 'jpg', 'png', 'avif']);

type Decoded = { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

/** The original as decoded for its renditions, by the buffer Astro holds it in. */
const decodedOriginals = new WeakMap<Uint8Array, Promise<Decoded | undefined>>();

/**
 * The original, turned upright and decoded once, no wider than the widest rendition; undefined
 * for what Astro's service must handle itself (animations, drawings, files it cannot read). A
 * JPEG or WebP is decoded at a fraction of its size when that is still wide enough (libvips'
 * shrink-on-load), so a 4,000-pixel photo costs a little more than a 1,200-pixel one.
 */
function decodeOriginal(input: Uint8Array, limitInputPixels: number | boolean | undefined) {
  let decoded = decodedOriginals.get(input);
  if (!decoded) {
    decoded = (async () => {
      const image = sharp(input, { failOn: 'none', limitInputPixels });
      const meta = await image.metadata();
      if (meta.format === 'gif' || meta.format === 'svg' || (meta.pages ?? 1) > 1) return undefined;
      const { data, info } = await image
        .rotate()
        .resize({ width: DECODED_WIDTH, withoutEnlargement: true })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height, channels: info.channels };
    })().catch(() => undefined);
    decodedOriginals.set(input, decoded);
  }
  return decoded;
}

type Transform = LocalImageService<SharpImageServiceConfig>['transform'];

/**
 * One rendition, from the original decoded once for all of them (`decodeOriginal`): Astro's
 * build hands every rendition of an original the same buffer, one after the other, and decoding
 * was most of what a small rendition cost. A rendition this cannot
 * make exactly as asked (wider than the decoded copy, from an animation or a drawing) is left to
 * Astro's own sharp service.
 */
const encode: Transform = async (input, transform, config, logger) => {
  const { width, height, format } = transform as {
    width?: number;
    height?: number;
    format?: string;
  };
  if (!width || !format || !OUTPUTS.has(format))
    return sharpService.transform(input, transform, config, logger);
  const decoded = await decodeOriginal(input, config.service.config.limitInputPixels);
  if (!decoded || width > decoded.width || (height ?? 0) > decoded.height)
    return sharpService.transform(input, transform, config, logger);
  const image = sharp(decoded.data, { raw: decoded });
  if (transform.background) image.flatten({ background: transform.background });
  if (width < decoded.width || (height !== undefined && height < decoded.height))
    image.resize({
      width: Math.round(width),
      height: height === undefined ? undefined : Math.round(height),
      kernel: config.service.config.kernel,
      position: transform.position,
      withoutEnlargement: true,
    });
  const options = resolveSharpEncoderOptions(
    { format, quality: transform.quality },
    undefined,
    config.service.config,
  );
  const { data, info } = await image
    .toFormat((format === 'jpg' ? 'jpeg' : format) as keyof FormatEnum, options)
    .toBuffer({ resolveWithObject: true });
  return { data, format: info.format };
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
