// `npm run build`: builds the site into a fresh folder beside dist/ and swaps it in only when
// everything succeeded, so a failed build never leaves a half-written site behind.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

const target = resolve(process.env.DATELINE_OUT || 'dist');
// The pid says whether the build that made a folder still runs; the random part keeps names
// unique where pids repeat (a fresh container gives the build the same pid every time).
const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
const building = `${target}.building-${suffix}`;
const previous = `${target}.previous-${suffix}`;

sweepLeftovers();

const code = await new Promise<number>((done) => {
  const child = spawn('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, DATELINE_OUT: building } });
  child.on('error', (error) => {
    console.error(`Could not start astro: ${error.message}`);
    done(1);
  });
  child.on('close', (exit, signal) => done(exit ?? (signal ? 1 : 0)));
});

if (code !== 0) {
  removeTree(building);
  console.error(`\nThe build failed (exit code ${code}).${existsSync(target) ? ` The previous site in ${target} is unchanged.` : ''}`);
  process.exit(code);
}
if (existsSync(target)) await rename(target, previous);
await rename(building, target);
removeTree(previous, { background: true });

/**
 * Deletes a site folder: tens of thousands of files, which takes as long as restoring them
 * (14 s for the Reuters archive's 50,000 files on a 2-core machine). The old site is no longer
 * served once the new one is in place, so it is deleted by a background process at low
 * priority and the build returns at once. `rm -rf` takes about half the time of Node's own
 * recursive removal; Node's is the fallback where there is no `rm`, and always runs in the
 * foreground. DATELINE_DELETE_OLD_SITE=wait deletes in the foreground.
 */
function removeTree(path: string, { background = false } = {}): void {
  if (!existsSync(path)) return;
  if (process.platform !== 'win32') {
    if (background && process.env.DATELINE_DELETE_OLD_SITE !== 'wait') {
      const child = spawn('nice', ['-n', '10', 'rm', '-rf', path], { detached: true, stdio: 'ignore' });
      child.on('error', () => rmSync(path, { recursive: true, force: true }));
      child.unref();
      return;
    }
    if (spawnSync('rm', ['-rf', path], { stdio: 'ignore' }).status === 0) return;
  }
  rmSync(path, { recursive: true, force: true });
}

/** Folders left by builds that were killed, or old sites whose deletion a shutdown cut short. */
function sweepLeftovers(): void {
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|previous)-(\\d+)(-[0-9a-f]+)?$`);
  for (const name of readdirSync(parent)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    const path = join(parent, name);
    // A folder named with this build's own pid was left by an earlier build that had it.
    if ((pid === process.pid || !isRunning(pid)) && !beingDeleted(path)) removeTree(path, { background: true });
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
