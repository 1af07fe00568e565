// Builds and measures, in one run, side by side: Dateline on the Reuters archive, Dateline on
// a synthetic archive made from it, and Hugo on the same Reuters Markdown with a bare theme.
// Astro alone, writing one bare page per Reuters story, shows the least any Astro build of the
// archive costs on the same machine.
//
// npm run bench                      the full run (19,043 + 100,000 stories), writes BENCHMARKS.md
//   npm run bench -- --stories 200 --synthetic 300 --no-write     a small run
import { spawn, spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseCommand } from '#src/cli/args.ts';
import { readCorpus, writeStories } from './corpus.ts';
import type { ReutersRecord } from './corpora/reuters.ts';
import { syntheticStories } from './corpora/synthetic.ts';
import { parseSiteFolder } from '#src/util/site-folders.ts';
import { RECORD_FILE, type BuildRecord } from '#src/util/build-record.ts';
import { writeSection } from './benchmarks-file.ts';
import { corpusOptions } from './corpus-options.ts';

const root = resolve(import.meta.dirname, '../..');
const HUGO_SITE = join(import.meta.dirname, 'yardsticks/hugo');
const ASTRO_FLOOR_SITE = join(import.meta.dirname, 'yardsticks/astro-alone');

export interface Run {
  wallSeconds: number;
  /** User and system time of the command and every process it waited for. */
  cpuSeconds: number;
  peakMB: number;
  /** Pagefind's time on every search part it indexed, added up, wherever in the build it ran. */
  pagefindSeconds?: number;
  /** What the search step added after the pages were built (parts indexed then, the manifest). */
  searchStepSeconds?: number;
  ok: boolean;
  output: string;
}

export interface Measured {
  name: string;
  stories: number;
  cold: Run;
  warm: Run;
  edit: Run;
  pages: number;
  files: number;
  distMB: number;
}

/**
 * Runs a command under GNU time: wall seconds (our clock) and the peak memory of its largest
 * process. The disk is flushed first, so that a build does not pay for writing out what the
 * build before it left in memory (a Reuters build writes hundreds of megabytes).
 */
export async function timed(
  command: string[],
  env: Record<string, string> = {},
  cwd = root,
): Promise<Run> {
  if (process.platform !== 'win32') spawnSync('sync', { stdio: 'ignore' });
  const work = await mkdtemp(join(tmpdir(), 'dateline-time-'));
  const report = join(work, 'time');
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', report, ...command], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('close', (exit) => done({ code: exit, output: text }));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const [peakKB = 0, user = 0, system = 0] = (await readFile(report, 'utf8').catch(() => '0'))
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number);
  await rm(work, { recursive: true, force: true });
  return {
    wallSeconds,
    cpuSeconds: user + system,
    peakMB: peakKB / 1024,
    ok: code === 0,
    output,
  };
}

export async function countOutput(
  dir: string,
): Promise<{ pages: number; files: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let [pages, files, bytes] = [0, 0, 0];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith('.html')) pages++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { pages, files, bytes };
}

/** Changes one story's text the way an editor would: a corrected last sentence. */
async function editStory(file: string): Promise<void> {
  await appendFile(file, '\nThis paragraph was added by an editor for the benchmark.\n');
}

async function measureDateline(
  name: string,
  content: string,
  editFile: string,
  work: string,
): Promise<Measured> {
  const env = {
    DATELINE_CONTENT: content,
    DATELINE_OUT: join(work, `${name}-dist`),
    DATELINE_CACHE: join(work, `${name}-cache`),
  };
  // The build deletes the site it replaced in the background; the next timed build waits for
  // that, so that it does not share the machine with the deletion.
  const build = async () => {
    const run = await timed(['npm', 'run', '--silent', 'build'], env);
    // What the search step did, from the record the build writes.
    const record = JSON.parse(
      await readFile(join(env.DATELINE_CACHE, RECORD_FILE), 'utf8').catch(() => 'null'),
    ) as BuildRecord | null;
    if (record?.search) {
      run.pagefindSeconds =
        record.search.parts.reduce((sum, part) => sum + (part.ms ?? 0), 0) / 1000;
      run.searchStepSeconds = record.search.stepMs / 1000;
    }
    const waited = await oldSitesDeleted(env.DATELINE_OUT);
    if (waited >= 0.1)
      console.log(`  ${name}: the replaced site was deleted ${s(waited)} after the build returned`);
    return run;
  };
  const cold = await build();
  if (!cold.ok) throw new Error(`Dateline (${name}) did not build:\n${cold.output.slice(-4000)}`);
  const warm = await build();
  await editStory(editFile);
  const edit = await build();
  const out = await countOutput(env.DATELINE_OUT);
  const stories = (await readdir(content, { recursive: true })).filter((f) =>
    String(f).endsWith('.md'),
  ).length;
  // Printed as soon as known, so a long run that fails later still leaves its figures in the log.
  console.log(
    `  ${name}: cold ${s(cold.wallSeconds)}, warm ${s(warm.wallSeconds)}, edit ` +
      `${s(edit.wallSeconds)}, peak ` +
      `${Math.round(Math.max(cold.peakMB, warm.peakMB, edit.peakMB))} MB`,
  );
  return {
    name,
    stories,
    cold,
    warm,
    edit,
    pages: out.pages,
    files: out.files,
    distMB: out.bytes / 1024 / 1024,
  };
}

/** Waits until no replaced site is left beside `out`; the seconds waited. */
export async function oldSitesDeleted(out: string): Promise<number> {
  const started = performance.now();
  while (
    (await readdir(dirname(out))).some((name) => parseSiteFolder(out, name)?.kind === 'previous')
  )
    await new Promise((wake) => setTimeout(wake, 100));
  return (performance.now() - started) / 1000;
}

/**
 * The yardsticks (Hugo, Astro alone) take seconds, so one slow run swings every ratio: each of
 * their figures is the median of three rounds, each starting cold. Each round builds into
 * folders of its own, and both go before Dateline: on some disks a file made soon after many
 * deletions costs several times the system time, which a cold round after a deletion paid.
 */
const YARDSTICK_ROUNDS = 3;

/** A yardstick round's own site and cache folders: nothing is deleted before it builds. */
function roundFolders(work: string, name: string, round: number): { out: string; cache: string } {
  return { out: join(work, `${name}-dist-${round}`), cache: join(work, `${name}-cache-${round}`) };
}

async function measureHugo(content: string, editFile: string, work: string): Promise<Measured> {
  const runs: { cold: Run[]; warm: Run[]; edit: Run[] } = { cold: [], warm: [], edit: [] };
  let out = '';
  for (let round = 0; round < YARDSTICK_ROUNDS; round++) {
    const folders = roundFolders(work, 'hugo', round);
    out = folders.out;
    const build = () =>
      timed([
        'hugo',
        '--quiet',
        '-s',
        HUGO_SITE,
        '--contentDir',
        content,
        '-d',
        folders.out,
        '--cacheDir',
        folders.cache,
      ]);
    const cold = await build();
    if (!cold.ok) throw new Error(`Hugo did not build:\n${cold.output.slice(-4000)}`);
    runs.cold.push(cold);
    runs.warm.push(await build());
    await editStory(editFile);
    runs.edit.push(await build());
  }
  const counted = await countOutput(out);
  const stories = (await readdir(content, { recursive: true })).filter((f) =>
    String(f).endsWith('.md'),
  ).length;
  console.log(
    `  Hugo: cold ${runs.cold.map((run) => s(run.wallSeconds)).join(', ')}; warm ` +
      `${runs.warm.map((run) => s(run.wallSeconds)).join(', ')}; edit ` +
      `${runs.edit.map((run) => s(run.wallSeconds)).join(', ')}`,
  );
  return {
    name: 'Hugo (bare theme)',
    stories,
    cold: median(runs.cold),
    warm: median(runs.warm),
    edit: median(runs.edit),
    pages: counted.pages,
    files: counted.files,
    distMB: counted.bytes / 1024 / 1024,
  };
}

/**
 * Astro alone: one page per story holding its headline, built cold. No Markdown, listing pages
 * or search index, so Dateline's cold build cannot be quicker; its ratio to Hugo's is the
 * least Astro allows.
 */
async function measureAstroFloor(
  content: string,
  work: string,
): Promise<{ cold: Run; pages: number }> {
  const colds: Run[] = [];
  let out = '';
  for (let round = 0; round < YARDSTICK_ROUNDS; round++) {
    const folders = roundFolders(work, 'astro-alone', round);
    out = folders.out;
    const cold = await timed(
      [
        process.execPath,
        join(root, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--root',
        ASTRO_FLOOR_SITE,
      ],
      { FLOOR_CONTENT: content, FLOOR_OUT: folders.out, FLOOR_CACHE: folders.cache },
    );
    if (!cold.ok) throw new Error(`Astro alone did not build:\n${cold.output.slice(-4000)}`);
    colds.push(cold);
  }
  console.log(`  Astro alone: cold ${colds.map((run) => s(run.wallSeconds)).join(', ')}`);
  return { cold: median(colds), pages: (await countOutput(out)).pages };
}

/** The run with the median wall time; it is failed if any run failed. */
function median(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return { ...middle, ok: runs.every((run) => run.ok) };
}

const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const ratio = (a: number, b: number) => (a / b).toFixed(1);
/** How much longer a story takes in one archive's cold build than in another's. */
const perStory = (a: Measured, b: Measured) =>
  (a.cold.wallSeconds / a.stories / (b.cold.wallSeconds / b.stories)).toFixed(2);

export function table(results: Measured[], hugo: Measured): string {
  const rows = results.map((r) => [
    `${r.name} (${r.stories.toLocaleString('en')})`,
    s(r.cold.wallSeconds),
    s(r.warm.wallSeconds),
    s(r.edit.wallSeconds),
    `${Math.round(Math.max(r.cold.peakMB, r.warm.peakMB, r.edit.peakMB)).toLocaleString('en')} MB`,
    r.cold.pagefindSeconds !== undefined
      ? `${s(r.cold.pagefindSeconds)} / ${s(r.edit.pagefindSeconds ?? 0)}`
      : '–',
    r.cold.searchStepSeconds !== undefined
      ? `${s(r.cold.searchStepSeconds)} / ${s(r.edit.searchStepSeconds ?? 0)}`
      : '–',
    `${r.pages.toLocaleString('en')} / ${r.files.toLocaleString('en')}`,
    `${Math.round(r.distMB).toLocaleString('en')} MB`,
    `${(r.cold.wallSeconds / hugo.cold.wallSeconds).toFixed(1)}× / ` +
      `${(r.warm.wallSeconds / hugo.warm.wallSeconds).toFixed(1)}× / ` +
      `${(r.edit.wallSeconds / hugo.warm.wallSeconds).toFixed(1)}×`,
    `${((r.cold.wallSeconds / r.stories) * 1000).toFixed(2)} ms`,
  ]);
  const header = [
    'archive',
    'cold',
    'warm',
    'one story edited',
    'peak memory',
    'Pagefind cold / edit',
    'search step cold / edit',
    'pages / files',
    'dist',
    'vs Hugo: cold / warm / edit÷warm',
    'cold per story',
  ];
  const lines = [header, header.map(() => '---'), ...rows].map(
    (cells) => `| ${cells.join(' | ')} |`,
  );
  return lines.join('\n');
}

async function gitCommit(): Promise<string> {
  return new Promise((done) => {
    const child = spawn('git', ['rev-parse', '--short', 'HEAD'], { cwd: root });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.on('close', () => done(text.trim() || 'unknown'));
  });
}

async function main() {
  const { values } = parseCommand({
    name: 'npm run bench',
    summary:
      'Builds the Reuters archive, a synthetic archive, and the yardsticks; records the table.',
    usage: '[--stories N] [--synthetic N] [--corpus file] [--no-write] [--keep]',
    options: {
      ...corpusOptions,
      synthetic: {
        type: 'string',
        default: '100000',
        value: 'N',
        description: 'stories in the synthetic archive; 0 for none',
      },
      'no-write': { type: 'boolean', default: false, description: 'leave BENCHMARKS.md as it is' },
      keep: {
        type: 'boolean',
        default: false,
        description: 'keep the folder the archives are built in',
      },
    },
  });
  const limit = values.stories ? Number(values.stories) : Infinity;
  const syntheticCount = Number(values.synthetic);
  const work = await mkdtemp(join(tmpdir(), 'dateline-bench-'));
  console.log(`Working in ${work}`);

  const records: ReutersRecord[] = [];
  for await (const record of readCorpus(values.corpus)) {
    if (records.length >= limit) break;
    records.push(record);
  }
  const reutersDir = join(work, 'reuters');
  const reuters = await writeStories(records, reutersDir);
  const hugoDir = join(work, 'reuters-hugo');
  const hugoCopy = await writeStories(records, hugoDir);

  console.log('Hugo on the Reuters stories…');
  const hugo = await measureHugo(hugoDir, hugoCopy.first, work);
  console.log('Astro alone on the Reuters stories…');
  const floor = await measureAstroFloor(hugoDir, work);

  const results: Measured[] = [];
  console.log(`Dateline on ${reuters.count} Reuters stories…`);
  results.push(await measureDateline('Reuters', reutersDir, reuters.first, work));
  if (syntheticCount > 0) {
    const syntheticDir = join(work, 'synthetic');
    const synthetic = await writeStories(syntheticStories(records, syntheticCount), syntheticDir);
    console.log(`Dateline on ${synthetic.count} synthetic stories…`);
    results.push(await measureDateline('Synthetic', syntheticDir, synthetic.first, work));
  }
  const report = [
    `Run on ${new Date().toISOString().slice(0, 10)}, commit ${await gitCommit()}, ` +
      `${cpus().length} cores, Node ${process.versions.node}.`,
    '',
    table(results, hugo),
    '',
    `Hugo (bare theme, ${hugo.stories.toLocaleString('en')} stories; median of ` +
      `${YARDSTICK_ROUNDS} runs each): cold ${s(hugo.cold.wallSeconds)}, warm ` +
      `${s(hugo.warm.wallSeconds)}, one story edited ${s(hugo.edit.wallSeconds)}, peak ` +
      `${Math.round(hugo.cold.peakMB)} MB, ${hugo.pages.toLocaleString('en')} pages.`,
    `Astro alone (one page per story with its headline, no Markdown, listings or search; median ` +
      `of ${YARDSTICK_ROUNDS} cold runs): ${s(floor.cold.wallSeconds)} for ` +
      `${floor.pages.toLocaleString('en')} pages, ` +
      `${ratio(floor.cold.wallSeconds, hugo.cold.wallSeconds)}× Hugo's cold build; ` +
      `Dateline's Reuters cold build is ` +
      `${ratio(results[0]!.cold.wallSeconds, floor.cold.wallSeconds)}× it.`,
    results.length > 1
      ? `Time per story, synthetic ÷ Reuters (cold): ${perStory(results[1]!, results[0]!)}.`
      : '',
  ].join('\n');
  console.log(`\n${report}`);

  if (!values['no-write']) {
    await writeSection('bench', report);
    console.log('Wrote BENCHMARKS.md');
  }
  if (!values.keep) await rm(work, { recursive: true, force: true });
  if (results.some((r) => !r.warm.ok || !r.edit.ok) || !hugo.warm.ok) process.exit(1);
}

if (import.meta.main) await main();
