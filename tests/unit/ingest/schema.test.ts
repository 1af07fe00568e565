import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '#src/ingest/schema.ts';
import { parseStoryFile } from '#src/ingest/frontmatter.ts';
import { validateFrontmatter } from '#src/ingest/validate.ts';

async function check(path: string) {
  const file = join('tests/fixtures/invalid', path);
  return validateFrontmatter(
    file,
    parseStoryFile(file, await readFile(file, 'utf8')),
    articleSchema,
  );
}

function validate(frontmatter: string) {
  return validateFrontmatter(
    'x.md',
    parseStoryFile('x.md', `---\n${frontmatter}\n---\nBody`),
    articleSchema,
  );
}

describe('the story schema', () => {
  it('accepts the first story and keeps its offset', async () => {
    const file =
      'content/2019/11/turkmenistan-developing-co-op-with-intl-organization-for-migration.md';
    const result = validateFrontmatter(
      file,
      parseStoryFile(file, await readFile(file, 'utf8')),
      articleSchema,
    );
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual({
      title: 'Turkmenistan developing co-op with Int’l Organization for Migration',
      date: '2019-11-19T17:49:00+04:00',
      source: 'Trend',
      author: ['Huseyn Hasanov'],
      dateline: 'ASHGABAT, Turkmenistan',
      topics: [],
      lang: 'en',
      corrections: [],
      aliases: [],
      draft: false,
    });
  });

  it('takes a place: written like a dateline, as a GeoNames id, in parts, or false', () => {
    const place = (value: string) =>
      validate(`title: A\ndate: 2019-11-19\nsource: Trend\nplace: ${value}`);
    expect(place('Birmingham, Ala.').data?.place).toBe('Birmingham, Ala.');
    expect(place('{ geonames: 4049979 }').data?.place).toEqual({ geonames: 4049979 });
    expect(place('false').data?.place).toBe(false);
    expect(
      place('{ city: Rocky Hill, region: Conn., country: US, lat: 41.66, lon: -72.65 }').data
        ?.place,
    ).toEqual({ city: 'Rocky Hill', region: 'Conn.', country: 'US', lat: 41.66, lon: -72.65 });
    for (const wrong of ['true', '{ geonames: -3 }', '{ city: X, country: US, lat: 41 }', '[]']) {
      const { problems } = place(wrong);
      expect(problems, wrong).toHaveLength(1);
      expect(problems[0]).toMatchObject({ field: expect.stringMatching(/^place/), line: 5 });
    }
    expect(place('true').problems[0]!.message).toMatch(
      /must be a place such as "Birmingham, Ala\."/,
    );
  });

  it('reads aliases as site paths, and refuses one that is not, with its line and fix', () => {
    expect(
      validate('title: A\ndate: 2019-11-19\nsource: Trend\naliases: [/2019/11/18/a]').data?.aliases,
    ).toEqual(['/2019/11/18/a/']);
    const { problems } = validate(
      'title: A\ndate: 2019-11-19\nsource: Trend\naliases:\n  - https://example.org/old/\n  - old/',
    );
    expect(problems).toMatchObject([
      { line: 5, field: 'aliases.0', message: expect.stringContaining('full URL') },
      { line: 5, field: 'aliases.1', message: expect.stringContaining('site-relative') },
    ]);
    expect(problems[0]!.fix).toMatch(/\/2019\/11\/18\/old-slug\//);
  });

  it('reads one author or a list of authors as a list', () => {
    expect(
      validate('title: A\ndate: 2019-11-19\nsource: Trend\nauthor: [A One, B Two]').data?.author,
    ).toEqual(['A One', 'B Two']);
  });

  it('reports a missing title with its file and a fix', async () => {
    const { problems } = await check('2019/11/missing-title.md');
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'tests/fixtures/invalid/2019/11/missing-title.md',
        field: 'title',
        message: 'is required but missing',
      }),
    ]);
    expect(problems[0]!.fix).toMatch(/title:/);
  });

  it('reports a date that is not on the calendar, on its line', async () => {
    const { problems } = await check('2019/11/bad-date.md');
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'date',
        line: 3,
        message: expect.stringMatching(/not a day of the calendar/),
      }),
    ]);
  });

  it('reports a date-time without an offset and says to add one', async () => {
    const { problems } = await check('2019/11/no-offset.md');
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'date',
        line: 3,
        message: expect.stringMatching(/no UTC offset/),
        fix: expect.stringMatching(/add the offset/),
      }),
    ]);
  });

  it('reports an unknown field and suggests the field meant', async () => {
    const { problems } = await check('2019/11/unknown-key.md');
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'autor',
        line: 5,
        fix: expect.stringMatching(/did you mean "author"/),
      }),
    ]);
  });

  it('reports a field of the wrong type', async () => {
    const { problems } = await check('2019/11/wrong-type.md');
    expect(problems).toEqual([
      expect.objectContaining({ field: 'topics', line: 5, message: 'must be a list of topics' }),
    ]);
  });

  it('reports every problem of a file at once', () => {
    const { problems } = validate(
      'title: ""\ndate: yesterday\nsorce: Trend\nlang: "english please"',
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'date',
      'lang',
      'sorce',
      'source',
      'title',
    ]);
  });

  it('checks updated like date', () => {
    expect(
      validate('title: A\ndate: 2019-11-19\nsource: Trend\nupdated: 2019-11-20T10:00').problems[0],
    ).toMatchObject({ field: 'updated', message: expect.stringMatching(/no UTC offset/) });
  });
});
