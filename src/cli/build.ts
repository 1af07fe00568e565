// `npm run build`: builds the site into a fresh folder beside dist/ and swaps it in only when
// everything succeeded, so a failed build never leaves a half-written site behind. The site
// it replaced is deleted in the background: nothing serves it any more.
import './settings.ts';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { count, stories } from '#src/domain/text.ts';
import { readBuildRecord } from '#src/util/build-record.ts';
import { buildNodeOptions } from '#src/util/node-options.ts';
import { removeTree } from '#src/util/remove-tree.ts';
import { SettingsError, siteAddress } from '#src/util/settings.ts';
import { parseSiteFolder, siteFolder } from '#src/util/site-folders.ts';
import { parseCommand, refuse, type CommandSpec } from './args.ts';

const spec = {
  name: 'npm run build',
  summary:
    'Builds the site with its search index; it replaces the last one only if all of it built.',
  usage: '[--outDir folder] [--site url] [--force] [--verbose]',
  options: {
    outDir: {
      type: 'string',
      value: 'folder',
      description: 'where the site goes (DATELINE_OUT; dist/ by default)',
    },
    site: {
      type: 'string',
      value: 'url',
      description: 'the address it is published at, with its path (SITE_URL)',
    },
    force: { type: 'boolean', description: 'read every story again, ignoring the cache' },
    verbose: {
      type: 'boolean',
      description: 'a line for every page written, as Astro prints it (DATELINE_VERBOSE=1)',
    },
  },
  notes: [
    'Settings come from the environment or a .env file: DATELINE_CONTENT (the stories,',
    'content/), DATELINE_OUT, DATELINE_CACHE (the cache, node_modules/.astro), SITE_URL.',
    'README.md lists every setting.',
  ],
} satisfies CommandSpec;

/**
 * Astro's own build options that this build cannot honour, and what to do instead: each would
 * build something other than what SITE_URL and the settings describe.
 */
const NOT_HONOURED: Record<string, string> = {
  base: 'the base path is the path of SITE_URL: give SITE_URL=https://example.org/archive',
  root: 'run it in the project folder; DATELINE_CONTENT names the stories’ folder',
  config: 'the build always uses astro.config.mjs',
  mode: 'the site is always built for production',
  devOutput: 'the site is always built for production',
};
const argv = process.argv.slice(2);
for (const arg of argv) {
  const name = /^--([^=]+)/.exec(arg)?.[1];
  if (name && Object.hasOwn(NOT_HONOURED, name))
    refuse(spec, `--${name} is not an option of this build: ${NOT_HONOURED[name]}`);
}
const { values } = parseCommand(spec, argv);
if (values.site !== undefined) process.env.SITE_URL = values.site;
let address: ReturnType<typeof siteAddress>;
try {
  address = siteAddress();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  refuse(spec, error.message);
}
if (address.local) {
  const given = process.env.SITE_URL?.trim();
  console.warn(
    `Warning: ${given ? `SITE_URL is ${given}` : 'SITE_URL is not set'}, so canonical links, ` +
      `feeds and sitemaps point at ${address.href}, this machine. Set SITE_URL (or write it in ` +
      `.env) to the address the site is published at.`,
  );
}

const target = resolve(values.outDir ?? (process.env.DATELINE_OUT || 'dist'));
const cache = resolve(process.env.DATELINE_CACHE || 'node_modules/.astro');
const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
const building = siteFolder(target, 'building', id);
const previous = siteFolder(target, 'previous', id);
const started = performance.now();

sweepLeftovers();

// `astro` resolves through npm's PATH to the Node this script runs on, the pinned one, so the
// options checked here are the ones the child knows.
const code = await new Promise<number>((done) => {
  const child = spawn('astro', ['build', ...(values.force ? ['--force'] : [])], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATELINE_OUT: building,
      SITE_URL: address.href,
      ...(values.verbose ? { DATELINE_VERBOSE: '1' } : {}),
      NODE_OPTIONS: buildNodeOptions(process.env.NODE_OPTIONS, process.allowedNodeEnvironmentFlags),
    },
  });
  child.on('error', (error) => {
    console.error(`Could not start astro: ${error.message}`);
    done(1);
  });
  child.on('close', (exit, signal) => done(exit ?? (signal ? 1 : 0)));
});

if (code !== 0 || !existsSync(building)) {
  removeTree(building);
  console.error(
    `\nThe build failed (exit code ${code}).` +
      `${existsSync(target) ? ` The previous site in ${target} is unchanged.` : ''}`,
  );
  process.exit(code || 1);
}
if (existsSync(target)) await rename(target, previous);
try {
  await rename(building, target);
} catch (error) {
  // The old site goes back: a build never costs the site it could not replace.
  if (existsSync(previous)) await rename(previous, target);
  console.error(
    `\nThe new site could not be moved into ${target} (${(error as Error).message}); the ` +
      `previous site is unchanged.`,
  );
  process.exit(1);
}
removeTree(previous, { background: true });

// What was built, from the build's own record, and where it is.
const record = readBuildRecord(cache);
const where = relative(process.cwd(), target);
const folder = where && !where.startsWith('..') ? `${where}/` : target;
// Preview reads the same settings: the folder, and the address whose path it serves under.
const settings = [
  ...(values.site !== undefined ? [`SITE_URL=${address.href}`] : []),
  ...(target === resolve('dist') ? [] : [`DATELINE_OUT=${folder}`]),
];
const preview = `${[...settings, 'npm run preview'].join(' ')} serves it`;
const built = record
  ? `${count(record.pages, 'page')} from ${stories(record.published)}`
  : 'The site';
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n${built}, built in ${seconds} s into ${folder}, for ${address.href}. ${preview}.`);

/** Folders left by builds that were killed, or old sites whose deletion a shutdown cut short. */
function sweepLeftovers(): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const folder = parseSiteFolder(target, name);
    if (!folder) continue;
    const path = join(parent, name);
    // A folder named with this build's own pid was left by an earlier build that had it.
    if ((folder.pid === process.pid || !isRunning(folder.pid)) && !beingDeleted(path))
      removeTree(path, { background: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a process (the `rm` an earlier build started) is already deleting the folder. */
function beingDeleted(path: string): boolean {
  if (!existsSync('/proc')) return false;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(path)) return true;
    } catch {
      // The process ended while we looked.
    }
  }
  return false;
}
