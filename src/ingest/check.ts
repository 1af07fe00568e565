import { basename } from 'node:path';
import type { z } from 'astro/zod';
import { parseStoryFile } from './frontmatter.ts';
import { validateFrontmatter } from './validate.ts';
import { isValidSlug, slugify } from '#src/domain/slug.ts';
import { articleUrl, findUrlCollisions } from '#src/domain/urls.ts';
import { storyDate } from '#src/domain/dates.ts';
import type { Problem } from '#src/domain/problems.ts';

export interface StoryFile {
  /** As shown in messages. */
  file: string;
  /** Path relative to the content folder, without `.md`. */
  id: string;
  contents: string;
}

/** Links in Markdown that point at another story: `](/2019/11/19/slug/)`, `](https://site/2019/...)`. */
const STORY_LINK = /\]\(\s*(?:https?:\/\/[^/)\s]+)?(\/\d{4}\/\d{2}\/\d{2}\/[^)\s#?]+?)\/?(?:[#?][^)\s]*)?\s*(?:"[^"]*")?\)/g;

/**
 * One story file read and validated as both the build and `npm run check` need it:
 * frontmatter, schema, and a file name that makes a valid slug.
 */
export function readStory<S extends z.ZodObject>(file: string, slug: string, contents: string, schema: S) {
  const parsed = parseStoryFile(file, contents);
  const { data, problems } = validateFrontmatter(file, parsed, schema);
  if (!isValidSlug(slug)) {
    problems.push({ file, message: `the file name "${slug}.md" is not a valid slug`, fix: `rename it to ${slugify(slug) || 'a-lower-case-name'}.md: lower-case ASCII words joined by "-"` });
  }
  return { parsed, data, problems };
}

/** Stories that would share a URL, one problem per URL naming every file. */
export function collisionProblems(stories: { id: string; file: string; date: string }[]): Problem[] {
  return findUrlCollisions(stories).map((collision) => ({
    file: collision.files[0]!,
    message: `this story and ${collision.files.slice(1).join(' and ')} would both be published at ${collision.url}`,
    fix: 'rename one of the files (the file name is the slug), or correct the date if one of them is wrong',
  }));
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Everything `npm run check` finds in the stories, all at once: the schema's problems, and
 * what it cannot see (URLs two files share, bad slugs, dates in the future, an update before
 * the story, empty stories, links to stories that do not exist).
 */
export function checkStories(files: StoryFile[], schema: z.ZodObject, now = Date.now()): Problem[] {
  const problems: Problem[] = [];
  const valid: { id: string; file: string; date: string; contents: string }[] = [];
  for (const { file, id, contents } of files) {
    const result = readStory(file, basename(id), contents, schema);
    const { parsed } = result;
    problems.push(...result.problems);
    if (!result.data) continue;
    const data = result.data as { date: string; updated?: string };
    const date = storyDate(data.date);
    if (date.instant > now) {
      problems.push({ file, line: parsed.fieldLines.date, field: 'date', message: `${data.date} is in the future`, fix: 'correct the date; an embargoed story stays out of content/ until it may be published' });
    }
    if (data.updated && storyDate(data.updated).instant < date.instant) {
      problems.push({ file, line: parsed.fieldLines.updated, field: 'updated', message: `${data.updated} is before the story's date ${data.date}`, fix: 'an update comes after the story: correct updated or date' });
    }
    if (parsed.body.trim() === '') {
      problems.push({ file, message: 'the story has no text after its frontmatter', fix: 'add the story’s paragraphs below the closing "---"' });
    }
    valid.push({ id, file, date: data.date, contents });
  }

  problems.push(...collisionProblems(valid));

  const urls = new Set(valid.map((story) => articleUrl(story.id, story.date)));
  for (const story of valid) {
    for (const match of story.contents.matchAll(STORY_LINK)) {
      const target = `${match[1]}/`;
      if (!urls.has(target)) {
        problems.push({ file: story.file, line: lineOf(story.contents, match.index), message: `links to ${target}, which is not a story in the archive`, fix: 'correct the link: a story’s address is /YYYY/MM/DD/<file name>/ with the date in its own offset' });
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
