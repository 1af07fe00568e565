import { readdir, readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { slugOf, storyPath } from '#src/domain/urls.ts';
import { storyDate } from '#src/domain/dates.ts';
import { compareProblems, type Problem } from '#src/domain/problems.ts';
import { bylineProblems } from '#src/domain/names.ts';
import { planRedirects } from '#src/domain/redirects.ts';
import type { StoryFields } from '#src/domain/story.ts';
import { photoHosts } from '#src/photos/hosts.ts';
import { placeProblems } from './places/check-places.ts';
import { collisionProblems, readStory, sameStoryProblems, storyIdOf } from './read-story.ts';
import { findUnreadableStories } from './scan.ts';
import { parseStoryFile } from './frontmatter.ts';
import { createStoryRenderer } from './markdown.ts';
import { storyPhotos } from './photos.ts';

export interface StoryFile {
  /** As shown in messages. */
  file: string;
  /** Path relative to the content folder, without `.md` (a folder story's: its folder). */
  id: string;
  /** Where it is, absolute: its photos are looked for from there. */
  path: string;
  /** Path relative to the content folder, as found. */
  entry: string;
  contents: string;
}

/** Links in Markdown that point at another story: `](/2019/11/19/slug/)`, `](https://site/2019/...)`. */
const STORY_LINK =
  /\]\(\s*(?:https?:\/\/[^/)\s]+)?(\/\d{4}\/\d{2}\/\d{2}\/[^)\s#?]+?)\/?(?:[#?][^)\s]*)?\s*(?:"[^"]*")?\)/g;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** What git knows of the stories' addresses, for `npm run check` (src/ingest/history.ts). */
export interface AddressHistory {
  /** The site paths each story had in earlier commits, by story id, newest first. */
  former: Map<string, string[]>;
  /** Stories deleted with no file taking their place, with the address each had. */
  removed: { file: string; path: string; commit: string }[];
  /** A shallow clone: old addresses before its first commit are unknown. */
  shallow: boolean;
}

const NO_HISTORY: AddressHistory = { former: new Map(), removed: [], shallow: false };

/** A story that read and validated, as the checks that follow need it. */
export interface CheckedStory {
  file: string;
  id: string;
  contents: string;
  data: StoryFields & { aliases: string[] };
  /** The line each top-level field starts on. */
  fieldLines: Record<string, number>;
}

/** Reads and validates every story: the schema's problems, and the stories that passed. */
function readStories(files: StoryFile[], schema: z.ZodObject) {
  // One story written twice (slug.md and slug/index.md) is said once, not as a shared URL too.
  const seen = new Set<string>();
  const doubled = new Set(files.map((f) => f.id).filter((id) => seen.has(id) || !seen.add(id)));
  const problems: Problem[] = sameStoryProblems(files.filter((f) => doubled.has(f.id)));
  const valid: CheckedStory[] = [];
  for (const { file, id, contents } of files) {
    if (doubled.has(id)) continue;
    const result = readStory(file, slugOf(id), contents, schema);
    problems.push(...result.problems);
    if (!result.data) continue;
    const { parsed } = result;
    const data = result.data as unknown as CheckedStory['data'];
    valid.push({ file, id, contents, data, fieldLines: parsed.fieldLines });
    if (parsed.body.trim() === '') {
      problems.push({
        file,
        message: 'the story has no text after its frontmatter',
        fix: 'add the story’s paragraphs below the closing "---"',
      });
    }
  }
  return { problems, valid };
}

/** What the schema cannot see: dates in the future, an update before the story, bylines. */
function storyProblems(story: CheckedStory, now: number): Problem[] {
  const { file, data, fieldLines } = story;
  const problems: Problem[] = [];
  const date = storyDate(data.date);
  if (date.instant > now) {
    problems.push({
      file,
      line: fieldLines.date,
      field: 'date',
      message: `${data.date} is in the future`,
      fix: 'correct the date; an embargoed story stays out of content/ until it may be published',
    });
  }
  if (data.updated && storyDate(data.updated).instant < date.instant) {
    problems.push({
      file,
      line: fieldLines.updated,
      field: 'updated',
      message: `${data.updated} is before the story's date ${data.date}`,
      fix: 'an update comes after the story: correct updated or date',
    });
  }
  for (const problem of (data.author ?? []).flatMap((name) => authorProblems(name)))
    problems.push({ file, line: fieldLines.author, field: 'author', ...problem });
  return problems;
}

/** A byline in capitals, two people in one name, or the agency after it: warnings with the fix. */
function authorProblems(name: string): Omit<Problem, 'file'>[] {
  const list = (names: string[]) => `[${names.join(', ')}]`;
  return bylineProblems(name).map((problem) => {
    const severity = 'warning' as const;
    switch (problem.kind) {
      case 'two-names':
        return {
          severity,
          message: `"${name}" holds ${problem.fix.length} names in one`,
          fix: `give each person as a name of the list: author: ${list(problem.fix)}`,
        };
      case 'capitals':
        return {
          severity,
          message: `"${name}" is written in capitals`,
          fix: `write the name as people write it: author: ${problem.fix}`,
        };
      case 'agency':
        return {
          severity,
          message: `"${name}" ends with the agency's name`,
          fix: `write the person alone, the source names the agency: author: ${problem.fix}`,
        };
    }
  });
}

/**
 * Everything `npm run check` finds in the stories that needs no gazetteer, all at once: the
 * schema's problems, and what it cannot see (URLs two files share, bad slugs, dates in the
 * future, an update before the story, empty stories, links to stories that do not exist,
 * aliases that cannot be), and, as warnings, bylines in capitals or with two people and
 * addresses that changed in git and no longer answer.
 */
export function checkStories(
  files: StoryFile[],
  schema: z.ZodObject,
  now = Date.now(),
  history = NO_HISTORY,
): Problem[] {
  const { problems, valid } = readStories(files, schema);
  return [...problems, ...archiveProblems(valid, now, history)].sort(compareProblems);
}

function archiveProblems(valid: CheckedStory[], now: number, history: AddressHistory): Problem[] {
  const problems = valid.flatMap((story) => storyProblems(story, now));
  const stories = valid.map(({ id, file, data, fieldLines }) => ({
    id,
    file,
    date: data.date,
    title: data.title,
    aliases: data.aliases.map((path) => ({ path, line: fieldLines.aliases })),
  }));
  problems.push(...collisionProblems(stories));
  const plan = planRedirects(stories.map((story) => movedStory(story, history)));
  problems.push(...addressProblems(plan, stories, history));

  const urls = new Set(stories.map((story) => storyPath(story.id, story.date)));
  const moved = new Map(plan.redirects.map((r) => [r.from, r.to]));
  for (const story of valid) {
    for (const match of story.contents.matchAll(STORY_LINK)) {
      const target = `${match[1]}/`;
      if (moved.has(target)) {
        problems.push({
          file: story.file,
          line: lineOf(story.contents, match.index),
          severity: 'warning',
          message: `links to ${target}, an old address that redirects to ${moved.get(target)}`,
          fix: `link to ${moved.get(target)} itself`,
        });
      } else if (!urls.has(target)) {
        problems.push({
          file: story.file,
          line: lineOf(story.contents, match.index),
          message: `links to ${target}, which is not a story in the archive`,
          fix:
            'correct the link: a story’s address is /YYYY/MM/DD/<file name>/ with the date ' +
            'in its own offset',
        });
      }
    }
  }
  return problems;
}

/**
 * All of `npm run check`'s story checks: `checkStories`, and where each story was filed, read
 * through the same gazetteer and place cache as the build (`cacheDir`).
 */
export async function checkArchive(
  files: StoryFile[],
  schema: z.ZodObject,
  options: { cacheDir: string; now?: number; history?: AddressHistory },
): Promise<Problem[]> {
  const { problems, valid } = readStories(files, schema);
  problems.push(
    ...archiveProblems(valid, options.now ?? Date.now(), options.history ?? NO_HISTORY),
  );
  problems.push(...(await placeProblems(valid, options.cacheDir)));
  return problems.sort(compareProblems);
}

function movedStory(
  story: { id: string; file: string; date: string; title: string; aliases: { path: string }[] },
  history: AddressHistory,
) {
  return {
    file: story.file,
    path: storyPath(story.id, story.date),
    title: story.title,
    aliases: story.aliases,
    former: history.former.get(story.id) ?? [],
  };
}

/**
 * Aliases that cannot be, which stop the build; and, as warnings, addresses that changed in git
 * and answer no more: one a story had that another story or alias has now, a deleted story's,
 * and old addresses a shallow clone cannot know.
 */
function addressProblems(
  plan: ReturnType<typeof planRedirects>,
  valid: Parameters<typeof movedStory>[0][],
  history: AddressHistory,
): Problem[] {
  const problems = [...plan.problems];
  for (const lost of plan.lost)
    problems.push({
      file: lost.file,
      severity: 'warning',
      message:
        `the story was at ${lost.from} in an earlier commit, and that address cannot lead to ` +
        `it: ${lost.reason}`,
      fix: 'nothing, if the address now belongs where it leads; links to it lead there',
    });
  const answering = new Set([
    ...valid.map((story) => storyPath(story.id, story.date)),
    ...plan.redirects.map((redirect) => redirect.from),
  ]);
  for (const gone of history.removed)
    if (!answering.has(gone.path))
      problems.push({
        file: gone.file,
        severity: 'warning',
        message:
          `was deleted in commit ${gone.commit.slice(0, 7)}, so its address ${gone.path} ` +
          `no longer answers`,
        fix:
          `if the story lives on in another file, add "- ${gone.path}" to that story’s ` +
          'aliases:; if it was withdrawn, nothing',
      });
  if (history.shallow)
    problems.push({
      file: '.git',
      severity: 'warning',
      message: 'the history is shallow: old addresses of stories before it are not kept',
      fix: 'fetch the whole history (git fetch --unshallow; in CI, fetch-depth: 0)',
    });
  return problems;
}

/**
 * Every story file under a folder, read for `npm run check`, and the `.md` entries that cannot be
 * read.
 */
export async function readStoryFiles(
  dir: string,
): Promise<{ files: StoryFile[]; unreadable: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => resolve(e.parentPath, e.name));
  const files = await Promise.all(
    paths.map(async (path) => {
      const entry = relative(resolve(dir), path).split('\\').join('/');
      return {
        file: relative(process.cwd(), path) || path,
        id: storyIdOf(entry),
        path,
        entry,
        contents: await readFile(path, 'utf8'),
      };
    }),
  );
  const unreadable = (await findUnreadableStories(dir)).map(
    (u) =>
      `${relative(process.cwd(), u.path)}: the story cannot be read: ${u.reason}\n    fix: ` +
      `replace it with a regular Markdown file, or delete it`,
  );
  return { files, unreadable };
}

/**
 * The photo problems of stories whose frontmatter is sound, as the build's workers find them
 * (./photos.ts): a photo missing, outside the content folder, damaged, cut short, too large, on a
 * host the archive does not take photos from, or in the text without alt text.
 */
export async function checkStoryPhotos(
  files: StoryFile[],
  contentDir: string,
  schema: z.ZodObject,
): Promise<Problem[]> {
  const remotePatterns = photoHosts();
  // Rendered only to find the photos: no syntax highlighting to load.
  const renderer = await createStoryRenderer({
    gfm: true,
    syntaxHighlight: false,
    image: { domains: [], remotePatterns },
  });
  const rules = { contentDir: resolve(contentDir), domains: [], remotePatterns };
  const problems: Problem[] = [];
  for (const file of files) {
    const parsed = parseStoryFile(file.file, file.contents);
    const result = schema.safeParse(parsed.data);
    if (parsed.problems.length > 0 || !result.success) continue;
    const lead = (result.data as { image?: { src: string } }).image?.src;
    const photos = await storyPhotos(file, parsed, lead, rules, renderer, false);
    problems.push(...photos.problems);
  }
  return problems.sort(compareProblems);
}
