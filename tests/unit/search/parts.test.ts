import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { partLimit, planSearchParts, type DatedPage } from '#src/search/parts.ts';
import { pad2 } from '#src/domain/text.ts';

/** `count` stories published on one UTC day, a minute apart. */
function day(date: string, count: number, slug = 'story'): DatedPage[] {
  return Array.from({ length: count }, (_, i) => ({
    file: `${date.replaceAll('-', '/')}/${slug}-${i}/index.html`,
    published: `${date}T${pad2(Math.floor(i / 60) % 24)}:${pad2(i % 60)}:00.000Z`,
  }));
}

const summary = (pages: DatedPage[], limit?: number) =>
  planSearchParts(pages, limit).map(
    (part) => `${part.id} ${part.from}..${part.to} ${part.pages.length}`,
  );

describe('search index parts', () => {
  it('pack whole years while they are small', () => {
    const pages = [...day('2020-01-01', 3), ...day('2019-11-19', 2), ...day('1987-03-03', 30)];
    expect(summary(pages)).toEqual(['1987-to-2020 1987-01-01..2020-12-31 35']);
    expect(summary(pages, 31)).toEqual([
      '1987 1987-01-01..1987-12-31 30',
      '2019-to-2020 2019-01-01..2020-12-31 5',
    ]);
  });

  it('cut a big year into runs of months, and a big month into runs of days, oldest first', () => {
    const pages = [
      ...day('1987-02-26', 3),
      ...day('1987-03-02', 4),
      ...day('1987-03-03', 4),
      ...day('1987-03-04', 1),
      ...day('1987-04-07', 5),
      ...day('1987-06-01', 2),
      ...day('1987-10-19', 1),
    ];
    expect(summary(pages, 6)).toEqual([
      '1987-02 1987-02-01..1987-02-28 3',
      '1987-03-02 1987-03-02..1987-03-02 4',
      '1987-03-03-to-1987-03-04 1987-03-03..1987-03-04 5',
      '1987-04 1987-04-01..1987-04-30 5',
      '1987-06-to-1987-10 1987-06-01..1987-10-31 3',
    ]);
  });

  it('keep a day bigger than the limit whole: a day is never divided', () => {
    expect(summary([...day('1987-03-03', 30), ...day('1987-03-04', 2)], 20)).toEqual([
      '1987-03-03 1987-03-03..1987-03-03 30',
      '1987-03-04 1987-03-04..1987-03-04 2',
    ]);
  });

  it('follow the UTC instant, not the date in the story’s own offset', () => {
    // Filed at 00:05 on 1 January 2020 in Ashgabat (UTC+05:00): published on 31 December in UTC.
    const parts = planSearchParts(
      [
        { file: '2020/01/01/fireworks/index.html', published: '2019-12-31T19:05:00.000Z' },
        ...day('2020-01-02', 1),
      ],
      1,
    );
    expect(parts.map((part) => [part.id, part.pages.map((page) => page.file)])).toEqual([
      ['2019', ['2020/01/01/fireworks/index.html']],
      ['2020', ['2020/01/02/story-0/index.html']],
    ]);
  });

  it(
    'do not move when a story is edited, and only the newest moves when stories are added at ' +
      'the newest end',
    () => {
      const archive = [
        ...day('1987-03-02', 4000),
        ...day('1987-03-03', 4000),
        ...day('1987-03-04', 4000),
      ];
      const before = summary(archive, 8000);
      expect(before).toEqual([
        '1987-03-02-to-1987-03-03 1987-03-02..1987-03-03 8000',
        '1987-03-04 1987-03-04..1987-03-04 4000',
      ]);
      // The newest part holds at most 4,000 stories: a new day starts a part of its own.
      expect(summary([...archive, ...day('1987-03-05', 10, 'later')], 8000)).toEqual([
        ...before,
        '1987-03-05 1987-03-05..1987-03-05 10',
      ]);
      expect(summary([...archive, ...day('1987-03-04', 10, 'later')], 8000)).toEqual([
        before[0],
        '1987-03-04 1987-03-04..1987-03-04 4010',
      ]);
    },
  );

  it(
    'hold at most 4,000 stories while that keeps an archive in eight parts, then double, up to ' +
      '48,000',
    () => {
      expect(partLimit(43)).toBe(4000);
      expect(partLimit(19_043)).toBe(4000);
      expect(partLimit(32_000)).toBe(4000);
      expect(partLimit(32_001)).toBe(8000);
      expect(partLimit(64_000)).toBe(8000);
      expect(partLimit(64_001)).toBe(16_000);
      expect(partLimit(100_000)).toBe(16_000);
      expect(partLimit(300_000)).toBe(48_000);
      expect(partLimit(1_000_000)).toBe(48_000);
    },
  );

  it('keep the newest stories a small part of their own, however big the others are', () => {
    const days = (year: number) =>
      Array.from({ length: 365 }, (_, i) =>
        new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10),
      );
    const archive = (perDay: number) =>
      [...days(2023), ...days(2024)].flatMap((date) => day(date, perDay));
    // 96 stories a day, 70,080 in all: parts of up to 16,000, the newest the months that fit in
    // 4,000.
    expect(summary(archive(96))).toEqual([
      '2023-01-to-2023-05 2023-01-01..2023-05-31 14496',
      '2023-06-to-2023-10 2023-06-01..2023-10-31 14688',
      '2023-11-to-2024-03 2023-11-01..2024-03-31 14592',
      '2024-04-to-2024-08 2024-04-01..2024-08-31 14688',
      '2024-09-to-2024-11 2024-09-01..2024-11-30 8736',
      '2024-12 2024-12-01..2024-12-31 2880',
    ]);
    // 200 a day: a month is too big, so the newest part is the days that fit, and the days of
    // December before them close the part before: no two parts overlap.
    const big = archive(200);
    const parts = planSearchParts(big);
    expect(summary(big).slice(-2)).toEqual([
      '2024-09-to-2024-12-10 2024-09-01..2024-12-10 20200',
      '2024-12-11-to-2024-12-30 2024-12-11..2024-12-30 4000',
    ]);
    for (const [i, part] of parts.entries()) {
      expect(part.pages.length).toBeLessThanOrEqual(partLimit(big.length));
      if (i > 0) expect(part.from > parts[i - 1]!.to).toBe(true);
    }
    expect(parts.flatMap((part) => part.pages)).toHaveLength(big.length);

    // A story added where the newest part has room moves that part only; one more than it holds
    // pushes its oldest day into the part before.
    const small = archive(96);
    const plan = planSearchParts(small);
    const added = planSearchParts([...small, ...day('2024-12-30', 1, 'late')]);
    expect(added.slice(0, -1)).toEqual(plan.slice(0, -1));
    expect(added.at(-1)!.pages).toHaveLength(2881);
    expect(summary([...big, ...day('2024-12-30', 1, 'late')]).slice(-2)).toEqual([
      '2024-09-to-2024-12-11 2024-09-01..2024-12-11 20400',
      '2024-12-12-to-2024-12-30 2024-12-12..2024-12-30 3801',
    ]);
  });

  it('hold every page exactly once, in publication order', () => {
    const pages = [
      ...day('1987-10-19', 50),
      ...day('1987-03-03', 70),
      ...day('2019-11-19', 5),
    ].reverse();
    const parts = planSearchParts(pages, 40);
    const flat = parts.flatMap((part) => part.pages);
    expect(flat).toHaveLength(pages.length);
    expect(flat.map((page) => page.published)).toEqual(pages.map((page) => page.published).sort());
  });

  it("orders stories published at one instant the same way whatever the machine's locale", () => {
    // The order decides Pagefind's page numbers, so a build in another locale would give another
    // index.
    const module = JSON.stringify(
      fileURLToPath(new URL('../../../src/search/parts.ts', import.meta.url)),
    );
    const script = `
      import { planSearchParts } from ${module};
      const files = ['zurich-talks', 'aarhus-port', 'ya-vote', 'jelgava-rail'].map((slug) =>
        ({ file: '2019/11/19/' + slug + '/index.html', published: '2019-11-19T13:49:00.000Z' }));
      const [part] = planSearchParts(files);
      console.log(part.pages.map((page) => page.file.split('/')[3]).join(' '));`;
    const orders = ['en_GB.UTF-8', 'da_DK.UTF-8', 'lt_LT.UTF-8'].map((locale) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: { ...process.env, LANG: locale, LC_ALL: locale },
      }).trim(),
    );
    expect(orders).toEqual(Array(3).fill('aarhus-port jelgava-rail ya-vote zurich-talks'));
  });
});
