import { readdir, readFile, mkdtemp, cp, symlink, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildSite, projectRoot, removeAll } from '../support/build.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('a build of the test archive', () => {
  it(
    'is byte-identical with TZ=UTC and TZ=America/Los_Angeles, its cache on disk or in memory: ' +
      'every file, search index included',
    async () => {
      const [utc, pacific] = [inject('outDir'), inject('outDirOtherZone')];
      const files = await filesUnder(utc);
      expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(20);
      expect(files.some((file) => file.startsWith('pagefind/'))).toBe(true);
      expect(await filesUnder(pacific)).toEqual(files);
      const differing: string[] = [];
      for (const file of files) {
        if (!(await readFile(join(pacific, file))).equals(await readFile(join(utc, file))))
          differing.push(file);
      }
      expect(differing).toEqual([]);
    },
  );

  it('publishes each story under the calendar date of its own offset', async () => {
    const out = inject('outDir');
    // 00:05 on 1 January 2020 in UTC+05:00 is still 31 December 2019 in UTC.
    await expect(
      stat(join(out, '2020/01/01/new-year-in-ashgabat/index.html')),
    ).resolves.toBeTruthy();
    await expect(
      stat(join(out, '2019/11/20/late-night-vote-in-ashgabat/index.html')),
    ).resolves.toBeTruthy();
  });
});

describe('a build of broken content', () => {
  it('stops before writing, with a message per problem naming file, line and field', async () => {
    const content = await mkdtemp(join(tmpdir(), 'dateline-invalid-'));
    await cp(join(projectRoot, 'tests/fixtures/invalid'), content, { recursive: true });
    // A link to a file that is gone: the story cannot be read, and must not vanish silently.
    await symlink(join(content, 'nowhere.md'), join(content, '2019/11/unreadable.md'));
    const result = await buildSite(content);
    try {
      expect(result.code).not.toBe(0);
      const out = result.output;
      expect(out).toContain('Dateline found 7 problems in the content; nothing was built.');
      expect(out).toMatch(
        /invalid-\w+\/2019\/11\/missing-title\.md:2: title: is required but missing/,
      );
      expect(out).toMatch(
        /2019\/11\/bad-date\.md:3: date: "2019-02-30" is not a day of the calendar/,
      );
      expect(out).toMatch(
        /2019\/11\/no-offset\.md:3: date: "2019-11-19T17:49:00" has a time but no UTC offset\n\s+fix: add the offset/,
      );
      expect(out).toMatch(
        /2019\/11\/unknown-key\.md:5: autor: unknown field "autor"\n\s+fix: did you mean "author"\?/,
      );
      expect(out).toMatch(/2019\/11\/wrong-type\.md:5: topics: must be a list of topics/);
      expect(out).toMatch(
        /2019\/11\/same-url\.md: this story and \S+\/elsewhere\/same-url\.md would both be published at \/2019\/11\/20\/same-url\//,
      );
      expect(out).toMatch(
        /2019\/11\/unreadable\.md: the story cannot be read: it links to a file that does not exist/,
      );
      await expect(stat(result.outDir)).rejects.toThrow(/ENOENT/);
    } finally {
      await removeAll(content, dirname(result.outDir));
    }
  });
});
