import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file as a new one renamed over the old, never into the old one. A reader sees the
 * old bytes or the new, never half of them, and a hard link to the old file (the site being
 * served shares its search files with the cache this way) keeps the old bytes.
 */
export async function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const fresh = `${path}.new-${process.pid}`;
  await writeFile(fresh, data);
  await rename(fresh, path);
}
