import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, makeTestArchive, removeAll, runScript, SITE_URL } from '../support/build.ts';
import { RECORD_FILE, type BuildRecord } from '#src/util/build-record.ts';
import { makePhoto } from '../support/photos.ts';
import { PHOTO_STORY, RTL_PHOTO_STORY, SHARED_PHOTO_STORY } from '../support/photo-stories.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

// Astro colours its log when CI is set, even into a pipe.
// eslint-disable-next-line no-control-regex -- the escape that starts a colour
const plain = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');

/** A build's output, and the record it wrote (src/util/build-record.ts). */
interface Build {
  code: number | null;
  output: string;
  record: BuildRecord;
}

async function build(env: Record<string, string>): Promise<Build> {
  const result = await runScript('build', env);
  const record = JSON.parse(
    await readFile(join(env.DATELINE_CACHE!, RECORD_FILE), 'utf8').catch(() => 'null'),
  ) as BuildRecord;
  return { ...result, record };
}

/**
 * Pages the build reused from the last build rather than rendered, named by their files as Astro
 * writes them.
 */
function reusedPages({ record }: Build): Set<string> {
  const rendered = new Set(record.rendered);
  const file = (path: string) => (path.endsWith('/') ? `${path}index.html` : path);
  return new Set(
    Object.keys(record.keys)
      .filter((path) => !rendered.has(path))
      .map(file),
  );
}

/** The photos whose renditions the build encoded, by their built names without the hash. */
function photosEncoded({ record }: Build): string[] {
  const names = (record.photos?.encoded ?? []).map((r) =>
    r.photo.replace(/\.[\w-]+(\.\w+)$/, '$1'),
  );
  return [...new Set(names)].sort();
}

/** Search parts the build indexed, not copied from the last build. */
function indexedParts({ record }: Build): string[] {
  return record.search!.parts.filter((part) => part.indexed !== 'unchanged').map((part) => part.id);
}

async function edit(path: string, change: (text: string) => string): Promise<void> {
  await writeFile(path, change(await readFile(path, 'utf8')));
}

// An editor's day: one story's text changed and committed, one headline changed, one story
// added to a busy day (every later listing page shifts), one story deleted, a shared photo
// replaced by a better one under the same name. A rebuild that reuses the last build must give
// exactly the site a clean build gives.
describe('an incremental rebuild after edits', () => {
  let content: string;
  let work: string;
  let first: Build;
  let warm: Build;
  let reindexed: Build;
  let second: Build;
  /** Every file of the site the edited build replaces, and its bytes when the build began. */
  let replaced: Map<string, Buffer>;
  let clean: Awaited<ReturnType<typeof buildSite>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    content = await makeTestArchive();
    work = await mkdtemp(join(tmpdir(), 'dateline-incremental-'));
    // Search parts of at most five stories: several parts, so that an edit leaves some alone.
    env = {
      DATELINE_CONTENT: content,
      DATELINE_OUT: join(work, 'dist'),
      DATELINE_CACHE: join(work, 'cache'),
      SITE_URL,
      DATELINE_SEARCH_PART_STORIES: '5',
    };
    first = await build(env);
    // Nothing changed: the search parts of the site are links to the cached ones.
    warm = await build(env);
    // The search cache gone, the pages kept: every part is indexed again from the built pages.
    execFileSync('cp', [
      '-al',
      join(work, 'dist', 'pagefind'),
      join(work, 'index-while-rendering'),
    ]);
    await rm(join(work, 'cache', 'dateline-search'), { recursive: true });
    reindexed = await build(env);
    execFileSync('cp', ['-al', join(work, 'dist', 'pagefind'), join(work, 'index-from-pages')]);
    // The live site's files as the edited build finds them, seen through links of their own.
    execFileSync('cp', ['-al', join(work, 'dist'), join(work, 'live-before-edits')]);
    replaced = new Map();
    for (const file of await filesUnder(join(work, 'live-before-edits')))
      replaced.set(file, await readFile(join(work, 'live-before-edits', file)));

    await edit(
      join(content, '2019/11/moscow-gas-talks.md'),
      (text) => `${text.trimEnd()}\n\nTalks resume on Friday.\n`,
    );
    execFileSync('git', ['commit', '-qam', 'Moscow talks: add Friday'], {
      cwd: content,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: '2019-11-21T09:00:00Z',
        GIT_COMMITTER_DATE: '2019-11-21T09:00:00Z',
        GIT_AUTHOR_NAME: 'Test Editor',
        GIT_AUTHOR_EMAIL: 'editor@example.org',
        GIT_COMMITTER_NAME: 'Test Editor',
        GIT_COMMITTER_EMAIL: 'editor@example.org',
      },
    });
    await edit(join(content, '2019/11/baku-hosts-caspian-transport-forum.md'), (text) =>
      text.replace(/^title: .*$/m, 'title: Baku hosts the Caspian transport forum'),
    );
    await writeFile(
      join(content, '1987/03/busy-day-early-bulletin.md'),
      '---\ntitle: Busy day early bulletin\ndate: 1987-03-03T09:00:00Z\nsource: ' +
        'Reuters\ndateline: LONDON, March 3\ntopics: [markets]\n---\n\nThe first bulletin of ' +
        'the day.\n',
    );
    await rm(join(content, '1987/03/busy-day-bulletin-7.md'));
    await makePhoto(join(content, 'photos/aktau-port.jpg'), {
      seed: 55,
      width: 1600,
      height: 900,
    });

    // Folders a killed build left behind, which the next build deletes.
    const deadPid = spawnSync('true').pid;
    for (const leftover of [`dist.building-${deadPid}-0badc0de`, `dist.previous-${deadPid}`]) {
      await mkdir(join(work, leftover, '2019'), { recursive: true });
      await writeFile(join(work, leftover, '2019/index.html'), 'half-written');
    }

    second = await build(env);
    clean = await buildSite(content, { DATELINE_SEARCH_PART_STORIES: '5' });
  }, 600_000);

  afterAll(() => removeAll(content, work, join(clean.outDir, '..')));

  it('reuses the pages nothing changed and renders the others again', () => {
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(reusedPages(first).size).toBe(0);
    const reused = reusedPages(second);
    expect(reused.has('/2020/01/01/new-year-in-ashgabat/index.html')).toBe(true);
    // Its neighbour in time changed headline.
    expect(reused.has('/2019/11/19/tokyo-markets-close-higher/index.html')).toBe(false);
    expect(reused.has('/2019/11/22/moscow-gas-talks/index.html')).toBe(false);
    // The busy day gained its first story and lost one.
    expect(reused.has('/1987/03/03/index.html')).toBe(false);
    expect(reused.size).toBeGreaterThan(50);
  });

  it('reuses photo pages and photos nothing changed, and encodes only a replaced photo', () => {
    expect(photosEncoded(first)).toEqual([
      '/_astro/aktau-port.jpg',
      '/_astro/carpets.jpg',
      '/_astro/hall.jpg',
      '/_astro/lead.jpg',
      '/_astro/portrait.webp',
      '/_astro/visitors.png',
    ]);
    // Nothing changed: no photo is encoded again, and every photo page is reused.
    expect(photosEncoded(warm)).toEqual([]);
    const reusedWarm = reusedPages(warm);
    for (const story of [PHOTO_STORY, SHARED_PHOTO_STORY, RTL_PHOTO_STORY])
      expect(reusedWarm.has(`${story}index.html`), story).toBe(true);
    // The replaced photo alone, and the two stories that show it.
    expect(photosEncoded(second)).toEqual(['/_astro/aktau-port.jpg']);
    const reused = reusedPages(second);
    expect(reused.has(`${PHOTO_STORY}index.html`)).toBe(false);
    expect(reused.has(`${SHARED_PHOTO_STORY}index.html`)).toBe(false);
  });

  it('keeps in the photo cache what the site holds, and drops a replaced photo’s', async () => {
    const cached = async () => (await readdir(join(work, 'cache/assets'))).sort();
    const site = new Set(await readdir(join(work, 'dist/_astro')));
    const before = new Set(await readdir(join(work, 'live-before-edits/_astro')));
    const replacedRenditions = [...before].filter(
      (name) => name.startsWith('aktau-port.') && !site.has(name),
    );
    expect(replacedRenditions.length).toBeGreaterThan(0);
    const now = await cached();
    expect(now.length).toBeGreaterThan(0);
    for (const name of now) expect(site.has(name), name).toBe(true);
    for (const name of replacedRenditions) expect(now, name).not.toContain(name);
    expect(second.record.photos?.pruned).toBe(replacedRenditions.length);
    // Every other photo was kept: the edited build encoded the replaced one alone.
    expect(warm.record.photos?.pruned).toBeUndefined();
  });

  it('leaves the site it replaces as it was, though the two share files', async () => {
    expect(warm.code, warm.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    const before = join(work, 'live-before-edits');
    expect(await filesUnder(before)).toEqual([...replaced.keys()]);
    const changed: string[] = [];
    for (const [file, bytes] of replaced)
      if (!(await readFile(join(before, file))).equals(bytes)) changed.push(file);
    expect(changed).toEqual([]);
    // The pages the edits changed, as the old site still serves them.
    expect(replaced.get('2019/11/22/moscow-gas-talks/index.html')!.toString()).not.toContain(
      'Talks resume on Friday.',
    );
    expect(replaced.get('2019/11/19/tokyo-markets-close-higher/index.html')!.toString()).toContain(
      'Baku hosts Caspian transport forum',
    );
  });

  it('reads again only the story files that changed', async () => {
    const stories = (await readdir(content, { recursive: true })).filter((name) =>
      String(name).endsWith('.md'),
    ).length;
    expect(first.record.stories).toEqual({ read: stories, unchanged: 0 });
    // The edited text, the new headline, the added story, and the two stories that show the
    // replaced photo, whose files did not change; the deleted one is simply gone.
    expect(second.record.stories).toEqual({ read: 5, unchanged: stories - 5 });
  });

  it('loads the gazetteer only for datelines the last build did not read', () => {
    expect(first.record.places).toMatchObject({ gazetteer: 'built' });
    expect(first.record.places!.resolved).toBe(first.record.places!.distinct);
    // Nothing new, then edits whose datelines the archive already has.
    expect(warm.record.places).toMatchObject({ gazetteer: 'not loaded', resolved: 0 });
    expect(second.record.places).toMatchObject({ gazetteer: 'not loaded', resolved: 0 });
  });

  it(
    'deletes the site it replaced, and folders killed builds left, once the new site is in ' +
      'place',
    async () => {
      const leftovers = async () =>
        (await readdir(work)).filter((name) => name.startsWith('dist.'));
      for (let waited = 0; waited < 60_000 && (await leftovers()).length > 0; waited += 200)
        await new Promise((wake) => setTimeout(wake, 200));
      expect(await leftovers()).toEqual([]);
      expect(await readdir(work)).toContain('dist');
    },
  );

  it('indexes again only the search parts whose story pages changed', async () => {
    const all = indexedParts(first);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const again = indexedParts(second);
    // The busy day's part, and the part of the story whose text changed.
    expect(again).toContain('1987-03-03');
    expect(again).toContain('2019-11-21-to-2019-11-23');
    expect(again.length).toBeLessThan(all.length);
    expect(second.record.search!.parts).toHaveLength(all.length);
  });

  it('indexes every search part of a cold build as soon as its pages are rendered', () => {
    const parts = first.record.search!.parts;
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const part of parts) expect(part.indexed).toBe('while-rendering');
  });

  it(
    'gives the same index, byte for byte, from the built pages as from the pages as they were ' +
      'rendered',
    async () => {
      expect(reindexed.code, reindexed.output).toBe(0);
      const parts = indexedParts(reindexed);
      expect([...parts].sort()).toEqual(indexedParts(first).sort());
      for (const part of reindexed.record.search!.parts) expect(part.indexed).toBe('from-site');
      const [early, late] = [join(work, 'index-while-rendering'), join(work, 'index-from-pages')];
      const files = await filesUnder(early);
      expect(files).toContain('parts.json');
      expect(await filesUnder(late)).toEqual(files);
      const differing: string[] = [];
      for (const file of files)
        if (!(await readFile(join(early, file))).equals(await readFile(join(late, file))))
          differing.push(file);
      expect(differing).toEqual([]);
    },
  );

  it('gives the same site, file for file, as a clean build', async () => {
    expect(clean.code, clean.output).toBe(0);
    const rebuilt = join(work, 'dist');
    const files = await filesUnder(clean.outDir);
    expect(files).toContain('1987/03/03/busy-day-early-bulletin/index.html');
    expect(files).not.toContain('1987/03/03/busy-day-bulletin-7/index.html');
    expect(await filesUnder(rebuilt)).toEqual(files);
    const differing: string[] = [];
    for (const file of files) {
      if (!(await readFile(join(rebuilt, file))).equals(await readFile(join(clean.outDir, file))))
        differing.push(file);
    }
    expect(differing).toEqual([]);
    expect(
      await readFile(join(rebuilt, '2019/11/22/moscow-gas-talks/index.html'), 'utf8'),
    ).toContain('Talks resume on Friday.');
  });

  // Runs last: it leaves the archive with a broken story, and the builds fail.
  it('reports a broken story again on a rebuild, though the file did not change', async () => {
    // A story the last build found valid, and left valid in its cache, is broken.
    await edit(join(content, '2019/11/moscow-gas-talks.md'), (text) =>
      text.replace(/^date: .*$/m, 'date: 22 November 2019'),
    );
    for (const attempt of [await runScript('build', env), await runScript('build', env)]) {
      expect(attempt.code).not.toBe(0);
      expect(plain(attempt.output)).toMatch(/moscow-gas-talks\.md:3: date:/);
    }
    expect(
      await readFile(join(work, 'dist/2019/11/22/moscow-gas-talks/index.html'), 'utf8'),
    ).toContain('Talks resume on Friday.');
  }, 120_000);
});
