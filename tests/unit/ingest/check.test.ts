import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '#src/ingest/schema.ts';
import { checkArchive, checkStories } from '#src/ingest/check.ts';
import { readStoryFiles } from '#src/ingest/check.ts';
import { formatProblem } from '#src/domain/problems.ts';
import { frontmatterDate, parseGitLog, readHistory } from '#src/ingest/history.ts';
import { isoInOffset, parseOffset } from '#src/domain/dates.ts';
import { newStory } from '#src/authoring/new-story.ts';
import { TEST_PLACE_CACHE, testResolver } from '../../support/places.ts';

describe('npm run check', () => {
  it('finds every kind of mistake at once, with file, line and fix', async () => {
    const { files } = await readStoryFiles('tests/fixtures/check');
    const problems = checkStories(files, articleSchema, Date.UTC(2026, 10, 28));
    const lines = problems.map(formatProblem);
    expect(lines).toHaveLength(8);
    expect(lines).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/check\/2019\/11\/Bad_Slug\.md: the file name "Bad_Slug\.md" is not a valid slug\n\s+fix: rename it to bad-slug\.md/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/check\/2019\/11\/broken-link\.md:9: links to \/2019\/11\/18\/no-such-story\/, which is not a story in the archive/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/check\/2019\/11\/from-the-future\.md:3: date: 2999-01-01T09:00:00Z is in the future/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/check\/2019\/11\/misspelt-field\.md:2: source: is required but missing/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/check\/2019\/11\/misspelt-field\.md:4: sourse: unknown field "sourse"\n\s+fix: did you mean "source"\?/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/check\/2019\/11\/no-text\.md: the story has no text/,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/check\/2019\/11\/twin\.md: this story and tests\/fixtures\/check\/other\/twin\.md would both be published at \/2019\/11\/22\/twin\//,
      ),
      expect.stringMatching(
        /^tests\/fixtures\/check\/2019\/11\/updated-too-early\.md:5: updated: 2019-11-18T10:00:00\+04:00 is before the story's date/,
      ),
    ]);
  });

  it(
    'passes the archive’s own content and exits 0; exits 1 on the fixtures',
    { timeout: 30_000 },
    () => {
      const ok = spawnSync(process.execPath, ['src/cli/check.ts', 'content'], { encoding: 'utf8' });
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/1 stories checked in [\d.]+ s: no problems\./);
      const bad = spawnSync(process.execPath, ['src/cli/check.ts', 'tests/fixtures/check'], {
        encoding: 'utf8',
      });
      expect(bad.status).toBe(1);
      expect(bad.stdout).toMatch(/10 stories checked in [\d.]+ s: 8 problems\./);
    },
  );
});

describe('npm run check on places and bylines', () => {
  it(
    'warns of bylines in capitals or with two people, and of datelines that give no place or ' +
      'a guessed one; a place: field that names no place is an error',
    { timeout: 120_000 },
    async () => {
      // The gazetteer index, made once for the unit tests' cache folder.
      await testResolver();
      const { files } = await readStoryFiles('tests/fixtures/check-places');
      const problems = await checkArchive(files, articleSchema, { cacheDir: TEST_PLACE_CACHE });
      const at = 'tests/fixtures/check-places/1987/03/';
      expect(problems.map((p) => [p.file.replace(at, ''), p.line, p.field, p.severity])).toEqual([
        ['misspelt-dateline.md', 5, 'dateline', 'warning'],
        ['shouting-byline.md', 5, 'author', 'warning'],
        ['table-dateline.md', 5, 'dateline', 'warning'],
        ['two-authors.md', 5, 'author', 'warning'],
        ['unknown-place.md', 6, 'place', undefined],
      ]);
      const [misspelt, shouting, table, two, unknown] = problems.map(formatProblem);
      expect(misspelt).toContain(
        '"PHILADEPHIA, March 18" is read as Philadelphia, Pennsylvania, United States',
      );
      expect(shouting).toContain('fix: write the name as people write it: author: Julie Vorman');
      expect(table).toContain('"us        7.8015" is a line of figures or a table');
      expect(two).toContain(
        'fix: give each person as a name of the list: author: [Patrick Rizzo, Patti Domm]',
      );
      expect(unknown).toMatch(/place: "Nowhereville, Atlantis" is no place the gazetteer knows/);
      // The build reads the same fields through the same module: checkStories alone, which needs
      // no gazetteer, says the same of bylines.
      const bylines = checkStories(files, articleSchema).filter((p) => p.field === 'author');
      expect(bylines).toEqual(problems.filter((p) => p.field === 'author'));
    },
  );
});

describe('npm run check, on old addresses', () => {
  it(
    'lists an address that changed in git and answers no more, and a link to an old address; ' +
      'a rename git followed redirects by itself',
    { timeout: 30_000 },
    async () => {
      const repo = await mkdtemp(join(tmpdir(), 'dateline-check-git-'));
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: repo,
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 'Editor',
            GIT_AUTHOR_EMAIL: 'e@example.org',
            GIT_COMMITTER_NAME: 'Editor',
            GIT_COMMITTER_EMAIL: 'e@example.org',
          },
          stdio: 'ignore',
        });
      const story = (date: string, text: string) =>
        `---\ntitle: ${text.slice(0, 20)}\ndate: ${date}\nsource: Trend\n---\n\n${text}\n`;
      await mkdir(join(repo, '2019/11'), { recursive: true });
      const put = (name: string, date: string, text: string) =>
        writeFile(join(repo, '2019/11', name), story(date, text));
      await put('first-name.md', '2019-11-19', 'A story whose file name was corrected twice.');
      await put('withdrawn.md', '2019-11-20', 'A story that was taken down.');
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'Add');
      git('mv', '2019/11/first-name.md', '2019/11/second-name.md');
      git('rm', '-q', '2019/11/withdrawn.md');
      git('commit', '-qm', 'Rename one, withdraw one');
      // The renamed story is re-dated, and a new story now has its second address.
      await put('second-name.md', '2019-11-18', 'A story whose file name was corrected twice.');
      await mkdir(join(repo, '2019/12'));
      await writeFile(
        join(repo, '2019/12/second-name.md'),
        story('2019-11-19', 'A new story, [linking to an old address](/2019/11/19/first-name/).'),
      );
      git('add', '.');
      git('commit', '-qm', 'Re-date one; a new story');
      // Not committed: an alias that is the new story's address.
      await writeFile(
        join(repo, '2019/11/second-name.md'),
        story('2019-11-18', 'A story whose file name was corrected twice.').replace(
          'source: Trend',
          'source: Trend\naliases: [/2019/11/19/second-name/]',
        ),
      );
      const run = spawnSync(process.execPath, ['src/cli/check.ts', repo], { encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(1);
      expect(run.stdout).toMatch(
        /11\/second-name\.md:5: aliases: \/2019\/11\/19\/second-name\/ is the address of \S+12\/second-name\.md, which is published there\n\s+fix: /,
      );
      expect(run.stdout).toMatch(
        /warning: \S+11\/second-name\.md: the story was at \/2019\/11\/19\/second-name\/ in an earlier commit, and that address cannot lead to it: \S+12\/second-name\.md is published there now/,
      );
      expect(run.stdout).toMatch(
        /warning: \S+withdrawn\.md: was deleted in commit [0-9a-f]{7}, so its address \/2019\/11\/20\/withdrawn\/ no longer answers\n\s+fix: if the story lives on in another file, add "- \/2019\/11\/20\/withdrawn\/"/,
      );
      expect(run.stdout).toMatch(
        /warning: \S+12\/second-name\.md:7: links to \/2019\/11\/19\/first-name\/, an old address that redirects to \/2019\/11\/18\/second-name\//,
      );
      expect(run.stdout).not.toMatch(/first-name\/ no longer/);
      expect(run.stdout).toMatch(/2 stories checked in [\d.]+ s: 1 problem, 3 warnings\./);
    },
  );
});

describe('history from git', () => {
  it('parses one pass over the log into commits with their files, renames and blobs', () => {
    const blob = (n: number) => String(n).repeat(40);
    const log =
      `\x1eaaa\x1f2019-11-19T18:00:00+04:00\x1fAdd two stories\n\n` +
      `:000000 100644 ${'0'.repeat(40)} ${blob(1)} A\tcontent/a.md\n` +
      `:000000 100644 ${'0'.repeat(40)} ${blob(2)} A\tcontent/notes.txt\n` +
      `\x1ebbb\x1f2019-11-21T10:00:00+04:00\x1fRename a\n\n` +
      `:100644 100644 ${blob(1)} ${blob(3)} R091\tcontent/a.md\tcontent/b.md\n`;
    expect(parseGitLog(log)).toEqual([
      {
        hash: 'aaa',
        date: '2019-11-19T18:00:00+04:00',
        subject: 'Add two stories',
        changes: [
          {
            status: 'A',
            from: 'content/a.md',
            to: 'content/a.md',
            fromBlob: '0'.repeat(40),
            toBlob: blob(1),
          },
        ],
      },
      {
        hash: 'bbb',
        date: '2019-11-21T10:00:00+04:00',
        subject: 'Rename a',
        changes: [
          {
            status: 'R',
            from: 'content/a.md',
            to: 'content/b.md',
            fromBlob: blob(1),
            toBlob: blob(3),
          },
        ],
      },
    ]);
  });

  it('reads a date from a version of a story without reading all of its frontmatter', () => {
    expect(frontmatterDate('---\ntitle: A\ndate: 2019-11-19T17:49:00+04:00\n---\nText')).toBe(
      '2019-11-19T17:49:00+04:00',
    );
    expect(frontmatterDate('---\ndate: "2019-11-19" # filed late\n---\n')).toBe('2019-11-19');
    expect(frontmatterDate('---\ntitle: A\n---\ndate: 2019-11-19\n')).toBeUndefined();
    expect(frontmatterDate('no frontmatter')).toBeUndefined();
  });

  it('reads a real repository made by the test, and nothing outside one', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'dateline-git-'));
    const git = (args: string[], date: string) =>
      execFileSync('git', args, {
        cwd: repo,
        env: {
          ...process.env,
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
          GIT_AUTHOR_NAME: 'Editor',
          GIT_AUTHOR_EMAIL: 'e@example.org',
          GIT_COMMITTER_NAME: 'Editor',
          GIT_COMMITTER_EMAIL: 'e@example.org',
        },
      });
    git(['init', '-q'], '2019-11-19T18:00:00+04:00');
    await mkdir(join(repo, 'content/2019/11'), { recursive: true });
    await writeFile(join(repo, 'content/2019/11/story.md'), 'first');
    await writeFile(join(repo, 'content/2019/11/other.md'), 'other');
    git(['add', '.'], '2019-11-19T18:00:00+04:00');
    git(['commit', '-qm', 'Add two stories'], '2019-11-19T18:00:00+04:00');
    await writeFile(join(repo, 'content/2019/11/story.md'), 'second');
    git(['commit', '-qam', 'Correct the spelling of a name'], '2019-11-21T09:30:00-05:00');
    const history = readHistory(join(repo, 'content'));
    const story = history.revisions.get(join(repo, 'content/2019/11/story.md'))!;
    expect(story.map((r) => [r.date, r.subject])).toEqual([
      ['2019-11-21T09:30:00-05:00', 'Correct the spelling of a name'],
      ['2019-11-19T18:00:00+04:00', 'Add two stories'],
    ]);
    expect(history.revisions.get(join(repo, 'content/2019/11/other.md'))).toHaveLength(1);
    expect(history.former).toEqual(new Map());
    expect(readHistory(await mkdtemp(join(tmpdir(), 'dateline-nogit-')))).toEqual({
      revisions: new Map(),
      former: new Map(),
      removed: [],
      shallow: false,
    });
  });

  it(
    'follows a story renamed, then re-dated, in later commits: its revisions, its old ' +
      'addresses, newest first; and a story deleted',
    async () => {
      const repo = await mkdtemp(join(tmpdir(), 'dateline-renames-'));
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: repo,
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 'Editor',
            GIT_AUTHOR_EMAIL: 'e@example.org',
            GIT_COMMITTER_NAME: 'Editor',
            GIT_COMMITTER_EMAIL: 'e@example.org',
          },
          stdio: 'ignore',
        });
      const story = (date: string, text = 'Text of the story, long enough to be recognised.') =>
        `---\ntitle: A\ndate: ${date}\nsource: Trend\n---\n\n${text}\n`;
      await mkdir(join(repo, '2019/11'), { recursive: true });
      await writeFile(join(repo, '2019/11/old-name.md'), story('2019-11-19T10:00:00+04:00'));
      await writeFile(join(repo, '2019/11/withdrawn.md'), story('2019-11-20', 'Other text.'));
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'Add');
      git('mv', '2019/11/old-name.md', '2019/11/new-name.md');
      git('commit', '-qm', 'Rename');
      const file = join(repo, '2019/11/new-name.md');
      await writeFile(file, story('2019-11-18T10:00:00+04:00'));
      git('rm', '-q', '2019/11/withdrawn.md');
      git('commit', '-qam', 'Re-date; withdraw one');
      const history = readHistory(repo);
      expect([...history.former]).toEqual([
        [file, ['/2019/11/19/new-name/', '/2019/11/19/old-name/']],
      ]);
      expect(history.revisions.get(file)!.map((r) => r.subject)).toEqual([
        'Re-date; withdraw one',
        'Rename',
        'Add',
      ]);
      expect(history.removed).toMatchObject([
        { file: join(repo, '2019/11/withdrawn.md'), path: '/2019/11/20/withdrawn/' },
      ]);
    },
  );
});

describe('npm run new', () => {
  it('dates the story now, in the offset asked for', async () => {
    const now = new Date(Date.UTC(2019, 10, 19, 13, 49));
    expect(isoInOffset(now, 240)).toBe('2019-11-19T17:49:00+04:00');
    expect(isoInOffset(now, -330)).toBe('2019-11-19T08:19:00-05:30');
    expect(parseOffset('Z')).toBe(0);
    expect(parseOffset('+0530')).toBe(330);
    expect(parseOffset('Asia/Baku')).toBeNull();
    const into = await mkdtemp(join(tmpdir(), 'dateline-new-'));
    const made = await newStory({
      title: 'Baku hosts energy week',
      source: 'Trend',
      dateline: 'BAKU, Azerbaijan',
      offset: '+04:00',
      into,
      now,
    });
    expect(made).toEqual({
      path: join(into, '2019/11/baku-hosts-energy-week.md'),
      url: '/2019/11/19/baku-hosts-energy-week/',
      date: '2019-11-19T17:49:00+04:00',
    });
    const { files } = await readStoryFiles(into);
    expect(checkStories(files, articleSchema, now.getTime())).toEqual([]);
    await expect(
      newStory({ title: 'Baku hosts energy week', source: 'Trend', offset: '+04:00', into, now }),
    ).rejects.toThrow(/exists already/);
  });
});
