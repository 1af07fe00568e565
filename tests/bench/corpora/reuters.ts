import { stringify } from 'yaml';
import { splitByline } from '#src/domain/names.ts';
import { slugify } from '#src/domain/slug.ts';
import { escapeMarkdown } from '#src/authoring/story-file.ts';

/** One line of the Reuters-21578 corpus file. */
export interface ReutersRecord {
  id: number;
  date: string;
  title: string;
  dateline: string | null;
  author: string | null;
  places: string[];
  topics: string[];
  body: string;
}

/** The Markdown file a Reuters story becomes: its path under the content folder and its text. */
export function reutersToMarkdown(record: ReutersRecord): { path: string; text: string } {
  const [year, month] = [record.date.slice(0, 4), record.date.slice(5, 7)];
  // Many Reuters headlines repeat; the corpus id keeps every slug unique.
  const slug = `${slugify(record.title, 60) || 'story'}-${record.id}`;
  const frontmatter: Record<string, unknown> = {
    title: record.title.trim(),
    date: record.date,
    source: 'Reuters',
  };
  // `PATRICK RIZZO AND PATTI DOMM` is two people, written as people write their names.
  const authors = record.author ? splitByline(record.author) : [];
  if (authors.length > 0) frontmatter.author = authors.length === 1 ? authors[0] : authors;
  if (record.dateline) frontmatter.dateline = record.dateline.trim();
  if (record.topics.length > 0) frontmatter.topics = record.topics;
  const yaml = stringify(frontmatter, { lineWidth: 0 });
  return {
    path: `${year}/${month}/${slug}.md`,
    text: `---\n${yaml}---\n\n${escapeMarkdown(record.body.trim())}\n`,
  };
}
