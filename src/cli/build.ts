// `npm run build`: builds the site into a fresh folder beside dist/ and swaps it in only when
// everything succeeded, so a failed build never leaves a half-written site behind. The site
// it replaced is deleted in the background: nothing serves it any more.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildNodeOptions } from '#src/util/node-options.ts';
import { removeTree } from '#src/util/remove-tree.ts';
import { parseSiteFolder, siteFolder } from '#src/util/site-folders.ts';
import { parseCommand } from './args.ts';

// Astro's own options are not passed on: `--outDir`, for one, would write outside the folder
// this script swaps in, and cost the site it replaces. DATELINE_OUT says where the site goes.
parseCommand({
  name: 'npm run build',
  summary:
    'Builds the site with its search index; it replaces the last one only if all of it built.',
  usage: '',
  options: {},
  notes: [
    'Where: DATELINE_CONTENT (the stories, content/), DATELINE_OUT (the site, dist/),',
    'DATELINE_CACHE (the cache, node_modules/.astro), SITE_URL (the published address).',
    'README.md lists every setting.',
  ],
});

const target = resolve(process.env.DATELINE_OUT || 'dist');
const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
const building = siteFolder(target, 'building', id);
const previous = siteFolder(target, 'previous', id);

sweepLeftovers();

// `astro` resolves through npm's PATH to the Node this script runs on, the pinned one, so the
// options checked here are the ones the child knows.
const code = await new Promise<number>((done) => {
  const child = spawn('astro', ['build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATELINE_OUT: building,
      NODE_OPTIONS: buildNodeOptions(process.env.NODE_OPTIONS, process.allowedNodeEnvironmentFlags),
    },
  });
  child.on('error', (error) => {
    console.error(`Could not start astro: ${error.message}`);
    done(1);
  });
  child.on('close', (exit, signal) => done(exit ?? (signal ? 1 : 0)));
});

if (code !== 0) {
  removeTree(building);
  console.error(
    `\nThe build failed (exit code ` +
      `${code}).${existsSync(target) ? ` The previous site in ${target} is unchanged.` : ''}`,
  );
  process.exit(code);
}
if (existsSync(target)) await rename(target, previous);
await rename(building, target);
removeTree(previous, { background: true });

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
