import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface UnreadableEntry {
  path: string;
  reason: string;
}

/**
 * Finds `.md` entries under the content folder that the glob would skip or choke on: links
 * that lead nowhere or in a loop, and things that are not regular files. A story that silently
 * disappears from the site is worse than a build that stops.
 */
export async function findUnreadableStories(root: string): Promise<UnreadableEntry[]> {
  const found: UnreadableEntry[] = [];
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    return [
      {
        path: root,
        reason:
          `the content folder cannot be read ` +
          `(${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      },
    ];
  }
  for (const entry of entries) {
    if (!entry.name.endsWith('.md')) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(root, path).split(/[\\/]/).includes('node_modules')) continue;
    if (entry.isFile() || entry.isDirectory()) continue;
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        if (!target.isFile())
          found.push({ path, reason: 'it links to something that is not a file' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        found.push({
          path,
          reason:
            code === 'ELOOP'
              ? 'it is a link in a loop'
              : `it links to a file that does not exist (${code})`,
        });
      }
      continue;
    }
    const kind = (await lstat(path)).isFIFO() ? 'a pipe' : 'not a regular file';
    found.push({ path, reason: `it is ${kind}` });
  }
  return found;
}
