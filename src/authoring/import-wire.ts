import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { storyDate } from '#src/domain/dates.ts';
import { formatProblem } from '#src/domain/problems.ts';
import { pad2 } from '#src/domain/text.ts';
import { storyPath } from '#src/domain/urls.ts';
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
  options: { into: string; force?: boolean; dryRun?: boolean },
): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const file of await wireFiles(paths)) {
    const shown = relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      reports.push({
        file: shown,
        status: 'failed',
        messages: [`${shown}: cannot be read (${(error as Error).message})`],
      });
      continue;
    }
    const { story, problems } = parseWire(shown, text);
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
