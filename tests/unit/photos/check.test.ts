import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPhotos, endsWhole, MAX_PIXELS } from '#src/photos/check.ts';
import type { PhotoUse } from '#src/photos/figures.ts';
import { photoHosts } from '#src/photos/hosts.ts';
import { makePhoto, truncate } from '../../support/photos.ts';

const work = await mkdtemp(join(tmpdir(), 'dateline-photo-check-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const content = join(work, 'content');
const folder = join(content, '2019/11/story');
const story = join(folder, 'index.md');
const jpeg = await makePhoto(join(folder, 'good.jpg'), { seed: 1, width: 400, height: 300 });
const png = await makePhoto(join(folder, 'good.png'), {
  seed: 2,
  width: 200,
  height: 100,
  format: 'png',
});
const webp = await makePhoto(join(folder, 'good.webp'), {
  seed: 3,
  width: 300,
  height: 200,
  format: 'webp',
});
await makePhoto(join(content, 'photos/shared.jpg'), { seed: 4, width: 300, height: 200 });
await makePhoto(join(work, 'outside.jpg'), { seed: 5, width: 200, height: 100 });
await truncate(join(folder, 'cut.jpg'), jpeg, 0.5);
await truncate(join(folder, 'cut.png'), png, 0.8);
await truncate(join(folder, 'cut.webp'), webp, 0.7);
// A camera's own data after the picture: the file is whole though it does not end as JPEGs do.
await writeFile(join(folder, 'trailer.jpg'), Buffer.concat([jpeg, Buffer.alloc(8192, 7)]));
await writeFile(join(folder, 'text.jpg'), 'This is not a photo.\n');
await writeFile(join(folder, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
await symlink(join(work, 'outside.jpg'), join(folder, 'link.jpg'));
// One pixel over the limit, in a file that stays small: a plain colour.
await sharp({
  create: { width: 8000, height: 5001, channels: 3, background: { r: 90, g: 120, b: 150 } },
})
  .jpeg()
  .toFile(join(folder, 'huge.jpg'));

const rules = {
  contentDir: content,
  domains: [],
  remotePatterns: photoHosts('https://photos.example.org/wire/'),
};
const check = async (use: Partial<PhotoUse> & { src: string }) =>
  (await checkPhotos('story.md', story, [{ line: 7, ...use }], rules)).problems.map(
    (problem) => `${problem.line}: ${problem.message}`,
  );

describe('checking a story’s photos', () => {
  it('passes whole photos beside the story and in a shared folder', async () => {
    for (const src of ['./good.jpg', 'good.png', './good.webp', '../../../photos/shared.jpg'])
      expect(await check({ src }), src).toEqual([]);
    expect(await check({ src: './trailer.jpg' })).toEqual([]);
  });

  it('records each photo file as checked, so that a later build sees it change', async () => {
    const { photos } = await checkPhotos('story.md', story, [{ src: './good.jpg' }], rules);
    expect(photos).toEqual([[join(folder, 'good.jpg'), jpeg.length, expect.any(Number)]]);
  });

  it('names the line and the reason for every bad photo', async () => {
    expect(await check({ src: './missing.jpg' })).toEqual([
      expect.stringMatching(
        /^7: the photo \.\/missing\.jpg does not exist \(looked for .*missing\.jpg\)$/,
      ),
    ]);
    expect(await check({ src: '../../../../outside.jpg' })).toEqual([
      '7: the photo ../../../../outside.jpg is outside the content folder',
    ]);
    expect(await check({ src: './link.jpg' })).toEqual([
      '7: the photo ./link.jpg is outside the content folder',
    ]);
    expect(await check({ src: '/photos/shared.jpg' })).toEqual([
      "7: the photo /photos/shared.jpg is written from the site's root",
    ]);
    expect(await check({ src: './text.jpg' })).toEqual([
      '7: ./text.jpg is not a photo that can be read (the file is damaged or is not an image)',
    ]);
    expect(await check({ src: './drawing.svg' })).toEqual([
      '7: ./drawing.svg is not a photo file (.svg)',
    ]);
    expect(await check({ src: './cut.jpg' })).toEqual([
      '7: the photo ./cut.jpg is cut short (its JPEG data ends before the picture does)',
    ]);
    expect(await check({ src: './cut.png' })).toEqual([
      '7: the photo ./cut.png is cut short (its PNG data ends before the picture does)',
    ]);
    expect(await check({ src: './cut.webp' })).toEqual([
      '7: ./cut.webp is not a photo that can be read (the file is damaged or is not an image)',
    ]);
    expect(await check({ src: './huge.jpg' })).toEqual([
      `7: the photo ./huge.jpg is 8000 × 5001 (40.0 megapixels), over the limit of ` +
        `${MAX_PIXELS / 1e6}`,
    ]);
    expect(await check({ src: '' })).toEqual(['7: a photo has no path']);
    expect(await check({ src: './good.jpg', missingAlt: true })).toEqual([
      '7: the photo ./good.jpg has no alt text',
    ]);
  });

  it('takes remote photos from the archive’s photo hosts only', async () => {
    expect(await check({ src: 'https://photos.example.org/other/a.jpg' })).toEqual([
      "7: the photo https://photos.example.org/other/a.jpg is on photos.example.org, which is not one of the archive's photo hosts",
    ]);
    expect(await check({ src: 'https://elsewhere.example/wire/a.jpg' })).toEqual([
      "7: the photo https://elsewhere.example/wire/a.jpg is on elsewhere.example, which is not one of the archive's photo hosts",
    ]);
    expect(await check({ src: 'http://photos.example.org/wire/a.jpg' })).toEqual([
      expect.stringContaining('which is not one of the archive'),
    ]);
  });

  it('gives the fix with each problem, and the field for the lead photo', async () => {
    const { problems } = await checkPhotos(
      'story.md',
      story,
      [{ src: './missing.jpg', line: 5, field: 'image.src' }],
      rules,
    );
    expect(problems).toEqual([
      {
        file: 'story.md',
        line: 5,
        field: 'image.src',
        message: expect.stringContaining('does not exist'),
        fix: 'check the spelling and the folder; the path is read from the story’s own folder',
      },
    ]);
  });
});

describe('how a photo file ends', () => {
  it('tells a whole JPEG, PNG, WebP and GIF from one cut short, from the ends alone', async () => {
    const ends = (bytes: Buffer) => [bytes.subarray(0, 16), bytes.subarray(-4096)] as const;
    const gif = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: 1, g: 2, b: 3 } },
    })
      .gif()
      .toBuffer();
    for (const [format, bytes] of [
      ['jpeg', jpeg],
      ['png', png],
      ['webp', webp],
      ['gif', gif],
    ] as const) {
      expect(endsWhole(format, ...ends(bytes), bytes.length), format).toBe(true);
      const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
      expect(endsWhole(format, ...ends(cut), cut.length), `${format} cut`).toBe(false);
    }
    expect(await readFile(join(folder, 'good.jpg'))).toEqual(jpeg);
  });
});
