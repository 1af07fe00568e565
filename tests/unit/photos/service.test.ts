import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import service, { plannedRenditions } from '#src/photos/service.ts';
import { setServicePaths } from '#src/photos/service-paths.ts';
import { photoBytes } from '../../support/photos.ts';

type Options = Parameters<NonNullable<typeof service.transform>>[1];
type Config = Parameters<NonNullable<typeof service.transform>>[2];

let work: string | undefined;
afterEach(async () => {
  delete (globalThis as { astroAsset?: unknown }).astroAsset;
  if (work) await rm(work, { recursive: true, force: true });
  work = undefined;
});

const config = () =>
  ({
    service: {
      entrypoint: './src/photos/service.ts',
      config: { webp: { quality: 75, effort: 0 }, limitInputPixels: 40e6 },
    },
  }) as unknown as Config;

const logger = console as unknown as Parameters<NonNullable<typeof service.transform>>[3];

async function transform(input: Uint8Array, options: Record<string, unknown>) {
  const made = await service.transform!(
    input,
    { src: '/_astro/photo.Abc.jpg', ...options } as Options,
    config(),
    logger,
  );
  const meta = await sharp(made.data).metadata();
  return { format: made.format, width: meta.width, height: meta.height, bytes: made.data };
}

describe('the photo service', () => {
  it('makes every rendition of an original at the size and in the format asked', async () => {
    const input = await photoBytes({ seed: 3, width: 1600, height: 1000 });
    const [column, share, thumbnail] = await Promise.all([
      transform(input, { width: 800, height: 500, format: 'webp' }),
      transform(input, { width: 1200, height: 750, format: 'jpeg' }),
      transform(input, { width: 224, height: 140, format: 'webp' }),
    ]);
    expect(column).toMatchObject({ format: 'webp', width: 800, height: 500 });
    expect(share).toMatchObject({ format: 'jpeg', width: 1200, height: 750 });
    expect(thumbnail).toMatchObject({ format: 'webp', width: 224, height: 140 });
    // The same picture as Astro's own service makes of it, within a little rounding.
    const own = await sharp(input).resize(224, 140).raw().toBuffer();
    const ours = await sharp(thumbnail.bytes).raw().toBuffer();
    const difference = own.reduce((sum, value, i) => sum + Math.abs(value - ours[i]!), 0);
    expect(difference / own.length).toBeLessThan(8);
  });

  it('leaves to Astro’s service what it cannot make from its decoded copy', async () => {
    const input = await photoBytes({ seed: 4, width: 2000, height: 1000 });
    // Wider than the copy decoded for the page's renditions (1,200): Astro's own service.
    expect(await transform(input, { width: 1600, height: 800, format: 'webp' })).toMatchObject({
      format: 'webp',
      width: 1600,
      height: 800,
    });
    const gif = await sharp({
      create: { width: 300, height: 200, channels: 3, background: '#336699' },
    })
      .gif()
      .toBuffer();
    expect(await transform(gif, { width: 150, format: 'webp' })).toMatchObject({
      format: 'webp',
      width: 150,
    });
  });

  it('does with a photo cut short what Astro’s service does', async () => {
    const input = (await photoBytes({ seed: 5, width: 1200, height: 800 })).subarray(0, 200);
    const options = { src: '/_astro/photo.Abc.jpg', width: 800, height: 533, format: 'webp' };
    const quiet = { ...console, warn: () => {} } as unknown as typeof logger;
    const ours = await service.transform!(input, options as Options, config(), quiet);
    const astros = await sharpService.transform(input, options as Options, config(), quiet);
    expect(ours.format).toBe(astros.format);
    expect(Buffer.from(ours.data).equals(Buffer.from(astros.data))).toBe(true);
  });

  it('starts ahead the renditions Astro will ask for and its cache does not hold', async () => {
    work = await mkdtemp(join(tmpdir(), 'dateline-photo-service-'));
    await writeFile(join(work, 'photo.Abc_cached.webp'), '');
    const original = { src: '/_astro/photo.Abc.jpg', width: 1600, height: 1000, format: 'jpg' };
    const planned = (name: string, options: Record<string, unknown>) => [
      name,
      { finalPath: `/_astro/${name}`, transform: { src: original, ...options } },
    ];
    (globalThis as { astroAsset?: unknown }).astroAsset = {
      staticImages: new Map([
        [
          '/_astro/photo.Abc.jpg',
          {
            transforms: new Map([
              planned('photo.Abc_column.webp', { width: 800, height: 500, format: 'webp' }),
              planned('photo.Abc_share.jpeg', { width: 1200, height: 750, format: 'jpeg' }),
              planned('photo.Abc_cached.webp', { width: 224, height: 140, format: 'webp' }),
            ] as [string, never][]),
          },
        ],
      ]),
    };
    setServicePaths({
      encoder: fileURLToPath(new URL('../../../src/photos/encoder.ts', import.meta.url)),
      cache: work,
    });
    const asked = { src: '/_astro/photo.Abc.jpg', width: 800, height: 500, format: 'webp' };
    // Astro passes the original's path; the others are asked the same way later.
    expect(plannedRenditions(asked as Options)).toEqual([
      { src: '/_astro/photo.Abc.jpg', width: 1200, height: 750, format: 'jpeg' },
    ]);
    // Under a base path, Astro's list names the original without it.
    const based = { ...asked, src: '/archive/_astro/photo.Abc.jpg' };
    expect(plannedRenditions(based as Options)).toHaveLength(1);
    expect(plannedRenditions({ ...asked, src: '/_astro/other.jpg' } as Options)).toEqual([]);
    // The rendition made ahead is the one asked for next: asking for it sends the workers nothing.
    const input = await photoBytes({ seed: 7, width: 1600, height: 1000 });
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    const first = await service.transform!(input, asked as Options, config(), logger);
    expect(posted).toHaveBeenCalledTimes(2);
    const next = { src: '/_astro/photo.Abc.jpg', width: 1200, height: 750, format: 'jpeg' };
    const second = await service.transform!(input, next as Options, config(), logger);
    expect(posted).toHaveBeenCalledTimes(2);
    posted.mockRestore();
    expect(await sharp(first.data).metadata()).toMatchObject({ format: 'webp', width: 800 });
    expect(await sharp(second.data).metadata()).toMatchObject({ format: 'jpeg', width: 1200 });
    delete (globalThis as { astroAsset?: unknown }).astroAsset;
    expect(plannedRenditions(asked as Options)).toEqual([]);
  });

  it('does not keep a process alive once its renditions are made', async () => {
    work = await mkdtemp(join(tmpdir(), 'dateline-photo-service-'));
    const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
    const script = join(work, 'one-rendition.mjs');
    await writeFile(
      script,
      `import service from ${module('../../../src/photos/service.ts')};\n` +
        `import { photoBytes } from ${module('../../support/photos.ts')};\n` +
        'const input = await photoBytes({ seed: 6, width: 1000, height: 600 });\n' +
        "const options = { src: '/_astro/a.jpg', width: 500, height: 300, format: 'webp' };\n" +
        'const made = await service.transform(input, options, { service: { config: {} } });\n' +
        'console.log(made.format, made.data.length > 0);\n',
    );
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('webp true');
    expect(run.status).toBe(0);
  });
});
