import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { MOVED } from '../support/build.ts';
import { PHOTO_STORY, RTL_PHOTO_STORY } from '../support/photo-stories.ts';

const out = inject('outDir');
const newsroom = inject('newsroomOutDir');
const java = spawnSync('java', ['-version']).status === 0;
const VNU = join(
  dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

/** One page of every type the archive has, as files of the build. */
const PAGE_TYPES = [
  'index.html',
  'page/2/index.html',
  '2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/index.html',
  '2019/12/02/arabic-energy-summit/index.html',
  '2019/11/19/washington-trade-talks/index.html',
  '2019/index.html',
  '2019/11/index.html',
  '2019/11/19/index.html',
  '1987/03/03/page/2/index.html',
  'sources/index.html',
  'sources/trend/index.html',
  'authors/index.html',
  'authors/huseyn-hasanov/index.html',
  'places/index.html',
  'places/ashgabat-turkmenistan/index.html',
  'places/washington-d-c-united-states/index.html',
  'places/countries/tm/index.html',
  'places/countries/us/index.html',
  'topics/index.html',
  'topics/transport/index.html',
  'on-this-day/index.html',
  'on-this-day/11-19/index.html',
  'corrections/index.html',
  'search/index.html',
  '404.html',
  // Photos: a lead photo and figures, right to left, and a listing's thumbnails.
  `${PHOTO_STORY.slice(1)}index.html`,
  `${RTL_PHOTO_STORY.slice(1)}index.html`,
  '2019/10/index.html',
].map((file) => join(out, file));

/** The W3C Nu Html Checker's errors in some files, `file:line: message`. */
function vnu(files: string[]): string[] {
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const { messages } = JSON.parse(run.stderr || run.stdout) as {
    messages: { type: string; url: string; lastLine?: number; message: string }[];
  };
  return messages.map((m) => `${m.url.replace(/^file:/, '')}:${m.lastLine}: ${m.message}`);
}

describe('valid HTML (the W3C Nu Html Checker)', () => {
  it('has Java to run on', () => {
    expect(java, 'the Nu Html Checker needs Java: apt-get install default-jre-headless').toBe(true);
  });

  it.runIf(java)(
    'finds no error on any page type, an old address’s page and a page under a base included',
    { timeout: 120_000 },
    async () => {
      // Markup it must refuse, as a control: a name on an element that may not have one.
      const control = join(await mkdtemp(join(tmpdir(), 'dateline-vnu-')), 'control.html');
      const page = await readFile(PAGE_TYPES[2]!, 'utf8');
      await writeFile(
        control,
        page.replace('<pre tabindex="0">', '<pre aria-labelledby="cite-apa">'),
      );
      const errors = vnu([
        ...PAGE_TYPES,
        join(newsroom, MOVED.renamed.from.slice(1), 'index.html'),
        join(newsroom, 'index.html'),
        control,
      ]);
      expect(errors.filter((error) => !error.startsWith(control))).toEqual([]);
      expect(errors.filter((error) => error.startsWith(control))).toEqual([
        expect.stringMatching(/aria-labelledby/),
      ]);
    },
  );
});
