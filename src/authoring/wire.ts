import { abbreviatedMonth, monthNumber, parseStoryDate } from '#src/domain/dates.ts';
import { pad2 } from '#src/domain/text.ts';
import { slugify } from '#src/domain/slug.ts';
import { splitByline } from '#src/domain/names.ts';
import type { Problem } from '#src/domain/problems.ts';

/** A story read from wire copy, ready to be written as Markdown. */
export interface WireStory {
  title: string;
  /** ISO 8601 with the offset the wire printed. */
  date: string;
  source: string;
  authors: string[];
  dateline?: string;
  paragraphs: string[];
  slug: string;
}

export interface WireResult {
  story?: WireStory;
  problems: Problem[];
}

const HEADER = /^date\s+(\d{4}-\d{2}-\d{2})\s+(.+)$/i;
const TIME_LINE =
  /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s+(\d{1,2}):(\d{2})\s*\(\s*(?:UTC|GMT)\s*([+-−]\d{1,2})(?::?(\d{2}))?\s*\)$/i;
const BYLINE = /^By\s+(.+?)\s+[-–—]\s+(.+?):\s*$/;
const SOURCE_ONLY = /^([\p{L}\p{N}][\p{L}\p{N} .&'’-]{0,60}):\s*$/u;
const DATELINE_DAY =
  /,\s*((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s+(\d{1,2})\s*$/i;

/** Wire text as it arrives: BOM, CRLF, non-breaking spaces, trailing blanks. */
export function cleanWireText(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u202F\u2007]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
}

/**
 * Reads a story in the wire format of the archive's first story:
 *
 *     date 2019-11-19 <headline>
 *     19 November 2019 17:49 (UTC+04:00)
 *     ASHGABAT, Turkmenistan, Nov. 19
 *     By Huseyn Hasanov – Trend:
 *     <paragraphs, separated by blank lines>
 */
export function parseWire(file: string, text: string): WireResult {
  const lines = cleanWireText(text);
  const problems: Problem[] = [];
  const error = (line: number | undefined, message: string, fix: string) =>
    problems.push({ file, line, message, fix, severity: 'error' });
  const warn = (line: number | undefined, message: string, fix: string) =>
    problems.push({ file, line, message, fix, severity: 'warning' });

  // Non-blank lines with their 1-based line numbers.
  const content = lines
    .map((line, index) => ({ line: index + 1, text: line.trim() }))
    .filter((entry) => entry.text !== '');
  const header = content[0];
  const headerMatch = header ? HEADER.exec(header.text) : null;
  if (!header || !headerMatch) {
    error(
      header?.line ?? 1,
      'the first line is not "date YYYY-MM-DD <headline>"',
      'start the file with the header line, e.g. "date 2019-11-19 Turkmenistan developing co-op ' +
        'with Int’l Organization for Migration"',
    );
    return { problems };
  }
  const [, headerDate, headline] = headerMatch as unknown as [string, string, string];
  const title = headline.trim();

  let cursor = 1;
  let date: string | undefined;
  const timeMatch = content[cursor] ? TIME_LINE.exec(content[cursor]!.text) : null;
  if (timeMatch) {
    const [, day, monthName, year, hour, minute, offsetHours, offsetMinutes] =
      timeMatch as unknown as string[];
    const month = monthNumber(monthName!) ?? 0;
    const sign = offsetHours!.startsWith('-') || offsetHours!.startsWith('−') ? '-' : '+';
    const iso = `${year}-${pad2(month)}-${pad2(day!)}T${pad2(hour!)}:${minute}:00${sign}${pad2(offsetHours!.replace(/^[+-−]/, ''))}:${offsetMinutes ?? '00'}`;
    const parsed = month > 0 ? parseStoryDate(iso) : null;
    if (!parsed || !parsed.ok) {
      error(
        content[cursor]!.line,
        `the time line "${content[cursor]!.text}" is not a real date and time`,
        'write it as "19 November 2019 17:49 (UTC+04:00)"',
      );
    } else {
      date = parsed.date.iso;
      if (!date.startsWith(headerDate))
        warn(
          content[cursor]!.line,
          `the time line's date differs from the header's ${headerDate}`,
          'check which date is right; the time line is used',
        );
    }
    cursor++;
  } else {
    const parsed = parseStoryDate(headerDate);
    if (!parsed.ok) {
      error(
        header.line,
        `the header's date "${headerDate}" is not a day of the calendar`,
        'correct the date in the first line',
      );
    } else {
      date = parsed.date.iso;
      warn(
        content[1]?.line ?? header.line,
        'there is no time line such as "19 November 2019 17:49 (UTC+04:00)"; the story gets the ' +
          'header’s date alone',
        'add the time line after the header if the wire gave one',
      );
    }
  }

  let dateline: string | undefined;
  let source: string | undefined;
  let authors: string[] = [];
  // The dateline and the byline, in either order, before the first paragraph.
  for (let taken = 0; taken < 2 && content[cursor]; taken++) {
    const entry = content[cursor]!;
    const byline = BYLINE.exec(entry.text);
    const sourceOnly = !byline && !source ? SOURCE_ONLY.exec(entry.text) : null;
    if (byline && !source) {
      // `PATRICK RIZZO AND PATTI DOMM` is two people, each written as people write names.
      authors = splitByline(byline[1]!);
      source = byline[2]!.trim();
      cursor++;
    } else if (sourceOnly) {
      source = sourceOnly[1]!.trim();
      cursor++;
    } else if (
      !dateline &&
      !source &&
      entry.text.length <= 80 &&
      /^[\p{Lu}\p{Lt}][\p{Lu}\p{M} .'’-]+,/u.test(entry.text)
    ) {
      const day = DATELINE_DAY.exec(entry.text);
      dateline = day ? entry.text.slice(0, day.index).trim() : entry.text;
      if (day && date) {
        const month = abbreviatedMonth(day[1]!) ?? 0;
        if (Number(day[2]) !== Number(date.slice(8, 10)) || month !== Number(date.slice(5, 7))) {
          warn(
            entry.line,
            `the dateline says ${day[1]} ${day[2]} but the story is dated ${date.slice(0, 10)}`,
            'check the date; the time line is used',
          );
        }
      }
      cursor++;
    } else {
      break;
    }
  }
  if (!source) {
    error(
      content[cursor]?.line ?? header.line,
      'no source: there is no byline such as "By Huseyn Hasanov – Trend:" or "Trend:"',
      'add the byline after the dateline',
    );
  }

  // Paragraphs: runs of non-blank lines after the byline, kept verbatim.
  const startLine = content[cursor]?.line ?? lines.length + 1;
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(startLine - 1)) {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current.join('\n'));
  if (paragraphs.length === 0)
    error(
      startLine,
      'the story has no text after the byline',
      'add the story’s paragraphs, separated by blank lines',
    );
  if (!title)
    error(
      header.line,
      'the headline is empty',
      'put the headline after the date on the first line',
    );

  if (problems.some((problem) => problem.severity === 'error') || !date || !source)
    return { problems };
  return {
    story: { title, date, source, authors, dateline, paragraphs, slug: slugify(title) || 'story' },
    problems,
  };
}
