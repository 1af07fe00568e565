import { readdir, readFile, mkdtemp, mkdir, cp, symlink, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { buildSite, projectRoot, removeAll, runScript } from '../support/build.ts';

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

describe('npm run build’s output', () => {
  it('is a line per phase, not per page, and says at the end what it built and where', () => {
    // Astro colours its lines wherever CI is set (picocolors), as in the CI run.
    const output = stripVTControlCharacters(inject('buildOutput'));
    const lines = output.trim().split('\n');
    expect(output).not.toMatch(/├─/);
    expect(lines.length).toBeLessThan(40);
    expect(output).toMatch(/\[build\] \d+ pages and feeds written in [\d.]+m?s/);
    // Astro's line for each photo rendition, counted too.
    expect(output).not.toMatch(/▶/);
    expect(output).toMatch(/\[build\] \d+ photo renditions made in [\d.]+m?s/);
    // A page per country, and Aşgabat and Ashgabat one place.
    expect(lines.at(-1)).toMatch(
      /^137 pages from 46 stories, built in [\d.]+ s into \S+\/dist, for https:\/\/archive\.example\.org\/\. DATELINE_OUT=\S+ npm run preview serves it\.$/,
    );
    expect(output).not.toMatch(/Warning: SITE_URL/);
  });

  it(
    'with --verbose, has Astro’s line for every page; with --outDir, goes there, and warns once ' +
      'when SITE_URL is unset',
    { timeout: 120_000 },
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'dateline-outdir-'));
      try {
        const target = join(work, 'elsewhere');
        const { code, output } = await runScript(
          'build',
          {
            DATELINE_CONTENT: join(projectRoot, 'content'),
            DATELINE_CACHE: join(work, 'cache'),
            SITE_URL: '',
          },
          ['--outDir', target, '--verbose'],
        );
        expect(code, output).toBe(0);
        expect(
          output.match(
            /^Warning: SITE_URL is not set, so canonical links, feeds and sitemaps point at http:\/\/localhost:4321\/, this machine\. Set SITE_URL \(or write it in \.env\)/gm,
          ),
        ).toHaveLength(1);
        expect(output.match(/├─/g)?.length).toBeGreaterThan(10);
        await expect(stat(join(target, 'index.html'))).resolves.toBeTruthy();
        await expect(readFile(join(target, 'index.html'), 'utf8')).resolves.toContain(
          'href="http://localhost:4321/"',
        );
      } finally {
        await removeAll(work);
      }
    },
  );

  it(
    'refuses, in one line and before it touches anything, an option or a SITE_URL it cannot ' +
      'honour',
    async () => {
      const work = await mkdtemp(join(tmpdir(), 'dateline-refused-'));
      try {
        for (const [args, env, message] of [
          [
            ['--base', '/x'],
            {},
            /--base is not an option of this build: the base path is the path of SITE_URL/,
          ],
          [['--outdir', 'x'], {}, /Unknown option '--outdir'/],
          [
            [],
            { SITE_URL: 'newsroom.github.io/archive' },
            /SITE_URL "newsroom\.github\.io\/archive" is not an absolute URL: .*for example SITE_URL=https:\/\/newsroom\.github\.io\/archive/,
          ],
          [[], { SITE_URL: 'https://x.org/a?b' }, /must not have a query/],
        ] as const) {
          const { code, output } = await runScript(
            'build',
            { DATELINE_OUT: join(work, 'dist'), ...env },
            [...args],
          );
          expect(code, output).toBe(2);
          expect(output.trim().split('\n'), output).toHaveLength(1);
          expect(output).toMatch(message);
        }
        await expect(readdir(work)).resolves.toEqual([]);
      } finally {
        await removeAll(work);
      }
    },
  );
});

describe('a build whose aliases cannot be', () => {
  it('stops before writing, naming each file and the fix, and keeps the site there', async () => {
    const content = await mkdtemp(join(tmpdir(), 'dateline-aliases-'));
    const story = (title: string, date: string, aliases: string[]) =>
      `---\ntitle: ${title}\ndate: ${date}\nsource: Trend\naliases: [${aliases.join(', ')}]\n` +
      '---\n\nText.\n';
    await mkdir(join(content, '2019/11'), { recursive: true });
    await writeFile(
      join(content, '2019/11/one.md'),
      story('One', '2019-11-19', ['/2019/11/20/two/', '/2019/11/19/one/', '/shared/']),
    );
    await writeFile(join(content, '2019/11/two.md'), story('Two', '2019-11-20', ['/shared/']));
    await writeFile(
      join(content, '2019/11/three.md'),
      story('Three', '2019-11-21', ['https://example.org/old/', 'old/']),
    );
    const work = await mkdtemp(join(tmpdir(), 'dateline-aliases-out-'));
    const target = join(work, 'site');
    await mkdir(target);
    await writeFile(join(target, 'index.html'), 'the site as it was');
    try {
      const { code, output } = await runScript(
        'build',
        {
          DATELINE_CONTENT: content,
          DATELINE_CACHE: join(work, 'cache'),
          SITE_URL: 'https://archive.example.org',
        },
        ['--outDir', target],
      );
      expect(code).not.toBe(0);
      expect(output).toMatch(
        /2019\/11\/one\.md: aliases: \/2019\/11\/20\/two\/ is the address of \S+two\.md, which is published there\n\s+fix: /,
      );
      expect(output).toMatch(
        /2019\/11\/one\.md: aliases: \/2019\/11\/19\/one\/ is this story’s own address: it would redirect to itself\n\s+fix: remove it from aliases:/,
      );
      expect(output).toMatch(
        /2019\/11\/two\.md: aliases: \/shared\/ is also an alias of \S+one\.md/,
      );
      expect(output).toMatch(
        /2019\/11\/three\.md:\d+: aliases\.0: "https:\/\/example\.org\/old\/" is a full URL, not an address on this site\n\s+fix: write the old address as a path from the site’s root/,
      );
      expect(output).toMatch(
        /2019\/11\/three\.md:\d+: aliases\.1: "old\/" is not a site-relative path/,
      );
      expect(output).toMatch(/The previous site in \S+site is unchanged\./);
      await expect(readFile(join(target, 'index.html'), 'utf8')).resolves.toBe(
        'the site as it was',
      );
    } finally {
      await removeAll(content, work);
    }
  });
});
