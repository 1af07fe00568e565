// Starts a new story with correct frontmatter, dated now in the given offset.
//
//   npm run new -- "Headline" --source Trend --dateline "BAKU, Azerbaijan" [--offset +04:00] [--author "Name"]... [--topic x]... [--lang ru]
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { storyToMarkdown } from '#src/authoring/story-file.ts';
import { slugify } from '#src/domain/slug.ts';
import { articleUrl } from '#src/domain/urls.ts';
import { contentDir } from '#src/ingest/content-dir.ts';
import { storyDate } from '#src/domain/dates.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** `+04:00` for an offset in minutes east of UTC. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Parses `+04:00`, `-0530`, `Z`; null when it is not an offset. */
export function parseOffset(text: string): number | null {
  if (/^z$/i.test(text)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!match || Number(match[2]) > 14 || Number(match[3]) > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** `now` as the wall clock reads in the offset, with the offset: `2019-11-19T17:49:00+04:00`. */
export function isoInOffset(now: Date, offsetMinutes: number): string {
  const local = new Date(now.getTime() + offsetMinutes * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${offsetText(offsetMinutes)}`;
}

export async function newStory(options: { title: string; source: string; dateline?: string; offset?: string; authors?: string[]; topics?: string[]; lang?: string; into?: string; now?: Date }) {
  const offset = options.offset === undefined ? -(options.now ?? new Date()).getTimezoneOffset() : parseOffset(options.offset);
  if (offset === null) throw new Error(`--offset "${options.offset}" is not a UTC offset: write it as +04:00, -05:30 or Z`);
  const date = isoInOffset(options.now ?? new Date(), offset);
  const slug = slugify(options.title);
  if (!slug) throw new Error('the headline has no letters or digits to make a file name from');
  const when = storyDate(date);
  const path = join(options.into ?? contentDir, String(when.year), pad(when.month), `${slug}.md`);
  if (existsSync(path)) throw new Error(`${path} exists already: choose another headline, or edit that story`);
  const text = storyToMarkdown({ title: options.title, date, source: options.source, author: options.authors, dateline: options.dateline, topics: options.topics, lang: options.lang }, ['Write the story here, one paragraph per block.']);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return { path, url: articleUrl(slug, date), date };
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      dateline: { type: 'string' },
      offset: { type: 'string' },
      author: { type: 'string', multiple: true },
      topic: { type: 'string', multiple: true },
      lang: { type: 'string' },
    },
  });
  const title = positionals.join(' ').trim();
  if (!title || !values.source) {
    console.error('usage: npm run new -- "Headline" --source Trend [--dateline "BAKU, Azerbaijan"] [--offset +04:00] [--author "Name"] [--topic x] [--lang ru]');
    process.exit(2);
  }
  try {
    const created = await newStory({ title, source: values.source, dateline: values.dateline, offset: values.offset, authors: values.author, topics: values.topic, lang: values.lang });
    console.log(`Wrote ${created.path}\nIt will be published at ${created.url}`);
  } catch (error) {
    console.error(`npm run new: ${(error as Error).message}`);
    process.exit(1);
  }
}
