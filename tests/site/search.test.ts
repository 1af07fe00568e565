import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { searchStatus, useChromium } from '../support/browser.ts';
import type { SearchManifest } from '#src/search/parts.ts';

const site = inject('siteUrl');
const FIRST_STORY =
  '/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/';
const browser = useChromium();
let page: Page;

async function search(query: string): Promise<string> {
  page = await browser().newPage();
  await page.goto(`${site}/search/${query}`);
  return searchStatus(page);
}

const titles = () => page.locator('#search-results h3').allTextContents();
const filterValues = (name: string) =>
  page.locator(`fieldset[data-filter="${name}"] label`).allTextContents();

describe('search filters', () => {
  it('shows filters with counts; several values of one filter mean any of them', async () => {
    await expect(search('?topic=transport')).resolves.toBe('3 stories filed under transport.');
    await expect(filterValues('source')).resolves.toEqual([' Trend 2', ' AzerNews 1']);
    await page.getByRole('checkbox', { name: /AzerNews/ }).click();
    await page.waitForURL('**/search/?source=AzerNews&topic=transport');
    await expect(searchStatus(page)).resolves.toBe('1 story filed under AzerNews, transport.');
    // The other sources stay on offer, with the counts they would add.
    await expect(filterValues('source')).resolves.toEqual([' AzerNews 1', ' Trend 2']);
    await page.getByRole('checkbox', { name: /Trend/ }).click();
    await page.waitForURL('**/search/?source=AzerNews&source=Trend&topic=transport');
    await expect(searchStatus(page)).resolves.toMatch(/^3 stories/);
    await page.close();
  });

  it(
    'lists every filter value with the build’s counts on the empty page, the same counts ' +
      'Pagefind gives',
    async () => {
      const everyFilter = () => page.locator('fieldset[data-filter] label').allTextContents();
      await search('');
      const listed = await everyFilter();
      expect(listed).toContain(' Reuters 33');
      expect(listed.length).toBeGreaterThan(15);
      await page.close();
      // A range holding every story: these counts are Pagefind's own.
      await expect(search('?from=1987-01&to=2020-12')).resolves.toMatch(/^46 stories/);
      await expect(everyFilter()).resolves.toEqual(listed);
      await page.close();
    },
  );

  it('combines words with filters on author, place and year', async () => {
    await expect(search('?q=Caspian&author=Ilkin+Hasanov')).resolves.toBe(
      '2 stories match “Caspian” and filed under Ilkin Hasanov.',
    );
    await page.close();
    await expect(search('?place=T%C3%BCrkmenabat%2C+Turkmenistan&year=2019')).resolves.toMatch(
      /^2 stories/,
    );
    await expect(titles()).resolves.toContain('Rail link to Turkmenabat modernised');
    await page.close();
  });

  it('chooses and counts a year by its months, from an index that holds no year', async () => {
    const { filters } = (await (
      await fetch(`${site}/pagefind/parts.json`)
    ).json()) as SearchManifest;
    expect(filters.year).toBeUndefined();
    const years = new Map<string, number>();
    for (const [month, count] of Object.entries(filters.month ?? {}))
      years.set(month.slice(0, 4), (years.get(month.slice(0, 4)) ?? 0) + count);
    expect(years.size).toBeGreaterThan(1);
    const [year, count] = [...years].sort(([a], [b]) => b.localeCompare(a))[0]!;
    await search('');
    await expect(filterValues('year')).resolves.toEqual(
      [...years].sort(([a], [b]) => b.localeCompare(a)).map(([y, n]) => ` ${y} ${n}`),
    );
    await page.close();
    await expect(search(`?year=${year}`)).resolves.toMatch(new RegExp(`^${count} stor`));
    await page.close();
    // A chosen year leaves the other years on offer with the counts they would add, within a
    // range (holding every story, so that Pagefind counts).
    await search('?from=1987-01&to=2030-12');
    const unchosen = (await filterValues('year')).sort();
    expect(unchosen.length).toBeGreaterThan(1);
    await page.close();
    const chosen = unchosen[0]!.trim().split(' ')[0]!;
    await search(`?year=${chosen}&from=1987-01&to=2030-12`);
    await expect(filterValues('year').then((values) => values.sort())).resolves.toEqual(unchosen);
    await page.close();
  });

  it('chooses and counts a country by its places: the index holds no country', async () => {
    // Story pages give Pagefind their place, not their country.
    const story = await (await fetch(`${site}${FIRST_STORY}`)).text();
    expect(story).toContain('data-pagefind-filter="place[data-place]"');
    expect(story).not.toMatch(/data-pagefind-filter="[^"]*country/);
    const { filters } = (await (
      await fetch(`${site}/pagefind/parts.json`)
    ).json()) as SearchManifest;
    expect(filters.country?.Turkmenistan).toBe(6);
    const encoded = (text: string) => encodeURIComponent(text);
    // Every other country stays on offer with the count it would add, from its places' counts.
    await expect(search('?country=Turkmenistan')).resolves.toMatch(/^6 stories/);
    const offered = await filterValues('country');
    expect(offered).toContain(' Turkmenistan 6');
    expect(offered).toContain(` United Kingdom ${filters.country?.['United Kingdom']}`);
    await page.close();
    // A place and a country: the place, if it is in the country; nothing if it is not.
    const ashgabat = encoded('Ashgabat, Turkmenistan');
    await expect(search(`?country=Turkmenistan&place=${ashgabat}`)).resolves.toMatch(/^4 stories/);
    await expect(filterValues('country')).resolves.toEqual([' Turkmenistan 4']);
    await page.close();
    const baku = Object.keys(filters.place ?? {}).find((place) => place.endsWith(', Azerbaijan'))!;
    await expect(search(`?country=Turkmenistan&place=${encoded(baku)}`)).resolves.toMatch(
      /^No stories/,
    );
    await page.close();
    // Two countries are any of their places.
    await expect(search('?country=Turkmenistan&country=Azerbaijan')).resolves.toMatch(
      new RegExp(`^${6 + (filters.country?.Azerbaijan ?? 0)} stories`),
    );
    await page.close();
  });
});

describe('search order and dates', () => {
  it('orders by date, newest or oldest first', async () => {
    await search('?topic=transport&sort=date');
    await expect(titles()).resolves.toEqual([
      'Caspian shipping figures published',
      'Rail link to Turkmenabat modernised',
      'Baku hosts Caspian transport forum',
    ]);
    await page.locator('#search-sort').selectOption('oldest');
    await page.waitForURL('**/search/?topic=transport&sort=oldest');
    await searchStatus(page);
    await expect(titles()).resolves.toEqual([
      'Baku hosts Caspian transport forum',
      'Rail link to Turkmenabat modernised',
      'Caspian shipping figures published',
    ]);
    await page.close();
  });

  it('is exact to the minute within one day and across offsets', async () => {
    await expect(search('?q=bulletin&sort=date')).resolves.toBe(
      '30 stories match “bulletin”, newest first.',
    );
    await page.locator('#search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 20);
    await page.locator('#search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 30);
    await expect(titles()).resolves.toEqual(
      Array.from({ length: 30 }, (_, i) => `Busy day bulletin ${30 - i}`),
    );
    await page.close();
    // 00:05 at UTC+05:00 on 1 January is 19:05 UTC on 31 December, before 23:30 UTC.
    await search('?q=&source=Trend&source=AzerNews&from=2019-12&to=2020-01&sort=date');
    await expect(titles()).resolves.toEqual([
      'Caspian shipping figures published',
      'Ashgabat welcomes 2020 with fireworks',
      'قمة الطاقة تبدأ أعمالها في الدوحة',
    ]);
    await page.close();
  });

  it(
    'keeps the archive’s own date order across every part of the index, one batch after ' +
      'another',
    async () => {
      const listed: string[] = [];
      for (const path of ['/', '/page/2/']) {
        const html = await (await fetch(`${site}${path}`)).text();
        const list = html.slice(
          html.indexOf('<ol class="story-list"'),
          html.indexOf('</ol>', html.indexOf('<ol class="story-list"')),
        );
        listed.push(
          ...[...list.matchAll(/<h2\b[^>]*>\s*<a\b[^>]*\bhref="([^"]+)"/g)].map(
            (match) => match[1]!,
          ),
        );
      }
      expect(listed).toHaveLength(46);
      const found = async () => {
        while (await page.locator('#search-more').isVisible()) {
          const before = await page.locator('#search-results li').count();
          await page.locator('#search-more').click();
          await page.waitForFunction(
            (n) => document.querySelectorAll('#search-results li').length > n,
            before,
          );
        }
        return page
          .locator('#search-results h3 a')
          .evaluateAll((links) =>
            links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
          );
      };
      await expect(search('?from=1987-01&to=2020-12&sort=date')).resolves.toBe(
        '46 stories from 1987-01 to 2020-12, newest first.',
      );
      await expect(found()).resolves.toEqual(listed);
      await page.close();
      await search('?from=1987-01&to=2020-12&sort=oldest');
      await expect(found()).resolves.toEqual([...listed].reverse());
      await page.close();
    },
  );

  it('narrows to a range of months', async () => {
    await expect(search('?source=Trend&from=2019-12&to=2020-01')).resolves.toMatch(
      /^2 stories filed under Trend and from 2019-12 to 2020-01/,
    );
    await page.locator('#search-from').fill('2019-11');
    await page.waitForURL('**/search/?source=Trend&from=2019-11&to=2020-01');
    await expect(searchStatus(page)).resolves.toMatch(/^9 stories/);
    await page.close();
  });
});

describe('search state in the URL', () => {
  it('restores query, filters and order from a shared link', async () => {
    await expect(search('?q=Caspian&source=AzerNews&sort=date')).resolves.toBe(
      '1 story matches “Caspian” and filed under AzerNews, newest first.',
    );
    await expect(page.locator('#search-query').inputValue()).resolves.toBe('Caspian');
    await expect(page.getByRole('checkbox', { name: /AzerNews/ }).isChecked()).resolves.toBe(true);
    await expect(page.locator('#search-sort').inputValue()).resolves.toBe('date');
    await page.close();
  });

  it('steps through searches with the back and forward buttons', async () => {
    await search('');
    await page.locator('#search-query').fill('cotton');
    await page.locator('#search-query').press('Enter');
    await page.waitForURL('**/search/?q=cotton');
    await expect(searchStatus(page)).resolves.toBe('1 story matches “cotton”.');
    await page.locator('#search-query').fill('Caspian');
    await page.locator('#search-query').press('Enter');
    await page.waitForURL('**/search/?q=Caspian');
    await expect(searchStatus(page)).resolves.toMatch(/^2 stories match “Caspian”/);
    await page.getByRole('checkbox', { name: /AzerNews/ }).click();
    await page.waitForURL('**/search/?q=Caspian&source=AzerNews');
    await expect(searchStatus(page)).resolves.toMatch(/^1 story/);
    await page.goBack();
    await page.waitForURL('**/search/?q=Caspian');
    await expect(searchStatus(page)).resolves.toMatch(/^2 stories match “Caspian”/);
    await expect(page.getByRole('checkbox', { name: /AzerNews/ }).isChecked()).resolves.toBe(false);
    await page.goBack();
    await page.waitForURL('**/search/?q=cotton');
    await expect(searchStatus(page)).resolves.toBe('1 story matches “cotton”.');
    await expect(page.locator('#search-query').inputValue()).resolves.toBe('cotton');
    await page.goForward();
    await page.waitForURL('**/search/?q=Caspian');
    await expect(searchStatus(page)).resolves.toMatch(/^2 stories/);
    await page.close();
  });
});

describe('search caching', () => {
  it(
    'asks for the index with this build’s tags, so a returning reader re-downloads nothing ' +
      'unchanged',
    async () => {
      page = await browser().newPage();
      const entries: string[] = [];
      page.on('request', (request) => {
        if (/parts\.json|pagefind-entry\.json/.test(request.url()))
          entries.push(request.url().slice(site.length));
      });
      await page.goto(`${site}/search/?q=cotton`);
      await searchStatus(page);
      const tag = await page.locator('#search-app').getAttribute('data-index-tag');
      expect(tag).toMatch(/^[0-9a-f]{16}$/);
      const { parts, root, headlines } = (await (
        await fetch(`${site}/pagefind/parts.json`)
      ).json()) as SearchManifest;
      // Every piece of the index, each with its own tag: the root every search starts from,
      // the headline shard, and each part.
      const expected = [
        `/pagefind/parts.json?v=${tag}`,
        `${root.path}pagefind-entry.json?ts=${root.tag}`,
        ...headlines.shards.map((shard) => `${shard.path}pagefind-entry.json?ts=${shard.tag}`),
        ...parts.map((part) => `${part.path}pagefind-entry.json?ts=${part.tag}`),
      ];
      expect([...new Set(entries)].sort()).toEqual(expected.sort());
      await page.goto(`${site}/search/?q=harvest`);
      await searchStatus(page);
      expect(new Set(entries)).toEqual(new Set(expected));
      await page.close();
    },
  );
});

describe('search index in parts', () => {
  it('is split by the UTC date of publication, newest part first', async () => {
    // The test build allows five stories a part (tests/support/global-site.ts).
    const { parts } = (await (await fetch(`${site}/pagefind/parts.json`)).json()) as SearchManifest;
    expect(parts.map((part) => [part.id, part.path, part.stories])).toEqual([
      ['2019-12', '/pagefind/2019-12/', 3],
      ['2019-11-21-to-2019-11-23', '/pagefind/2019-11-21-to-2019-11-23/', 3],
      ['2019-11-19', '/pagefind/2019-11-19/', 6],
      ['2019-10', '/pagefind/2019-10/', 3],
      ['1987-03-03', '/pagefind/1987-03-03/', 31],
    ]);
    // The New Year story was filed on 1 January 2020 in Ashgabat, but published on
    // 31 December 2019 in UTC: it is in the December part, with the month it was filed in.
    expect(parts[0]!.months).toEqual(['2019-12', '2020-01']);
  });
});

describe('search results', () => {
  it(
    'show headline, date in the story’s offset, dateline, source and a marked excerpt, a ' +
      'period at a time',
    async () => {
      await expect(search('?q=migration')).resolves.toBe('1 story matches “migration”.');
      const first = page.locator('#search-results li').first();
      await expect(first.locator('h3').textContent()).resolves.toBe(
        'Turkmenistan developing co-op with Int’l Organization for Migration',
      );
      await expect(first.locator('.meta').textContent()).resolves.toBe(
        'ASHGABAT, Turkmenistan · 19 November 2019 17:49 (UTC+04:00) · Trend',
      );
      await expect(first.locator('mark').first().textContent()).resolves.toMatch(/^migration\W?$/i);
      await page.close();
      // In best-match order each period is a section: its five best, then ten a press of More.
      await expect(search('?q=bulletin')).resolves.toMatch(/^30 stories/);
      await expect(page.locator('#search-results li').count()).resolves.toBe(5);
      // A double click loads one more batch, not two copies of it.
      await page.getByRole('button', { name: 'More from 3 March 1987' }).dblclick();
      await page.waitForFunction(
        () => document.querySelectorAll('#search-results li').length === 15,
      );
      await page.waitForTimeout(300);
      await expect(page.locator('#search-results li').count()).resolves.toBe(15);
      await page.close();
    },
  );

  it(
    'open the story with the searched words highlighted; a story not reached from search loads ' +
      'no search code',
    async () => {
      page = await browser().newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.goto(site + FIRST_STORY);
      await page.waitForLoadState('networkidle');
      expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
      await page.goto(`${site}/search/?q=trafficking`);
      await searchStatus(page);
      await page.locator('#search-results a').first().click();
      await page.waitForURL(`**${FIRST_STORY}?highlight=trafficking`);
      await page.waitForSelector('.story-body mark');
      await expect(page.locator('.story-body mark').allTextContents()).resolves.toEqual([
        'trafficking',
        'trafficking',
        'trafficking',
      ]);
      await page.close();
    },
  );
});

describe('search for keyboards and screen readers', () => {
  it('focuses the search box with / from any page, and announces results', async () => {
    page = await browser().newPage();
    await page.goto(site + FIRST_STORY);
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
    await page.keyboard.type('cotton');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=cotton');
    await expect(searchStatus(page)).resolves.toBe('1 story matches “cotton”.');
    await expect(page.locator('#search-status').getAttribute('aria-live')).resolves.toBe('polite');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-query');
    // Tab from the box reaches the results without a mouse.
    await page.keyboard.type(' harvest');
    await page.keyboard.press('Enter');
    await searchStatus(page);
    await page.locator('#search-results a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/2019/11/19/turkmenabat-cotton-harvest-completed/?highlight=*');
    await page.close();
  });

  it('says that search needs JavaScript when it is off, and offers the browse pages', async () => {
    page = await browser().newPage({ javaScriptEnabled: false });
    await page.goto(`${site}/search/?q=cotton`);
    const notice = page.locator('.notice');
    await expect(notice.textContent()).resolves.toMatch(/needs JavaScript/);
    await expect(notice.locator('a').count()).resolves.toBe(6);
    await page.close();
  });
});

describe('search in each story’s language', () => {
  it('finds a Russian story by an inflected form of a word it does not contain', async () => {
    // The story says «поставках» (supplies, locative); «поставки» shares only its Russian stem.
    const html = await (await fetch(`${site}/2019/11/22/moscow-gas-talks/`)).text();
    expect(html).toContain('поставках');
    expect(html).not.toContain('поставки');
    await expect(search('?q=поставки')).resolves.toBe('1 story matches “поставки”.');
    await expect(titles()).resolves.toEqual(['Переговоры по газу продолжатся в Москве']);
    await page.close();
  });
});
