import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { Problem } from '#src/domain/problems.ts';

export interface ParsedFile {
  /** The frontmatter as plain data; dates stay text so their offsets survive. */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter. */
  body: string;
  /** The line each field starts on, for messages; `image.src` for a field of a field. */
  fieldLines: Record<string, number>;
  /** The file's line on which `body` starts, so that problems in the body can name their line. */
  bodyLine: number;
  problems: Problem[];
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits a story file into frontmatter and body and reads the frontmatter as YAML 1.2 core
 * schema: unlike YAML 1.1 (and Astro's default reader), it has no timestamp type, so
 * `date: 2019-11-19T17:49:00+04:00` arrives as the text the author wrote, offset included.
 */
export function parseStoryFile(file: string, contents: string): ParsedFile {
  const text = contents.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  // A file read as UTF-8 that was not gets U+FFFD where its bytes made no sense.
  const broken = lines.findIndex((line) => line.includes('\uFFFD'));
  if (broken >= 0) {
    return {
      data: {},
      body: '',
      fieldLines: {},
      bodyLine: 1,
      problems: [
        {
          file,
          line: broken + 1,
          message: 'the file is not valid UTF-8 (its bytes cannot be read as text here)',
          fix:
            'save the file as UTF-8; if it came from a wire feed in another encoding, ' +
            'convert it first (e.g. iconv -f windows-1251 -t utf-8)',
        },
      ],
    };
  }
  const problem = (
    line: number | undefined,
    message: string,
    fix: string,
    field?: string,
  ): ParsedFile => ({
    data: {},
    body: '',
    fieldLines: {},
    bodyLine: 1,
    problems: [{ file, line, field, message, fix }],
  });

  if (!FENCE.test(lines[0] ?? '')) {
    return problem(
      1,
      'the file does not start with frontmatter',
      'begin the file with a line "---", the fields (title, date, source, …), and another "---"',
    );
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing < 0) {
    return problem(
      1,
      'the frontmatter is never closed',
      'end the frontmatter with a line "---" before the story text',
    );
  }

  const yamlText = lines.slice(1, closing).join('\n');
  const rest = lines.slice(closing + 1);
  const body = rest.join('\n').trim();
  const bodyLine =
    closing +
    2 +
    Math.max(
      0,
      rest.findIndex((line) => line.trim() !== ''),
    );
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    schema: 'core',
    uniqueKeys: true,
    lineCounter,
    prettyErrors: false,
  });
  // YAML lines are counted from the line after the opening fence.
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;

  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    line: fileLine(error.pos[0]),
    message: `the frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
    fix:
      'check the quoting and indentation on that line; quote text that contains ": " or ' +
      'starts with a special character',
  }));
  if (problems.length > 0) return { data: {}, body, fieldLines: {}, bodyLine, problems };

  const fieldLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      fieldLines[key] = fileLine(pair.key.range[0]);
      // One level down, for fields of fields such as `image: { src, alt }`.
      if (isMap(pair.value))
        for (const inner of pair.value.items)
          if (isScalar(inner.key) && inner.key.range)
            fieldLines[`${key}.${String(inner.key.value)}`] = fileLine(inner.key.range[0]);
    }
  } else if (doc.contents !== null) {
    return problem(
      2,
      'the frontmatter is not a list of fields',
      'write one "field: value" per line between the "---" lines',
    );
  }

  let data: unknown;
  try {
    // A small alias budget stops "billion laughs" documents from expanding.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return problem(
      2,
      `the frontmatter cannot be read: ${(error as Error).message}`,
      'remove YAML anchors and aliases (& and *) from the frontmatter',
    );
  }
  return { data: (data ?? {}) as Record<string, unknown>, body, fieldLines, bodyLine, problems };
}
