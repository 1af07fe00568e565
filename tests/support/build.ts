import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pad2 } from '#src/domain/text.ts';
import { addPhotoStories } from './photo-stories.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** The test builds' canonical origin: not localhost, so a stray local link shows. */
export const SITE_URL = 'https://archive.example.org';

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * Variables the test runner sets for itself; Astro would read MODE, DEV, BASE_URL… as its own,
 * and Vite's dev server sends no reloads under NODE_ENV=test.
 */
const RUNNER_VARIABLES = new Set([
  'TEST',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'BASE_URL',
  'FORCE_TTY',
  'NODE_ENV',
]);

/**
 * The environment for the project's own commands: the test runner's, without the runner's own
 * variables.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && !RUNNER_VARIABLES.has(key),
    ),
  );
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs `npm run <script>` in the project with extra environment, collecting all output. */
export function runScript(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      'npm',
      ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
      {
        cwd: projectRoot,
        env: childEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** Builds the site from a content folder into a fresh temporary folder. */
export async function buildSite(
  contentDir: string,
  env: Record<string, string> = {},
): Promise<BuildResult> {
  const work = await mkdtemp(join(tmpdir(), 'dateline-build-'));
  const outDir = join(work, 'dist');
  const { code, output } = await runScript('build', {
    DATELINE_CONTENT: contentDir,
    DATELINE_OUT: outDir,
    DATELINE_CACHE: join(work, 'cache'),
    SITE_URL,
    ...env,
  });
  return { code, output, outDir };
}

/** Stories on one busy wire day, 3 March 1987, so that listings need more than one page. */
export const BUSY_DAY_STORIES = 30;

/**
 * A content folder holding `content/`, the test stories, stories with photos (./photo-stories.ts)
 * and a busy day, as an editor's archive would.
 */
export async function makeTestArchive(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-content-'));
  await cp(join(projectRoot, 'content'), dir, { recursive: true });
  await cp(join(projectRoot, 'tests/fixtures/stories'), dir, { recursive: true });
  await addPhotoStories(dir);
  await mkdir(join(dir, '1987/03'), { recursive: true });
  for (let n = 1; n <= BUSY_DAY_STORIES; n++) {
    const time = `${pad2(10 + Math.floor(n / 6))}:${pad2((n % 6) * 10)}`;
    await writeFile(
      join(dir, `1987/03/busy-day-bulletin-${n}.md`),
      `---\ntitle: Busy day bulletin ${n}\ndate: 1987-03-03T${time}:00Z\nsource: ` +
        `Reuters\ndateline: LONDON, March 3\ntopics: [markets]\n---\n\nMarket bulletin number ` +
        `${n} of the day.\n`,
    );
  }
  // A history, as an archive kept in git has: everything added at once, then one story changed.
  const git = (args: string[], date: string) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_AUTHOR_NAME: 'Test Editor',
        GIT_AUTHOR_EMAIL: 'editor@example.org',
        GIT_COMMITTER_NAME: 'Test Editor',
        GIT_COMMITTER_EMAIL: 'editor@example.org',
      },
      stdio: 'ignore',
    });
  git(['init', '-q'], '2019-11-19T18:00:00+04:00');
  git(['add', '.'], '2019-11-19T18:00:00+04:00');
  git(['commit', '-qm', 'Add the test stories'], '2019-11-19T18:00:00+04:00');
  const corrected = join(dir, '2019/11/tokyo-markets-close-higher.md');
  await writeFile(
    corrected,
    (await readFile(corrected, 'utf8')).replace('led by exporters.', 'led by exporters and banks.'),
  );
  git(['commit', '-qam', 'Tokyo close: banks led too'], '2019-11-20T10:30:00+09:00');
  return dir;
}

export async function removeAll(...paths: string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { recursive: true, force: true })));
}

/** The second test site's address: under a path, as a GitHub Pages project site is. */
export const NEWSROOM_URL = 'https://newsroom.github.io/archive/';

/** The second test site's identity, in place of the project's own (src/archive.config.ts). */
export const NEWSROOM = {
  name: 'The Caspian Courier',
  description: 'Every story the Courier has filed since 1987.',
  publisher: {
    name: 'Courier Media Group',
    url: 'https://courier.example.net/',
    logo: '/favicon.svg',
  },
  language: 'en',
};

/** Stories of the second site that moved: a file renamed in a later commit, and an alias. */
export const MOVED = {
  renamed: {
    from: '/2019/11/19/baku-hosts-caspian-transport-forum/',
    to: '/2019/11/19/baku-caspian-transport-forum/',
  },
  alias: { from: '/news/washington-trade-talks.html/', to: '/2019/11/19/washington-trade-talks/' },
};

/**
 * A newsroom's own copy of the project, as a fresh clone with its identity edited, and its
 * archive: the test stories in git, then a commit that renames one story and gives another an
 * old address. Built with SITE_URL under a path, into a folder of the copy.
 */
export async function buildNewsroomSite(env: Record<string, string> = {}) {
  const work = await mkdtemp(join(tmpdir(), 'dateline-newsroom-'));
  const project = join(work, 'project');
  await mkdir(project);
  for (const entry of [
    'package.json',
    'package-lock.json',
    'astro.config.mjs',
    'tsconfig.json',
    'src',
    'public',
    'deploy',
  ])
    await cp(join(projectRoot, entry), join(project, entry), { recursive: true });
  // The site is built into the copy: the build's own modules resolve packages from there.
  await symlink(join(projectRoot, 'node_modules'), join(project, 'node_modules'));
  await writeFile(
    join(project, 'src/archive.config.ts'),
    `import { defineArchive } from '#src/domain/identity.ts';\n\nexport default defineArchive(` +
      `${JSON.stringify(NEWSROOM, null, 2)});\n`,
  );
  const content = await makeTestArchive();
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: content,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test Editor',
        GIT_AUTHOR_EMAIL: 'editor@example.org',
        GIT_COMMITTER_NAME: 'Test Editor',
        GIT_COMMITTER_EMAIL: 'editor@example.org',
      },
      stdio: 'ignore',
    });
  git(
    'mv',
    '2019/11/baku-hosts-caspian-transport-forum.md',
    '2019/11/baku-caspian-transport-forum.md',
  );
  const talks = join(content, '2019/11/washington-trade-talks.md');
  await writeFile(
    talks,
    (await readFile(talks, 'utf8')).replace(
      /^source: (.*)$/m,
      `source: $1\naliases:\n  - /news/washington-trade-talks.html`,
    ),
  );
  git('commit', '-qam', 'Shorter file name for the Baku forum; the old address of the talks');
  const outDir = join(project, 'dist');
  const { code, output } = await new Promise<{ code: number | null; output: string }>(
    (done, fail) => {
      const child = spawn('npm', ['run', '--silent', 'build'], {
        cwd: project,
        env: childEnv({
          DATELINE_CONTENT: content,
          DATELINE_OUT: outDir,
          DATELINE_CACHE: join(project, 'cache'),
          SITE_URL: NEWSROOM_URL,
          ...env,
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('error', fail);
      child.on('close', (exit) => done({ code: exit, output: text }));
    },
  );
  return { code, output, outDir, cacheDir: join(project, 'cache'), content, work };
}
