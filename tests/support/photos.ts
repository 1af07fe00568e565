// Photos for tests and the bench, made with sharp from a seed: nothing large is committed.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { seededRandom as seeded } from '../bench/corpora/synthetic.ts';

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

export interface PhotoOptions {
  seed: number;
  width: number;
  height: number;
  format?: PhotoFormat;
  quality?: number;
}

/** The SVG a photo starts from: a sky-to-ground gradient and soft blobs, drawn small. */
function sketch(random: () => number, width: number, height: number): string {
  const hue = Math.floor(random() * 360);
  const shapes: string[] = [];
  for (let i = 0; i < 40; i++) {
    const [x, y] = [random() * width, random() * height];
    const r = (0.03 + random() * 0.18) * Math.min(width, height);
    const light = 25 + Math.floor(random() * 55);
    const fill = `hsl(${Math.floor((hue + random() * 90) % 360)} 45% ${light}%)`;
    shapes.push(
      `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="${fill}" ` +
        `fill-opacity="${(0.3 + random() * 0.5).toFixed(2)}"/>`,
    );
  }
  const stop = (offset: number, h: number, s: number, l: number) =>
    `<stop offset="${offset}" stop-color="hsl(${h % 360} ${s}% ${l}%)"/>`;
  // Drawn at an eighth of the size and scaled up, which softens the blobs as a blur would:
  // blurring at full size took seconds a photo.
  const [w, h] = [Math.ceil(width / 8), Math.ceil(height / 8)];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" ` +
    `viewBox="0 0 ${width} ${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">` +
    `${stop(0, hue, 50, 75)}${stop(0.55, hue + 40, 35, 55)}${stop(1, hue + 80, 40, 25)}` +
    `</linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>` +
    `${shapes.join('')}</svg>`
  );
}

/** Raw pixels, three channels. */
export interface RawPhoto {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * A photo-like picture: a gradient, soft blobs, texture at every scale and a little grain, so
 * that it compresses about as a photograph does (flat colour would make every rendition tiny,
 * pure noise would make every one huge).
 */
export async function photoPixels(seed: number, width: number, height: number): Promise<RawPhoto> {
  const random = seeded(seed);
  const svg = sketch(random, width, height);
  // Detail at every scale, as in a photograph: noise drawn small and scaled up, one layer an
  // octave. libvips' noise has no seed of its own, so the noise is drawn from the seed here.
  const layers = await Promise.all(
    [32, 16, 8, 4].map(async (scale, index) => {
      const [w, h] = [
        Math.max(8, Math.ceil(width / scale)),
        Math.max(8, Math.ceil(height / scale)),
      ];
      const sigma = 26 - index * 3;
      const noise = Buffer.alloc(w * h * 3);
      for (let i = 0; i < noise.length; i++) noise[i] = gaussian(random, 128, sigma);
      const input = await sharp(noise, { raw: { width: w, height: h, channels: 3 } })
        .resize(width, height, { kernel: 'cubic' })
        .raw()
        .toBuffer();
      return { input, raw: { width, height, channels: 3 as const }, blend: 'soft-light' as const };
    }),
  );
  // The finest grain is a tile repeated: noise for every pixel of a large photo took most of a
  // second.
  const tile = Math.min(256, width, height);
  const grainPixels = Buffer.alloc(tile * tile * 3);
  for (let i = 0; i < grainPixels.length; i++) grainPixels[i] = gaussian(random, 128, 12);
  const grain = await sharp(grainPixels, { raw: { width: tile, height: tile, channels: 3 } })
    .png()
    .toBuffer();
  const base = await sharp(Buffer.from(svg)).resize(width, height).removeAlpha().raw().toBuffer();
  const data = await sharp(base, { raw: { width, height, channels: 3 } })
    .composite([...layers, { input: grain, blend: 'overlay', tile: true }])
    .removeAlpha()
    .raw()
    .toBuffer();
  return { data, width, height };
}

function encode(image: Sharp, format: PhotoFormat, quality: number): Promise<Buffer> {
  if (format === 'png') return image.png().toBuffer();
  if (format === 'webp') return image.webp({ quality }).toBuffer();
  return image.jpeg({ quality }).toBuffer();
}

/** A photo-like picture (`photoPixels`), encoded. */
export async function photoBytes(options: PhotoOptions): Promise<Buffer> {
  const { seed, width, height, format = 'jpeg', quality = 82 } = options;
  const pixels = await photoPixels(seed, width, height);
  return encode(sharp(pixels.data, { raw: { ...pixels, channels: 3 } }), format, quality);
}

/**
 * Many photos quickly, for the bench: each a part of one of a few large pictures, cut at a place
 * and a scale its seed chooses, its colours changed, then encoded. Every photo's bytes differ, as
 * Astro's cache needs (it names renditions by the photo's content), and each looks as much like a
 * photograph as the pictures it is cut from.
 */
export function photoSeries(masters: RawPhoto[]) {
  return async (options: PhotoOptions): Promise<Buffer> => {
    const { seed, width, height, format = 'jpeg', quality = 82 } = options;
    const random = seeded(seed);
    const master = masters[Math.floor(random() * masters.length)]!;
    const scale = Math.min(master.width / width, master.height / height, 1 + random() * 0.4);
    const [w, h] = [Math.floor(width * scale), Math.floor(height * scale)];
    const left = Math.floor(random() * (master.width - w));
    const top = Math.floor(random() * (master.height - h));
    const image = sharp(master.data, { raw: { ...master, channels: 3 } })
      .extract({ left, top, width: w, height: h })
      // Each channel's own gain and offset: another light, quicker than turning the hue.
      .linear(
        [0, 1, 2].map(() => 0.75 + random() * 0.5),
        [0, 1, 2].map(() => random() * 40 - 20),
      )
      .resize(width, height);
    return encode(image, format, quality);
  };
}

/** A normal deviate from the seeded generator (Box–Muller), clamped to a byte. */
function gaussian(random: () => number, mean: number, sigma: number): number {
  const u = 1 - random();
  const v = random();
  const value = mean + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(0, Math.min(255, Math.round(value)));
}

/** Writes a photo made by `photoBytes`, with the folders it needs. */
export async function makePhoto(
  path: string,
  options: PhotoOptions,
  make: (options: PhotoOptions) => Promise<Buffer> = photoBytes,
): Promise<Buffer> {
  const bytes = await make(options);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  return bytes;
}

/** A file cut short: the first `keep` of its bytes, as an interrupted copy leaves it. */
export async function truncate(path: string, source: Buffer, keep = 0.5): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, source.subarray(0, Math.floor(source.length * keep)));
}
