import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isoInOffset, parseOffset, storyDate } from '#src/domain/dates.ts';
import { slugify } from '#src/domain/slug.ts';
import { pad2 } from '#src/domain/text.ts';
import { storyPath } from '#src/domain/urls.ts';
import archiveIdentity from '#src/archive.config.ts';
import { contentDir } from '#src/ingest/content-dir.ts';
import { storyToMarkdown } from './story-file.ts';

export interface NewStory {
  title: string;
  source: string;
  dateline?: string;
  /**
   * `+04:00`; when not given, the archive's (`newStoryOffset` in src/archive.config.ts), else
   * the machine's own.
   */
  offset?: string;
  authors?: string[];
  topics?: string[];
  lang?: string;
  /** The content folder. */
  into?: string;
  now?: Date;
}

/**
 * Writes a new story, dated now in its offset, with its frontmatter filled in; never over another.
 */
export async function newStory(
  options: NewStory,
): Promise<{ path: string; /** Its site path. */ url: string; date: string }> {
  const now = options.now ?? new Date();
  const asked = options.offset ?? archiveIdentity.newStoryOffset;
  const offset = asked === undefined ? -now.getTimezoneOffset() : parseOffset(asked);
  if (offset === null)
    throw new Error(`--offset "${asked}" is not a UTC offset: write it as +04:00, -05:30 or Z`);
  const date = isoInOffset(now, offset);
  const slug = slugify(options.title);
  if (!slug) throw new Error('the headline has no letters or digits to make a file name from');
  const when = storyDate(date);
  const path = join(options.into ?? contentDir, String(when.year), pad2(when.month), `${slug}.md`);
  if (existsSync(path))
    throw new Error(`${path} exists already: choose another headline, or edit that story`);
  const fields = {
    title: options.title,
    date,
    source: options.source,
    author: options.authors,
    dateline: options.dateline,
    topics: options.topics,
    lang: options.lang,
  };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(
    path,
    storyToMarkdown(fields, ['Write the story here, one paragraph per block.']),
  );
  return { path, url: storyPath(slug, date), date };
}
