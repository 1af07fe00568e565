import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newStory } from '#src/authoring/new-story.ts';
import { checkStories, checkStoryPhotos, readStoryFiles } from '#src/ingest/check.ts';
import { articleSchema } from '#src/ingest/schema.ts';
import { makePhoto } from '../../support/photos.ts';
import { childEnv, projectRoot } from '../../support/build.ts';

const now = new Date(Date.UTC(2019, 10, 19, 13, 49));

describe('npm run new with a photo', () => {
  it('makes a folder story with the photo beside it as its lead photo', async () => {
    const into = await mkdtemp(join(tmpdir(), 'dateline-new-photo-'));
    const camera = await mkdtemp(join(tmpdir(), 'dateline-camera-'));
    await makePhoto(join(camera, 'IMG_2041.JPG'), { seed: 1, width: 600, height: 400 });
    const made = await newStory({
      title: 'Cotton harvest completed',
      source: 'Trend',
      offset: '+05:00',
      image: {
        path: join(camera, 'IMG_2041.JPG'),
        alt: 'Pickers load cotton onto a truck',
        credit: 'Photo: Jane Doe/Trend',
      },
      into,
      now,
    });
    const folder = join(into, '2019/11/cotton-harvest-completed');
    expect(made).toEqual({
      path: join(folder, 'index.md'),
      url: '/2019/11/19/cotton-harvest-completed/',
      date: '2019-11-19T18:49:00+05:00',
    });
    expect((await readdir(folder)).sort()).toEqual(['img-2041.jpg', 'index.md']);
    expect(await readFile(join(folder, 'img-2041.jpg'))).toEqual(
      await readFile(join(camera, 'IMG_2041.JPG')),
    );
    expect(await readFile(made.path, 'utf8')).toContain(
      'image:\n  src: ./img-2041.jpg\n  alt: Pickers load cotton onto a truck\n' +
        '  credit: "Photo: Jane Doe/Trend"\n---\n',
    );
    const { files } = await readStoryFiles(into);
    expect(checkStories(files, articleSchema, now.getTime())).toEqual([]);
    expect(await checkStoryPhotos(files, into, articleSchema)).toEqual([]);
  });

  it('refuses a photo that is missing or not a photo, and writes nothing', async () => {
    const into = await mkdtemp(join(tmpdir(), 'dateline-new-photo-'));
    const notes = join(into, '..', `notes-${Date.now()}.jpg`);
    await writeFile(notes, 'not a photo');
    const story = (path: string) =>
      newStory({ title: 'Port opens', source: 'Trend', image: { path, alt: 'A port' }, into, now });
    await expect(story(join(into, 'missing.jpg'))).rejects.toThrow(/there is no such file/);
    await expect(story(notes)).rejects.toThrow(/is not a photo that can be read/);
    expect(existsSync(join(into, '2019'))).toBe(false);
  });

  it('needs alt text with the photo, and a photo with its words, in one line', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['src/cli/new.ts', ...args], {
        cwd: projectRoot,
        env: childEnv(),
        encoding: 'utf8',
      });
    const noAlt = run('Port opens', '--source', 'Trend', '--image', 'photo.jpg');
    expect(noAlt.status).toBe(2);
    expect(noAlt.stderr.trim()).toBe(
      'npm run new: say what the photo shows: --alt "Pickers load cotton onto a truck". See ' +
        'npm run new -- --help',
    );
    const noImage = run('Port opens', '--source', 'Trend', '--alt', 'A port');
    expect(noImage.stderr.trim()).toBe(
      'npm run new: --alt goes with --image. See npm run new -- --help',
    );
    expect(run('--help').stdout).toContain('--image file');
  });
});
