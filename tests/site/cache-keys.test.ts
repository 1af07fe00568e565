import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_FILE, type BuildRecord } from '#src/util/build-record.ts';
import { makeTestArchive, removeAll, runScript, SITE_URL } from '../support/build.ts';

/**
 * Every page's incremental-build key must change whenever what the page shows changes: a key
 * that stays while its page changes leaves a stale page in the next incremental build. Each
 * round makes one edit of the kind an editor makes, renders every page (no reuse) and compares
 * each page's bytes and key with the round before. Edits stay uncommitted until one round
 * commits them all, so that a change of history cannot hide a key that forgot the edit.
 */
const EDITS: [string, (content: string) => Promise<void>][] = [
  [
    'a story’s text',
    (content) =>
      edit(
        content,
        '2019/11/moscow-gas-talks.md',
        (text) => `${text.trimEnd()}\n\nTalks resume on Friday.\n`,
      ),
  ],
  [
    'a headline',
    (content) =>
      edit(content, '2019/11/baku-hosts-caspian-transport-forum.md', (text) =>
        text.replace(/^title: .*$/m, 'title: Baku hosts the Caspian forum'),
      ),
  ],
  [
    'a dateline',
    (content) =>
      edit(content, '2019/11/tokyo-markets-close-higher.md', (text) =>
        text.replace(/^dateline: .*$/m, 'dateline: OSAKA, Japan'),
      ),
  ],
  [
    'a summary',
    (content) =>
      edit(content, '2019/11/moscow-gas-talks.md', (text) =>
        text.replace(/^title: (.*)$/m, 'title: $1\nsummary: Gas talks in Moscow.'),
      ),
  ],
  [
    'a correction',
    (content) =>
      edit(content, '2019/11/tokyo-markets-close-higher.md', (text) =>
        text.replace(
          /^title: (.*)$/m,
          'title: $1\ncorrections:\n  - date: 2019-11-21T09:00:00+09:00\n    text: The index ' +
            'closed higher, not lower.',
        ),
      ),
  ],
  [
    'a topic',
    (content) =>
      edit(content, '2019/11/moscow-gas-talks.md', (text) =>
        text.replace(/^topics: .*$/m, 'topics: [energy, diplomacy]'),
      ),
  ],
  [
    'a place: field, which wins over the dateline',
    (content) =>
      edit(content, '2019/11/tokyo-markets-close-higher.md', (text) =>
        text.replace(/^dateline: (.*)$/m, 'dateline: $1\nplace: Kyoto, Japan'),
      ),
  ],
  [
    'an author',
    (content) =>
      edit(content, '2019/11/tokyo-markets-close-higher.md', (text) =>
        text.replace(/^source: (.*)$/m, 'source: $1\nauthor: Jane Doe'),
      ),
  ],
  [
    'a commit of all the edits, which adds revisions to the stories they changed',
    async (content) => {
      execFileSync('git', ['add', '-A'], { cwd: content });
      commit(content, 'Edits of the day');
    },
  ],
  [
    'a new story',
    (content) =>
      writeFile(
        join(content, '2019/11/caspian-oil-output.md'),
        '---\ntitle: Caspian oil output rises\ndate: 2019-11-21T12:00:00+04:00\nsource: ' +
          'Trend\nauthor: Leman Zeynalova\ndateline: BAKU, Azerbaijan\ntopics: ' +
          '[energy]\n---\n\nOutput rose.\n',
      ),
  ],
];

async function edit(
  content: string,
  file: string,
  change: (text: string) => string,
): Promise<void> {
  const path = join(content, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

function commit(content: string, message: string): void {
  const date = '2019-11-22T10:00:00Z';
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_AUTHOR_NAME: 'Test Editor',
    GIT_AUTHOR_EMAIL: 'editor@example.org',
    GIT_COMMITTER_NAME: 'Test Editor',
    GIT_COMMITTER_EMAIL: 'editor@example.org',
  };
  execFileSync('git', ['commit', '-qam', message], { cwd: content, env });
}

describe('incremental-build keys', () => {
  let content: string;
  let work: string;
  let env: Record<string, string>;

  const render = async (): Promise<BuildRecord> => {
    const result = await runScript('build', env);
    if (result.code !== 0) throw new Error(result.output.slice(-3000));
    return JSON.parse(
      await readFile(join(env.DATELINE_CACHE!, RECORD_FILE), 'utf8'),
    ) as BuildRecord;
  };

  beforeAll(async () => {
    content = await makeTestArchive();
    work = await mkdtemp(join(tmpdir(), 'dateline-keys-'));
    // Every page rendered, each with a hash of its bytes in the build record.
    env = {
      DATELINE_CONTENT: content,
      DATELINE_OUT: join(work, 'dist'),
      DATELINE_CACHE: join(work, 'cache'),
      SITE_URL,
      DATELINE_INCREMENTAL: '0',
      DATELINE_RECORD_PAGES: '1',
    };
  });
  afterAll(() => removeAll(content, work));

  it(
    'change whenever the page they key changes, for every kind of edit',
    { timeout: 600_000 },
    async () => {
      let before = await render();
      expect(Object.keys(before.keys).length).toBeGreaterThan(80);
      const stale: string[] = [];
      for (const [what, change] of EDITS) {
        await change(content);
        const after = await render();
        const changed = Object.keys(after.keys).filter(
          (path) =>
            before.hashes![path] !== undefined && before.hashes![path] !== after.hashes![path],
        );
        expect(changed.length, `${what} changed no keyed page`).toBeGreaterThan(0);
        for (const path of changed)
          if (before.keys[path] === after.keys[path]) stale.push(`${what}: ${path}`);
        before = after;
      }
      expect(stale).toEqual([]);
    },
  );

  it('files a story under its place: field, not its dateline', async () => {
    const dist = env.DATELINE_OUT!;
    const story = await readFile(
      join(dist, '2019/11/19/tokyo-markets-close-higher/index.html'),
      'utf8',
    );
    expect(story).toMatch(/<a href="\/places\/kyoto-japan\/"[^>]*>OSAKA, Japan<\/a>/);
    const kyoto = await readFile(join(dist, 'places/kyoto-japan/index.html'), 'utf8');
    expect(kyoto).toContain('Tokyo markets close higher');
    // The dateline, edited to Osaka before, names a place no story is filed under now.
    await expect(readFile(join(dist, 'places/osaka-japan/index.html'))).rejects.toThrow();
  });
});
