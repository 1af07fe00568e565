import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';

const FILE = join(resolve(import.meta.dirname, '../..'), 'BENCHMARKS.md');

/**
 * Replaces the part of BENCHMARKS.md between `<!-- name:start -->` and `<!-- name:end -->`
 * (added at the end if missing), then lays the file out as Prettier does, so that `npm test`'s
 * formatting check passes after a run.
 */
export async function writeSection(name: string, body: string): Promise<void> {
  const text = await readFile(FILE, 'utf8');
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const section = `${start}\n${body.trim()}\n${end}`;
  const updated = text.includes(start)
    ? text.replace(new RegExp(`${start}[\\s\\S]*${end}`), () => section)
    : `${text.trimEnd()}\n\n${section}\n`;
  const options = await prettier.resolveConfig(FILE);
  await writeFile(FILE, await prettier.format(updated, { ...options, filepath: FILE }));
}
