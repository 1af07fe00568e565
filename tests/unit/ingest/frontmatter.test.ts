import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseStoryFile } from '#src/ingest/frontmatter.ts';
import { storyDate } from '#src/domain/dates.ts';

const FIRST_STORY =
  'content/2019/11/turkmenistan-developing-co-op-with-intl-organization-for-migration.md';

describe('parseStoryFile', () => {
  it('reads an unquoted date-time as text, so the +04:00 offset survives', async () => {
    const contents = await readFile(FIRST_STORY, 'utf8');
    expect(contents).toMatch(/^date: 2019-11-19T17:49:00\+04:00$/m); // unquoted in the file
    const parsed = parseStoryFile(FIRST_STORY, contents);
    expect(parsed.problems).toEqual([]);
    expect(parsed.data.date).toBe('2019-11-19T17:49:00+04:00');
    expect(storyDate(parsed.data.date as string).offset).toBe('+04:00');
  });

  it('reads a date alone as text, not as a midnight timestamp', () => {
    const parsed = parseStoryFile(
      'x.md',
      '---\ntitle: A\ndate: 2019-11-19\nsource: Trend\n---\nBody',
    );
    expect(parsed.data.date).toBe('2019-11-19');
  });

  it('gives the body without the frontmatter and the line of every field', () => {
    const parsed = parseStoryFile(
      'x.md',
      '---\ntitle: A\n\nsource: Trend\ndate: 2019-11-19\n---\n\nFirst paragraph.\n',
    );
    expect(parsed.body).toBe('First paragraph.');
    expect(parsed.fieldLines).toEqual({ title: 2, source: 4, date: 5 });
  });

  it('copes with a byte-order mark and CRLF line ends', () => {
    const parsed = parseStoryFile(
      'x.md',
      '\uFEFF---\r\ntitle: A\r\ndate: 2019-11-19T17:49:00+04:00\r\n---\r\nBody\r\n',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toMatchObject({ title: 'A', date: '2019-11-19T17:49:00+04:00' });
  });

  it('names the line of a YAML syntax error', () => {
    const parsed = parseStoryFile('x.md', '---\ntitle: A\ndate: [2019\nsource: Trend\n---\nBody');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'x.md' });
    expect(parsed.problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(parsed.problems[0]!.message).toMatch(/not valid YAML/);
  });

  it('says so when the frontmatter is missing or never closed', () => {
    expect(parseStoryFile('x.md', 'Just text').problems[0]!.message).toMatch(
      /does not start with frontmatter/,
    );
    expect(parseStoryFile('x.md', '---\ntitle: A\nBody').problems[0]!.message).toMatch(
      /never closed/,
    );
  });

  it('reports a repeated field', () => {
    const parsed = parseStoryFile('x.md', '---\ntitle: A\ntitle: B\n---\nBody');
    expect(parsed.problems[0]!.message).toMatch(/not valid YAML/);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    bomb.push('---', 'Body');
    const parsed = parseStoryFile('bomb.md', bomb.join('\n'));
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.fix).toMatch(/anchors and aliases/);
  });
});
