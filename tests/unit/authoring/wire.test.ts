import { mkdtemp, readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWire } from '#src/authoring/wire.ts';
import { importWire } from '#src/authoring/import-wire.ts';
import { TEST_PLACE_CACHE } from '../../support/places.ts';

const SEED = 'tests/fixtures/wire/000_efff69c8e6e26ed1.txt';
const FIRST_STORY =
  'content/2019/11/turkmenistan-developing-co-op-with-intl-organization-for-migration.md';

const wire = (...lines: string[]) => lines.join('\n');
const BASE = [
  'date 2019-11-19 Baku hosts Caspian transport forum',
  '',
  '19 November 2019 10:15 (UTC+04:00)',
  '',
  'BAKU, Azerbaijan, Nov. 19',
  '',
];

describe('parseWire on the seed', () => {
  it('reads every part of the first story', async () => {
    const { story, problems } = parseWire('seed.txt', await readFile(SEED, 'utf8'));
    expect(problems).toEqual([]);
    expect(story).toMatchObject({
      title: 'Turkmenistan developing co-op with Int’l Organization for Migration',
      date: '2019-11-19T17:49:00+04:00',
      source: 'Trend',
      authors: ['Huseyn Hasanov'],
      dateline: 'ASHGABAT, Turkmenistan',
      slug: 'turkmenistan-developing-co-op-with-intl-organization-for-migration',
    });
    expect(story!.paragraphs).toHaveLength(9);
  });

  it('imports the seed as exactly the story content/ holds', async () => {
    const into = await mkdtemp(join(tmpdir(), 'dateline-import-'));
    const [report] = await importWire([SEED], { into, cacheDir: TEST_PLACE_CACHE });
    expect(report).toMatchObject({
      status: 'written',
      url: '/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/',
    });
    await expect(readFile(report!.target!, 'utf8')).resolves.toBe(
      await readFile(FIRST_STORY, 'utf8'),
    );
  });
});

describe('parseWire on variants', () => {
  it.each([
    ['an en dash', 'By Leman Zeynalova – Trend:'],
    ['an em dash', 'By Leman Zeynalova — Trend:'],
    ['a hyphen', 'By Leman Zeynalova - Trend:'],
  ])('reads a byline with %s', (_, byline) => {
    const { story } = parseWire('x.txt', wire(...BASE, byline, '', 'Ministers met in Baku.'));
    expect(story).toMatchObject({ authors: ['Leman Zeynalova'], source: 'Trend' });
  });

  it('reads two authors', () => {
    const { story } = parseWire(
      'x.txt',
      wire(...BASE, 'By Leman Zeynalova and Ilkin Hasanov – Trend:', '', 'Ministers met in Baku.'),
    );
    expect(story).toMatchObject({ authors: ['Leman Zeynalova', 'Ilkin Hasanov'], source: 'Trend' });
  });

  it('writes a byline in capitals, or with two people, as a list of names in normal case', () => {
    const { story } = parseWire(
      'x.txt',
      wire(...BASE, "By PATRICK RIZZO AND TED d'AFFLISIO – Reuters:", '', 'Ministers met.'),
    );
    expect(story).toMatchObject({
      authors: ['Patrick Rizzo', "Ted D'Afflisio"],
      source: 'Reuters',
    });
  });

  it('reads a source without a byline', () => {
    const { story, problems } = parseWire(
      'x.txt',
      wire(...BASE, 'Trend:', '', 'Ministers met in Baku.'),
    );
    expect(problems).toEqual([]);
    expect(story).toMatchObject({ authors: [], source: 'Trend', dateline: 'BAKU, Azerbaijan' });
  });

  it('copes with CRLF, a byte-order mark, non-breaking spaces and trailing blanks', () => {
    const text =
      '\uFEFF' +
      wire(
        ' date 2019-11-19 Baku\u00A0hosts forum   ',
        '',
        '19 November 2019 10:15 (UTC+04:00)  ',
        '',
        'BAKU, Azerbaijan, Nov. 19\t',
        '',
        'By Leman Zeynalova – Trend:  ',
        '',
        'First paragraph.  ',
        '',
        'Second paragraph.',
        '',
        '',
      ).replace(/\n/g, '\r\n');
    const { story, problems } = parseWire('x.txt', text);
    expect(problems).toEqual([]);
    expect(story).toMatchObject({
      title: 'Baku hosts forum',
      date: '2019-11-19T10:15:00+04:00',
      paragraphs: ['First paragraph.', 'Second paragraph.'],
    });
  });

  it('reads a negative offset and a date alone when the time line is missing', () => {
    expect(
      parseWire(
        'x.txt',
        wire(
          'date 2019-11-19 Talks',
          '',
          '19 November 2019 08:05 (UTC-05:30)',
          '',
          'Reuters:',
          '',
          'Text.',
        ),
      ).story?.date,
    ).toBe('2019-11-19T08:05:00-05:30');
    const { story, problems } = parseWire(
      'x.txt',
      wire('date 2019-11-19 Talks', '', 'WASHINGTON, Nov. 19', '', 'Reuters:', '', 'Text.'),
    );
    expect(story?.date).toBe('2019-11-19');
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/no time line/),
      }),
    ]);
  });

  it('warns when the dateline’s day disagrees with the date', () => {
    const { story, problems } = parseWire(
      'x.txt',
      wire(
        'date 2019-11-19 Talks',
        '',
        '19 November 2019 10:15 (UTC+04:00)',
        '',
        'BAKU, Azerbaijan, Nov. 18',
        '',
        'Trend:',
        '',
        'Text.',
      ),
    );
    expect(story).toBeDefined();
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 5,
        message: 'the dateline says Nov. 18 but the story is dated 2019-11-19',
      }),
    ]);
  });

  it('refuses a file without the header line, naming the file and line', () => {
    const { story, problems } = parseWire(
      'garbage.txt',
      wire('', 'Lorem ipsum dolor sit amet', 'consectetur adipiscing'),
    );
    expect(story).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'garbage.txt',
        line: 2,
        severity: 'error',
        message: expect.stringMatching(/first line is not/),
      }),
    ]);
  });

  it('refuses a missing headline or an impossible date', () => {
    expect(
      parseWire('x.txt', wire('date 2019-11-19', '', 'Trend:', '', 'Text.')).problems[0],
    ).toMatchObject({ line: 1, severity: 'error' });
    expect(
      parseWire('x.txt', wire('date 2019-02-30 Talks', '', 'Trend:', '', 'Text.')).problems[0],
    ).toMatchObject({ line: 1, message: expect.stringMatching(/not a day of the calendar/) });
    expect(
      parseWire(
        'x.txt',
        wire(
          'date 2019-11-19 Talks',
          '',
          '31 November 2019 10:15 (UTC+04:00)',
          '',
          'Trend:',
          '',
          'Text.',
        ),
      ).problems[0],
    ).toMatchObject({ line: 3, message: expect.stringMatching(/not a real date/) });
  });

  it('refuses a story without a source or without text', () => {
    expect(parseWire('x.txt', wire(...BASE, 'Ministers met in Baku.')).problems[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/no source/),
    });
    expect(parseWire('x.txt', wire(...BASE, 'Trend:')).problems[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/no text/),
    });
  });
});

describe('npm run import', () => {
  it('warns of a dateline that names no place, as the build will read it', async () => {
    const source = await mkdtemp(join(tmpdir(), 'dateline-wire-'));
    const into = await mkdtemp(join(tmpdir(), 'dateline-into-'));
    const copy = (dateline: string) =>
      wire(
        'date 1987-03-18 Dollar rates',
        '18 March 1987 10:15 (UTC+00:00)',
        dateline,
        'By JULIE VORMAN – Reuters:',
        '',
        'Rates were steady.',
      );
    await writeFile(join(source, 'a.txt'), copy('BIRMINGHAM, Ala., March 18'));
    await writeFile(join(source, 'b.txt'), copy('GRADINGS, March 18'));
    const reports = await importWire([source], { into, cacheDir: TEST_PLACE_CACHE, dryRun: true });
    expect(
      reports.map((r) =>
        r.messages.filter((m) => m.startsWith('warning: ') && m.includes('dateline:')),
      ),
    ).toEqual([[], [expect.stringContaining('"GRADINGS" names no place the gazetteer knows')]]);
    expect(reports[0]!.messages.at(-1)).toMatch(/\nauthor: Julie Vorman\n/);
  }, 120_000);

  it(
    'never overwrites a story unless forced, reports per file, and can only show what it would ' +
      'write',
    async () => {
      const source = await mkdtemp(join(tmpdir(), 'dateline-wire-'));
      const into = await mkdtemp(join(tmpdir(), 'dateline-into-'));
      await mkdir(join(source, 'day'));
      await writeFile(
        join(source, 'day', 'a.txt'),
        wire(...BASE, 'Trend:', '', 'Ministers met in Baku.'),
      );
      await writeFile(join(source, 'day', 'b.txt'), 'not wire copy');
      await writeFile(join(source, 'day', 'notes.md'), 'ignored: not .txt');

      const dry = await importWire([source], { into, cacheDir: TEST_PLACE_CACHE, dryRun: true });
      expect(dry.map((r) => r.status)).toEqual(['would write', 'failed']);
      await expect(readdir(into)).resolves.toEqual([]);

      const first = await importWire([source], { into, cacheDir: TEST_PLACE_CACHE });
      expect(first.map((r) => [r.file.split('/').at(-1), r.status])).toEqual([
        ['a.txt', 'written'],
        ['b.txt', 'failed'],
      ]);
      const target = first[0]!.target!;
      await writeFile(target, 'edited by hand');
      const again = await importWire([join(source, 'day', 'a.txt')], {
        into,
        cacheDir: TEST_PLACE_CACHE,
      });
      expect(again[0]!.status).toBe('exists');
      await expect(readFile(target, 'utf8')).resolves.toBe('edited by hand');
      const forced = await importWire([join(source, 'day', 'a.txt')], {
        into,
        cacheDir: TEST_PLACE_CACHE,
        force: true,
      });
      expect(forced[0]!.status).toBe('written');
      await expect(readFile(target, 'utf8')).resolves.toMatch(
        /^---\ntitle: Baku hosts Caspian transport forum\n/,
      );
    },
    // Four imports, each reading its places from the gazetteer: seconds on a machine the site
    // tests keep busy, as the tests above allow.
    120_000,
  );
});
