// `npm run build`: builds the site into a fresh folder beside dist/ and swaps it in only when
// everything succeeded, so a failed build never leaves a half-written site behind.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { resolve } from 'node:path';

const target = resolve(process.env.DATELINE_OUT || 'dist');
const building = `${target}.building-${process.pid}`;
const previous = `${target}.previous-${process.pid}`;

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
removeTree(previous);

/**
 * Deletes the old site: tens of thousands of files. `rm -rf` takes about half the time of
 * Node's own recursive removal; Node's is the fallback where there is no `rm`.
 */
function removeTree(path: string): void {
  if (!existsSync(path)) return;
  if (process.platform !== 'win32' && spawnSync('rm', ['-rf', path], { stdio: 'ignore' }).status === 0) return;
  rmSync(path, { recursive: true, force: true });
}
