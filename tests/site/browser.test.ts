import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { searchStatus, useChromium } from '../support/browser.ts';
import { projectRoot } from '../support/build.ts';

const FIRST_STORY =
  '/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/';
const HEADLINE = 'Turkmenistan developing co-op with Int’l Organization for Migration';

const browser = useChromium();
let page: Page;
const site = inject('siteUrl');

async function open(path: string): Promise<Page> {
  page = await browser().newPage();
  const response = await page.goto(site + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('reading the archive', () => {
  it('leads from home to the first story, which shows all the wire copy has', async () => {
    await open('/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Latest stories');
    await page.getByRole('link', { name: HEADLINE }).click();
    await page.waitForURL(`**${FIRST_STORY}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(HEADLINE);
    await expect(page.locator('.story-dateline').textContent()).resolves.toBe(
      'ASHGABAT, Turkmenistan',
    );
    await expect(page.locator('.story-byline').textContent()).resolves.toMatch(
      /^By Huseyn Hasanov, Trend$/,
    );
    const time = page.locator('.story-time time');
    await expect(time.textContent()).resolves.toBe('19 November 2019 17:49 (UTC+04:00)');
    await expect(time.getAttribute('datetime')).resolves.toBe('2019-11-19T17:49:00+04:00');
    // Every paragraph verbatim, straight quotes and all: nothing "smartened".
    const source = await readFile(
      join(projectRoot, 'content', FIRST_STORY.slice(1, 9), `${FIRST_STORY.split('/')[4]}.md`),
      'utf8',
    );
    const sourceParagraphs = source.split(/^---$/m)[2]!.trim().split(/\n\n+/);
    expect(sourceParagraphs).toHaveLength(9);
    await expect(page.locator('.story-body p').allTextContents()).resolves.toEqual(
      sourceParagraphs,
    );
    expect(sourceParagraphs[5]).toContain(
      '"Global Compact for Safe, Orderly and Regular Migration"',
    );
    await page.close();
  });

  it('shows a date alone without a time, and heading anchors in the body', async () => {
    await open('/2019/11/23/ashgabat-exhibition-turkmen/');
    await expect(page.locator('.story-time time').textContent()).resolves.toBe('23 November 2019');
    await page.close();
    await open('/2019/11/19/baku-hosts-caspian-transport-forum/');
    await expect(page.locator('.story-body h2').first().getAttribute('id')).resolves.toBe(
      'port-capacity',
    );
    await expect(page.locator('.story-byline').textContent()).resolves.toMatch(
      /^By Leman Zeynalova and Ilkin Hasanov, Trend$/,
    );
    await page.close();
  });

  it('links each story to the stories before and after it in time', async () => {
    await open(FIRST_STORY);
    // 01:30 on the 20th in UTC+05:00 is 20:30 UTC on the 19th: after 13:49 UTC, before Washington's
    // 21:30 UTC.
    await expect(page.locator('a[rel="next"]').textContent()).resolves.toContain(
      'Late-night session approves budget in Ashgabat',
    );
    await expect(page.locator('a[rel="prev"]').textContent()).resolves.toContain(
      'Türkmenabat farmers complete cotton harvest',
    );
    await page.locator('a[rel="next"]').click();
    await page.waitForURL('**/2019/11/20/late-night-vote-in-ashgabat/');
    await expect(page.locator('a[rel="next"]').textContent()).resolves.toContain(
      'Trade talks resume in Washington',
    );
    await page.close();
  });

  it('lists a day’s stories in time order, counted, linked to the month and year', async () => {
    await open('/2019/11/19/');
    await expect(page.locator('.page-head p').textContent()).resolves.toBe(
      '5 stories, in time order.',
    );
    const titles = await page.locator('.story-list h2').allTextContents();
    expect(titles).toEqual([
      'Tokyo markets close higher',
      'Baku hosts Caspian transport forum',
      'Türkmenabat farmers complete cotton harvest',
      HEADLINE,
      'Trade talks resume in Washington',
    ]);
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'November' })
      .click();
    await page.waitForURL('**/2019/11/');
    await expect(page.locator('h1').textContent()).resolves.toBe('November 2019');
    await expect(page.locator('a[rel="next"]').textContent()).resolves.toBe('December 2019 →');
    await page.getByRole('link', { name: '2019' }).first().click();
    await page.waitForURL('**/2019/');
    await expect(
      page.locator('.period-list').getByRole('link', { name: 'November 9 stories' }).count(),
    ).resolves.toBe(1);
    await page.close();
  });

  it('paginates the home page, newest first', async () => {
    await open('/');
    await expect(page.locator('.page-head p').textContent()).resolves.toBe(
      '46 stories in the archive, newest first.',
    );
    await expect(page.locator('.story-list > li').count()).resolves.toBe(25);
    await expect(page.locator('.story-list h2').first().textContent()).resolves.toBe(
      'Caspian shipping figures published',
    );
    await page.locator('.pagination a[rel="next"]').click();
    await page.waitForURL('**/page/2/');
    await expect(page.locator('.story-list > li').count()).resolves.toBe(21);
    await expect(page.locator('.story-list h2').last().textContent()).resolves.toBe(
      'COCOA REVIEW <WEEKLY> & OUTLOOK',
    );
    await page.close();
  });

  it('paginates a busy day', async () => {
    await open('/1987/03/03/');
    await expect(page.locator('.page-head p').textContent()).resolves.toBe(
      '31 stories, in time order.',
    );
    await expect(page.locator('.story-list > li').count()).resolves.toBe(25);
    await page.goto(`${site}/1987/03/03/page/2/`);
    await expect(page.locator('.story-list > li').count()).resolves.toBe(6);
    await expect(page.locator('.pagination [aria-current="page"]').textContent()).resolves.toBe(
      '2',
    );
    await page.close();
  });

  it('serves a 404 page that offers search', async () => {
    page = await browser().newPage();
    const response = await page.goto(`${site}/no/such/page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('This page is not in the archive');
    await page.locator('main input[name="q"]').fill('trafficking');
    await page.locator('main input[name="q"]').press('Enter');
    await page.waitForURL('**/search/?q=trafficking');
    await page.close();
  });
});

describe('searching the archive', () => {
  it('finds the first story by a word of its body and leads to it', async () => {
    await open('/search/');
    await searchStatus(page);
    await page.locator('#search-query').fill('trafficking');
    await page.locator('#search-query').press('Enter');
    await page.waitForURL('**/search/?q=trafficking');
    await searchStatus(page);
    const result = page.locator('#search-results li').first();
    await expect(result.locator('h3').textContent()).resolves.toBe(HEADLINE);
    await expect(result.locator('mark').first().textContent()).resolves.toBe('trafficking');
    await expect(searchStatus(page)).resolves.toBe('1 story matches “trafficking”.');
    await result.locator('a').click();
    await page.waitForURL(`**${FIRST_STORY}?highlight=trafficking`);
    await expect(page.locator('h1').textContent()).resolves.toBe(HEADLINE);
    await page.close();
  });

  it('does not index navigation, bylines or footers', async () => {
    await open('/search/?q=Hasanov');
    await expect(searchStatus(page)).resolves.toBe('No stories match “Hasanov”.');
    await page.close();
    await open('/search/?q=Caspian');
    await expect(searchStatus(page)).resolves.toMatch(/^2 stories match/);
    await page.close();
  });

  it('works from the search box in the header of any page', async () => {
    await open(FIRST_STORY);
    await page.locator('header input[name="q"]').fill('cotton');
    await page.locator('header input[name="q"]').press('Enter');
    await page.waitForURL('**/search/?q=cotton');
    await searchStatus(page);
    await expect(page.locator('#search-results h3').first().textContent()).resolves.toBe(
      'Türkmenabat farmers complete cotton harvest',
    );
    await page.close();
  });
});

describe('browsing by source, author, place, topic and date', () => {
  it('goes from a story to its place, author, source and topic pages and back', async () => {
    await open('/2019/11/19/late-night-vote-in-ashgabat/'.replace('/19/', '/20/'));
    await page.locator('.story-dateline a').click();
    await page.waitForURL('**/places/ashgabat-turkmenistan/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Ashgabat, Turkmenistan');
    await expect(page.locator('.page-head p').last().textContent()).resolves.toBe(
      '4 stories, newest first. In Turkmenistan.',
    );
    await page.getByRole('link', { name: HEADLINE }).click();
    await page.waitForURL(`**${FIRST_STORY}`);
    await page.locator('.story-byline a', { hasText: 'Huseyn Hasanov' }).click();
    await page.waitForURL('**/authors/huseyn-hasanov/');
    await expect(page.locator('.story-list h2').allTextContents()).resolves.toEqual([
      'Late-night session approves budget in Ashgabat',
      HEADLINE,
    ]);
    await page.goBack();
    await page.waitForURL(`**${FIRST_STORY}`);
    await page.locator('.story-byline a', { hasText: 'Trend' }).click();
    await page.waitForURL('**/sources/trend/');
    await expect(page.locator('.page-head p').last().textContent()).resolves.toBe(
      '9 stories, newest first.',
    );
    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: 'Sources' })
      .click();
    await page.waitForURL('**/sources/');
    await expect(page.locator('.term-list li').allTextContents()).resolves.toEqual([
      'AzerNews 4',
      'Reuters 33',
      'Trend 9',
    ]);
    await page.close();
  });

  it('lists a story with two authors under both, and groups places by country', async () => {
    await open('/authors/leman-zeynalova/');
    await expect(page.locator('.story-list h2').allTextContents()).resolves.toEqual([
      'Baku hosts Caspian transport forum',
    ]);
    await page.goto(`${site}/places/`);
    const turkmenistan = page.locator('section', {
      has: page.locator('h2', { hasText: 'Turkmenistan' }),
    });
    // AŞGABAT and ASHGABAT are one place in the gazetteer, as TÜRKMENABAT and Turkmenabat are.
    await expect(turkmenistan.locator('li a').allTextContents()).resolves.toEqual([
      'Ashgabat',
      'Türkmenabat',
    ]);
    await turkmenistan.getByRole('link', { name: 'Türkmenabat' }).click();
    await page.waitForURL('**/places/turkmenabat-turkmenistan/');
    // TÜRKMENABAT and Turkmenabat in the datelines are one place.
    await expect(page.locator('.story-list h2').count()).resolves.toBe(2);
    await page.close();
  });

  it('shows related stories chosen at build time, without client JavaScript', async () => {
    page = await browser().newPage({ javaScriptEnabled: false });
    await page.goto(`${site}/2019/11/19/baku-hosts-caspian-transport-forum/`);
    const related = await page.locator('.related h3').allTextContents();
    expect(related).toHaveLength(5);
    expect(related[0]).toBe('Caspian shipping figures published');
    await page.locator('.tags a', { hasText: 'caspian' }).click();
    await page.waitForURL('**/topics/caspian/');
    await expect(page.locator('.page-head p').last().textContent()).resolves.toBe(
      '2 stories, newest first.',
    );
    await page.close();
  });

  it('uses the year calendar to reach a day', async () => {
    await open('/2019/');
    const calendar = page.locator('.calendar');
    await expect(calendar.locator('table').count()).resolves.toBe(12);
    const busiest = calendar.getByRole('link', { name: '19 November 2019: 5 stories' });
    await expect(busiest.evaluate((a) => a.parentElement!.className)).resolves.toBe('level-4');
    await expect(
      calendar.locator('td.level-0', { hasText: /^25$/ }).first().locator('a').count(),
    ).resolves.toBe(0);
    await busiest.click();
    await page.waitForURL('**/2019/11/19/');
    await expect(page.locator('h1').textContent()).resolves.toBe('19 November 2019');
    await expect(
      page.getByRole('navigation', { name: 'Breadcrumb' }).locator('li').allTextContents(),
    ).resolves.toEqual(['Home', '2019', 'November', '19']);
    await page.close();
  });

  it('lists a calendar day in every year On this day, linked from home', async () => {
    await open('/on-this-day/11-19/');
    await expect(page.locator('.day-heading').allTextContents()).resolves.toEqual(['2019']);
    await page.close();
    // The home page's script points the link at today's page when the archive has stories for
    // today.
    page = await browser().newPage();
    await page.clock.setFixedTime(new Date(2030, 10, 19, 12, 0));
    await page.goto(`${site}/`);
    await expect(page.locator('#on-this-day').getAttribute('href')).resolves.toBe(
      '/on-this-day/11-19/',
    );
    await page.close();
    page = await browser().newPage({ javaScriptEnabled: false });
    await page.goto(`${site}/`);
    await expect(page.locator('#on-this-day').getAttribute('href')).resolves.toBe('/on-this-day/');
    await page.close();
  });
});
