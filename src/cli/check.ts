// Checks every story before it is committed: `npm run check` runs this, then `astro check`.
//
//   npm run check                 the stories in content/ (or DATELINE_CONTENT), then the code
//   node src/cli/check.ts <dir>   the stories in another folder only
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { articleSchema } from '#src/ingest/schema.ts';
import { checkStories, type StoryFile } from '#src/ingest/check.ts';
import { contentDir } from '#src/ingest/content-dir.ts';
import { formatProblem } from '#src/domain/problems.ts';
import { findUnreadableStories } from '#src/ingest/scan.ts';

export async function readStoryFiles(dir: string): Promise<{ files: StoryFile[]; unreadable: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name));
  const files = await Promise.all(
    paths.map(async (path) => ({ file: relative(process.cwd(), path) || path, id: relative(dir, path).replace(/\.md$/, '').split('\\').join('/'), contents: await readFile(path, 'utf8') })),
  );
  const unreadable = (await findUnreadableStories(dir)).map((u) => `${relative(process.cwd(), u.path)}: the story cannot be read: ${u.reason}\n    fix: replace it with a regular Markdown file, or delete it`);
  return { files, unreadable };
}

if (import.meta.main) {
  const dir = process.argv[2] || contentDir;
  const started = performance.now();
  const { files, unreadable } = await readStoryFiles(dir);
  const problems = checkStories(files, articleSchema);
  const errors = problems.filter((p) => p.severity !== 'warning');
  for (const line of [...unreadable, ...problems.map(formatProblem)]) console.log(`${line}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const total = errors.length + unreadable.length;
  console.log(`${files.length.toLocaleString('en')} stories checked in ${seconds} s: ${total === 0 ? 'no problems' : `${total} problem${total === 1 ? '' : 's'}`}.`);
  process.exit(total > 0 ? 1 : 0);
}
