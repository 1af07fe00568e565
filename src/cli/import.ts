// Imports wire copy (the format of the archive's first story) as Markdown stories.
//
//   npm run import -- <file or folder>... [--force] [--dry-run] [--into content]
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseWire } from '#src/authoring/wire.ts';
import { storyToMarkdown } from '#src/authoring/story-file.ts';
import { storyDate } from '#src/domain/dates.ts';
import { articleUrl } from '#src/domain/urls.ts';
import { formatProblem } from '#src/domain/problems.ts';

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
      files.push(...entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt')).map((e) => join(e.parentPath, e.name)).sort());
    } else {
      files.push(path);
    }
  }
  return files;
}

export async function importWire(paths: string[], options: { into: string; force?: boolean; dryRun?: boolean }): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const file of await wireFiles(paths)) {
    const shown = relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      reports.push({ file: shown, status: 'failed', messages: [`${shown}: cannot be read (${(error as Error).message})`] });
      continue;
    }
    const { story, problems } = parseWire(shown, text);
    const messages = problems.map(formatProblem);
    if (!story) {
      reports.push({ file: shown, status: 'failed', messages });
      continue;
    }
    const date = storyDate(story.date);
    const target = join(options.into, String(date.year), String(date.month).padStart(2, '0'), `${story.slug}.md`);
    const url = articleUrl(story.slug, story.date);
    const markdown = storyToMarkdown({ title: story.title, date: story.date, source: story.source, author: story.authors, dateline: story.dateline }, story.paragraphs);
    if (existsSync(target) && !options.force) {
      reports.push({ file: shown, status: 'exists', target, url, messages: [...messages, `${target} exists already; nothing was written (use --force to replace it)`] });
      continue;
    }
    if (options.dryRun) {
      reports.push({ file: shown, status: 'would write', target, url, messages: [...messages, `--- ${target}\n${markdown}`] });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, markdown);
    reports.push({ file: shown, status: 'written', target, url, messages });
  }
  return reports;
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, into: { type: 'string', default: process.env.DATELINE_CONTENT || 'content' } },
  });
  if (positionals.length === 0) {
    console.error('usage: npm run import -- <file or folder>... [--force] [--dry-run]');
    process.exit(2);
  }
  const reports = await importWire(positionals, { into: values.into, force: values.force, dryRun: values['dry-run'] });
  for (const report of reports) {
    const where = report.target ? ` → ${report.target} (${report.url})` : '';
    console.log(`${report.status.padEnd(11)} ${report.file}${where}`);
    for (const message of report.messages) console.log(`    ${message.replace(/\n/g, '\n    ')}`);
  }
  const failed = reports.filter((r) => r.status === 'failed' || r.status === 'exists').length;
  console.log(`\n${reports.length} file(s): ${reports.filter((r) => r.status === 'written').length} written, ${reports.filter((r) => r.status === 'would write').length} would be written, ${failed} not imported.`);
  process.exit(failed > 0 ? 1 : 0);
}
