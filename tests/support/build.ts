import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pad2 } from '#src/domain/text.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** The test builds' canonical origin: not localhost, so a stray local link shows. */
export const SITE_URL = 'https://archive.example.org';

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/** Variables the test runner sets for itself; Astro would read MODE, DEV, BASE_URL… as its own. */
const RUNNER_VARIABLES = new Set(['TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'FORCE_TTY']);

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
 * A content folder holding `content/`, the test stories and a busy day, as an editor's archive
 * would.
 */
export async function makeTestArchive(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-content-'));
  await cp(join(projectRoot, 'content'), dir, { recursive: true });
  await cp(join(projectRoot, 'tests/fixtures/stories'), dir, { recursive: true });
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
