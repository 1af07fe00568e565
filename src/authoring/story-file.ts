import { stringify } from 'yaml';
import type { StoryFields } from '#src/domain/story.ts';

/** The frontmatter fields a new or imported story is written with. */
export type StoryFileFields = Pick<
  StoryFields,
  'title' | 'date' | 'source' | 'author' | 'dateline' | 'topics' | 'lang'
> & {
  /** The lead photo: its path from the story, and its words. */
  image?: { src: string; alt: string; caption?: string; credit?: string };
};

/** One YAML value on one line, quoted only when YAML would misread it. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * Plain text, as wire copy is, that Markdown must not read as structure: a heading or a list
 * at the start of a line, raw HTML, or a character reference (`&lt;` printed as it was sent).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/^([ \t]*)([#>*+-]|\d+[.)])(?=\s)/gm, '$1\\$2');
}

/**
 * A story file: frontmatter with dates unquoted (Dateline keeps their offsets), then paragraphs.
 */
export function storyToMarkdown(fields: StoryFileFields, paragraphs: string[]): string {
  const lines = [
    '---',
    `title: ${scalar(fields.title)}`,
    `date: ${fields.date}`,
    `source: ${scalar(fields.source)}`,
  ];
  if (fields.author?.length === 1) lines.push(`author: ${scalar(fields.author[0]!)}`);
  if (fields.author && fields.author.length > 1)
    lines.push('author:', ...fields.author.map((name) => `  - ${scalar(name)}`));
  if (fields.dateline) lines.push(`dateline: ${scalar(fields.dateline)}`);
  if (fields.topics?.length)
    lines.push('topics:', ...fields.topics.map((topic) => `  - ${scalar(topic)}`));
  if (fields.lang && fields.lang !== 'en') lines.push(`lang: ${scalar(fields.lang)}`);
  if (fields.image) {
    const { src, alt, caption, credit } = fields.image;
    lines.push('image:', `  src: ${scalar(src)}`, `  alt: ${scalar(alt)}`);
    if (caption) lines.push(`  caption: ${scalar(caption)}`);
    if (credit) lines.push(`  credit: ${scalar(credit)}`);
  }
  lines.push('---', '');
  return `${lines.join('\n')}\n${paragraphs.map(escapeMarkdown).join('\n\n')}\n`;
}
