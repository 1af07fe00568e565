// `npm run build`: builds the site into a fresh folder beside dist/ and swaps it in only when
// everything succeeded, so a failed build never leaves a half-written site behind.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
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
  await rm(building, { recursive: true, force: true });
  console.error(`\nThe build failed (exit code ${code}).${existsSync(target) ? ` The previous site in ${target} is unchanged.` : ''}`);
  process.exit(code);
}
if (existsSync(target)) await rename(target, previous);
await rename(building, target);
await rm(previous, { recursive: true, force: true });
