import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { storyDate } from '#src/domain/dates.ts';
import { formatProblem } from '#src/domain/problems.ts';
import { pad2 } from '#src/domain/text.ts';
import { storyPath } from '#src/domain/urls.ts';
import { SITE_LANGUAGE } from '#src/domain/language.ts';
import { cacheDir } from '#src/ingest/content-dir.ts';
import { datelineProblem } from '#src/ingest/places/check-places.ts';
import { createPlaceBook } from '#src/ingest/places/place-book.ts';
import { storyToMarkdown } from './story-file.ts';
import { parseWire } from './wire.ts';

export interface ImportReport {
  file: string;
  status: 'written' | 'would write' | 'exists' | 'failed';
  target?: string;
  url?: string;
  messages: string[];
}

/** The wire files named: files as given, folders for every `.txt` in them, in name order. */
async function wireFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      files.push(
        ...entries
          .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt'))
          .map((e) => join(e.parentPath, e.name))
          .sort(),
      );
    } else {
      files.push(path);
    }
  }
  return files;
}

export async function importWire(
  paths: string[],
  options: { into: string; cacheDir?: string; force?: boolean; dryRun?: boolean },
): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  const read: { shown: string; parsed?: ReturnType<typeof parseWire>; error?: string }[] = [];
  for (const file of await wireFiles(paths)) {
    const shown = relative(process.cwd(), file) || file;
    try {
      read.push({ shown, parsed: parseWire(shown, await readFile(file, 'utf8')) });
    } catch (error) {
      read.push({ shown, error: (error as Error).message });
    }
  }
  // The datelines are kept as printed; where the build will file each story is said now, with
  // the gazetteer loaded once for them all.
  const wires = read.flatMap(({ parsed }) => (parsed?.story?.dateline ? [parsed.story] : []));
  const places = await createPlaceBook({
    cacheDir: options.cacheDir ?? cacheDir,
    language: SITE_LANGUAGE,
  });
  await places.prepare(wires);
  for (const { shown, parsed, error } of read) {
    if (!parsed) {
      const messages = [`${shown}: cannot be read (${error})`];
      reports.push({ file: shown, status: 'failed', messages });
      continue;
    }
    const { story, problems } = parsed;
    if (story?.dateline) {
      const problem = datelineProblem(story.dateline, places.datelineOf(story));
      if (problem) problems.push({ file: shown, field: 'dateline', ...problem });
    }
    const messages = problems.map(formatProblem);
    if (!story) {
      reports.push({ file: shown, status: 'failed', messages });
      continue;
    }
    const date = storyDate(story.date);
    const target = join(options.into, String(date.year), pad2(date.month), `${story.slug}.md`);
    const url = storyPath(story.slug, story.date);
    const markdown = storyToMarkdown(
      {
        title: story.title,
        date: story.date,
        source: story.source,
        author: story.authors,
        dateline: story.dateline,
      },
      story.paragraphs,
    );
    if (existsSync(target) && !options.force) {
      reports.push({
        file: shown,
        status: 'exists',
        target,
        url,
        messages: [
          ...messages,
          `${target} exists already; nothing was written (use --force to replace it)`,
        ],
      });
      continue;
    }
    if (options.dryRun) {
      reports.push({
        file: shown,
        status: 'would write',
        target,
        url,
        messages: [...messages, `--- ${target}\n${markdown}`],
      });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, markdown);
    reports.push({ file: shown, status: 'written', target, url, messages });
  }
  return reports;
}
