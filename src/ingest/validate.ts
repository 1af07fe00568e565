import type { z } from 'astro/zod';
import type { ParsedFile } from './frontmatter.ts';
import type { Problem } from '#src/domain/problems.ts';

const FIELD_HINTS: Record<string, string> = {
  title:
    'add a line such as: title: Turkmenistan developing co-op with Int’l Organization for ' +
    'Migration',
  date: 'add a line such as: date: 2019-11-19T17:49:00+04:00 (or a date alone: 2019-11-19)',
  source: 'add a line such as: source: Trend',
  author: 'write author: Huseyn Hasanov, or a list with one "- Name" per line',
  dateline: 'write dateline: ASHGABAT, Turkmenistan',
  place: 'write place: Birmingham, Ala. (city, then region or country), or place: false',
  topics: 'write topics as a list, one "- topic" per line',
  summary: 'write summary: followed by one or two sentences',
  lang: 'write lang: en (or ru, tk, ar, …)',
  updated: 'write updated: 2019-11-20T09:00:00+04:00',
  corrections:
    'write corrections as a list of entries, each "- date: 2019-11-20" with "text: What was ' +
    'wrong." under it',
  draft: 'write draft: true, or remove the line',
  aliases: 'write aliases as a list, one "- /2019/11/18/old-slug/" per line',
  image:
    'write image: with src: ./photo.jpg and alt: what the photo shows, each on its own line ' +
    'below it',
};

function closest(word: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const ranked = candidates
    .map((c) => [c, distance(word.toLowerCase(), c)] as const)
    .sort((x, y) => x[1] - y[1]);
  return ranked[0] && ranked[0][1] <= 2 ? ranked[0][0] : undefined;
}

/** The fields of an object schema, through optional(), defaults and refinements. */
function fieldsOf(schema: unknown): string[] {
  let current = schema as
    { shape?: Record<string, unknown>; def?: { innerType?: unknown; in?: unknown } } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.shape) return Object.keys(current.shape);
    current = (current.def?.innerType ?? current.def?.in) as typeof current;
  }
  return [];
}

/** Validates parsed frontmatter against the schema and says what is wrong in an editor's terms. */
export function validateFrontmatter<S extends z.ZodObject>(
  file: string,
  parsed: ParsedFile,
  schema: S,
): { data?: z.output<S>; problems: Problem[] } {
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const result = schema.safeParse(parsed.data);
  if (result.success) return { data: result.data, problems: [] };

  const known = Object.keys(schema.shape);
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // A field of a field (image.colour) is named with its parent, among the parent's fields.
      const parent = issue.path.map(String).join('.');
      const choices = parent ? fieldsOf(schema.shape[parent]) : known;
      for (const key of issue.keys) {
        const name = parent ? `${parent}.${key}` : key;
        const guess = closest(key, choices);
        problems.push({
          file,
          line: parsed.fieldLines[name],
          field: name,
          message: `unknown field "${name}"`,
          fix: guess
            ? `did you mean "${guess}"? Rename it.`
            : `remove it, or use one of: ${choices.join(', ')}`,
        });
      }
      continue;
    }
    const field = String(issue.path[0] ?? '');
    const missing = parsed.data[field] === undefined;
    const params = (issue as { params?: { fix?: string } }).params;
    // A field of a field (image.alt) is named on its own line when it has one.
    const inner =
      issue.path.length > 1 ? parsed.fieldLines[issue.path.slice(0, 2).join('.')] : undefined;
    problems.push({
      file,
      line: inner ?? parsed.fieldLines[field] ?? (missing ? 2 : undefined),
      field: issue.path.join('.') || undefined,
      message: missing ? 'is required but missing' : issue.message,
      fix: params?.fix ?? FIELD_HINTS[field] ?? 'correct the value',
    });
  }
  return { problems };
}
