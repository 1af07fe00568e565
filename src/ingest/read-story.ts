import type { z } from 'astro/zod';
import { parseStoryFile } from './frontmatter.ts';
import { validateFrontmatter } from './validate.ts';
import { isValidSlug, slugify } from '#src/domain/slug.ts';
import { findUrlCollisions } from '#src/domain/urls.ts';
import type { Problem } from '#src/domain/problems.ts';

/**
 * A story's id, as Astro's glob loader makes it: its path in the content folder without `.md`.
 * A folder story (`2019/11/<slug>/index.md`, its photos beside it) is named after its folder,
 * so moving a story into a folder keeps its address.
 */
export const storyIdOf = (entry: string) =>
  entry.replace(/(^|\/)index\.md$/, '').replace(/\.md$/, '');

/** Whether a story file is a folder story's `index.md`. */
const isFolderStory = (entry: string) => /(^|[\\/])index\.md$/.test(entry);

/**
 * One story file read and validated as both the build and `npm run check` need it:
 * frontmatter, schema, and a file (or a folder story's folder) name that makes a valid slug.
 */
export function readStory<S extends z.ZodObject>(
  file: string,
  slug: string,
  contents: string,
  schema: S,
) {
  const parsed = parseStoryFile(file, contents);
  const { data, problems } = validateFrontmatter(file, parsed, schema);
  if (!isValidSlug(slug)) {
    const folder = isFolderStory(file);
    const name = folder ? `folder name "${slug}"` : `file name "${slug}.md"`;
    problems.push({
      file,
      message: `the ${name} is not a valid slug`,
      fix:
        `rename it to ${slugify(slug) || 'a-lower-case-name'}${folder ? '' : '.md'}: ` +
        `lower-case ASCII words joined by "-"`,
    });
  }
  return { parsed, data, problems };
}

/**
 * `<slug>.md` beside `<slug>/index.md`: one story written twice. One problem for each, naming
 * both files; neither is read.
 */
export function sameStoryProblems(entries: { entry: string; file: string }[]): Problem[] {
  const byId = new Map<string, string[]>();
  for (const { entry, file } of entries) {
    const id = storyIdOf(entry);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  return [...byId]
    .filter(([, files]) => files.length > 1)
    .map(([id, files]) => ({
      file: files.sort()[0]!,
      message: `this story and ${files.slice(1).join(' and ')} are the same story (${id})`,
      fix:
        'keep one: a folder story (<slug>/index.md, its photos beside it) or a file ' +
        '(<slug>.md), not both',
    }));
}

/** Stories that would share a URL, one problem per URL naming every file. */
export function collisionProblems(
  stories: { id: string; file: string; date: string }[],
): Problem[] {
  return findUrlCollisions(stories).map((collision) => ({
    file: collision.files[0]!,
    message:
      `this story and ${collision.files.slice(1).join(' and ')} would both be published ` +
      `at ${collision.url}`,
    fix:
      'rename one of the files (the file name is the slug), or correct the date if one of ' +
      'them is wrong',
  }));
}
