import type { z } from 'astro/zod';
import { parseStoryFile } from './frontmatter.ts';
import { validateFrontmatter } from './validate.ts';
import { isValidSlug, slugify } from '#src/domain/slug.ts';
import { findUrlCollisions } from '#src/domain/urls.ts';
import type { Problem } from '#src/domain/problems.ts';

/**
 * One story file read and validated as both the build and `npm run check` need it:
 * frontmatter, schema, and a file name that makes a valid slug.
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
    problems.push({
      file,
      message: `the file name "${slug}.md" is not a valid slug`,
      fix:
        `rename it to ${slugify(slug) || 'a-lower-case-name'}.md: lower-case ASCII words ` +
        `joined by "-"`,
    });
  }
  return { parsed, data, problems };
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
