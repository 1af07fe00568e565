import { existsSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { isoInOffset, parseOffset, storyDate } from '#src/domain/dates.ts';
import { slugify } from '#src/domain/slug.ts';
import { pad2 } from '#src/domain/text.ts';
import { storyPath } from '#src/domain/urls.ts';
import archiveIdentity from '#src/archive.config.ts';
import { contentDir } from '#src/ingest/content-dir.ts';
import { formatProblem } from '#src/domain/problems.ts';
import { checkPhotos } from '#src/photos/check.ts';
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
  /** A photo to copy beside the story as its lead photo: the story is then a folder. */
  image?: { path: string; alt: string; caption?: string; credit?: string };
  /** The content folder. */
  into?: string;
  now?: Date;
}

/** The name a photo gets beside its story: its own, as a slug, with its extension. */
function photoName(path: string): string {
  const extension = extname(path)
    .toLowerCase()
    .replace(/^\.jpeg$/, '.jpg');
  return `${slugify(basename(path, extname(path))) || 'photo'}${extension}`;
}

/**
 * Writes a new story, dated now in its offset, with its frontmatter filled in; never over another.
 * With a photo, the story is a folder (`YYYY/MM/<slug>/index.md`) with the photo copied beside
 * it, checked first as a build would check it.
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
  const month = join(options.into ?? contentDir, String(when.year), pad2(when.month));
  const [file, folder] = [join(month, `${slug}.md`), join(month, slug)];
  for (const taken of [file, folder])
    if (existsSync(taken))
      throw new Error(`${taken} exists already: choose another headline, or edit that story`);
  const image = options.image;
  if (image) {
    if (!image.alt.trim())
      throw new Error('--alt must say what the photo shows, for readers who cannot see it');
    const source = resolve(image.path);
    if (!existsSync(source)) throw new Error(`--image ${image.path}: there is no such file`);
    // Checked where it is, as a build would check it beside the story.
    const rules = { contentDir: dirname(source), domains: [], remotePatterns: [] };
    const use = { src: `./${basename(source)}` };
    const checked = await checkPhotos(image.path, join(dirname(source), 'story.md'), [use], rules);
    if (checked.problems.length > 0)
      throw new Error(checked.problems.map(formatProblem).join('\n'));
  }
  const path = image ? join(folder, 'index.md') : file;
  const photo = image && photoName(image.path);
  const fields = {
    title: options.title,
    date,
    source: options.source,
    author: options.authors,
    dateline: options.dateline,
    topics: options.topics,
    lang: options.lang,
    image: image && {
      src: `./${photo}`,
      alt: image.alt.trim(),
      caption: image.caption,
      credit: image.credit,
    },
  };
  await mkdir(dirname(path), { recursive: true });
  try {
    if (image) await copyFile(image.path, join(folder, photo!));
    await writeFile(
      path,
      storyToMarkdown(fields, ['Write the story here, one paragraph per block.']),
    );
  } catch (error) {
    if (image) await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { path, url: storyPath(slug, date), date };
}
