import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { searchStatus, useChromium } from '../support/browser.ts';

const site = inject('siteUrl');
const out = inject('outDir');
const browser = useChromium();

/** Every dot of a map: its link, and the accessible name a screen reader announces. */
async function dots(page: Page): Promise<{ href: string; name: string }[]> {
  return page.locator('svg.coverage-map .map-dots a').evaluateAll((links) =>
    links.map((link) => ({
      href: link.getAttribute('href') ?? '',
      name: link.querySelector('title')?.textContent ?? '',
    })),
  );
}

describe('the map of where stories were filed', () => {
  it('has a dot per place, each a link named for its place and its stories', async () => {
    const page = await browser().newPage();
    await page.goto(`${site}/places/`);
    const map = page.locator('svg.coverage-map');
    await expect(map.getAttribute('aria-label')).resolves.toBe(
      'Map of where the archive’s stories were filed',
    );
    const found = await dots(page);
    // London, Ashgabat, Türkmenabat, Baku, Salvador, Tokyo, Washington, Moscow, Doha, and the
    // photo stories' Istanbul, Aktau and Riyadh.
    expect(found).toHaveLength(12);
    for (const dot of found) expect(dot.name).toMatch(/^.+, .+: \d+ stor(y|ies)$/);
    // The name is what assistive technology reads: the link is found by it.
    const london = page.getByRole('link', { name: 'London, United Kingdom: 30 stories' });
    await expect(london.count()).resolves.toBe(1);
    // Every dot leads to a place the list below links too.
    const listed = await page
      .locator('.term-list a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const dot of found) expect(listed).toContain(dot.href);
    await london.click();
    await page.waitForURL('**/places/london-united-kingdom/');
    await expect(page.locator('h1').textContent()).resolves.toBe('London, United Kingdom');
    await page.close();
  });

  it('draws with the theme’s colours, light and dark, and shows keyboard focus', async () => {
    const colours: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser().newPage({ colorScheme: scheme });
      await page.goto(`${site}/places/`);
      colours[scheme] = await page.evaluate(() => {
        const fill = (selector: string) => getComputedStyle(document.querySelector(selector)!).fill;
        return [
          getComputedStyle(document.querySelector('svg.coverage-map')!).backgroundColor,
          fill('.map-land'),
          fill('.map-dots circle'),
        ];
      });
      await page.locator('.map-dots a').first().focus();
      const outline = await page
        .locator('.map-dots a')
        .first()
        .evaluate((link) => getComputedStyle(link).outlineStyle);
      expect(outline, scheme).toBe('solid');
      await page.close();
    }
    expect(colours.light).toEqual(['rgb(243, 241, 235)', 'rgb(221, 215, 202)', 'rgb(163, 22, 26)']);
    expect(colours.dark).toEqual(['rgb(28, 29, 33)', 'rgb(46, 48, 54)', 'rgb(255, 138, 128)']);
  });

  it('fits a 390-pixel screen, its table a tap away', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site}/places/`);
    const box = await page.locator('svg.coverage-map').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(box!.width).toBeGreaterThan(340);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(390);
    const table = page.locator('.map-data table');
    await expect(table.isVisible()).resolves.toBe(false);
    await page.getByText('The map as a table').click();
    await expect(table.isVisible()).resolves.toBe(true);
    await expect(table.locator('tbody tr').count()).resolves.toBe(12);
    await expect(table.locator('tbody tr').first().textContent()).resolves.toBe('BakuAzerbaijan2');
    await page.close();
  });

  it('prints with its table open', async () => {
    const page = await browser().newPage();
    await page.goto(`${site}/places/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.map-data table').isVisible()).resolves.toBe(true);
    await expect(page.locator('svg.coverage-map').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('weighs at most 60 KB compressed on the page', async () => {
    const html = await readFile(join(out, 'places/index.html'), 'utf8');
    const svg = /<svg class="coverage-map"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(gzipSync(svg).length).toBeLessThan(60 * 1024);
    // Drawn once and inline: nothing is fetched for it, from this origin or another.
    expect(svg).not.toMatch(/style=|<script|<image|\son\w+=/);
  });
});

describe('places by country', () => {
  it('groups /places/ by real country, with counts, each heading its country’s page', async () => {
    const page = await browser().newPage();
    await page.goto(`${site}/places/`);
    await expect(page.locator('.page-head p').textContent()).resolves.toMatch(
      /^12 places in 11 countries, read from the datelines\. All 46 stories are filed under one\.$/,
    );
    await expect(page.locator('h2.day-heading').allTextContents()).resolves.toEqual([
      'Azerbaijan 2 stories',
      'Brazil 1 story',
      'Japan 1 story',
      'Kazakhstan 1 story',
      'Qatar 1 story',
      'Russia 1 story',
      'Saudi Arabia 1 story',
      'Türkiye 1 story',
      'Turkmenistan 6 stories',
      'United Kingdom 30 stories',
      'United States 1 story',
    ]);
    await page.getByRole('link', { name: 'Turkmenistan', exact: true }).first().click();
    await page.waitForURL('**/places/countries/tm/');
    await page.close();
  });

  it('gives each country a page: its map, its places and its stories by search', async () => {
    const page = await browser().newPage();
    await page.goto(`${site}/places/countries/tm/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Turkmenistan');
    await expect(
      page.getByRole('navigation', { name: 'Breadcrumb' }).locator('li').allTextContents(),
    ).resolves.toEqual(['Home', 'Places', 'Turkmenistan']);
    await expect(page.locator('.country-places tbody tr').allTextContents()).resolves.toEqual([
      'AshgabatAshgabat4',
      'TürkmenabatLebap2',
    ]);
    const found = await dots(page);
    expect(found.map((dot) => dot.name).sort()).toEqual([
      'Ashgabat, Turkmenistan: 4 stories',
      'Türkmenabat, Turkmenistan: 2 stories',
    ]);
    await expect(page.locator('svg.coverage-map').getAttribute('aria-label')).resolves.toBe(
      'Map of where stories from Turkmenistan were filed',
    );
    await page.getByRole('link', { name: 'Search the stories filed there' }).click();
    await page.waitForURL('**/search/?country=Turkmenistan');
    await expect(searchStatus(page)).resolves.toMatch(/^6 stories/);
    await page.close();
  });

  it('offers a country filter beside the place filter in search', async () => {
    const page = await browser().newPage();
    await page.goto(`${site}/search/`);
    await searchStatus(page);
    const order = await page
      .locator('fieldset[data-filter]')
      .evaluateAll((sets) => sets.map((set) => set.getAttribute('data-filter')));
    expect(order.indexOf('country')).toBe(order.indexOf('place') + 1);
    const countries = page.locator('fieldset[data-filter="country"]');
    await expect(countries.locator('legend').textContent()).resolves.toMatch(/^Country/);
    await expect(countries.locator('label').allTextContents()).resolves.toEqual([
      ' United Kingdom 30',
      ' Turkmenistan 6',
      ' Azerbaijan 2',
      ' Brazil 1',
      ' Japan 1',
      ' Kazakhstan 1',
      ' Qatar 1',
      ' Russia 1',
      ' Saudi Arabia 1',
      ' Türkiye 1',
      ' United States 1',
    ]);
    await countries.getByRole('checkbox', { name: /Turkmenistan/ }).click();
    await page.waitForURL('**/search/?country=Turkmenistan');
    await expect(searchStatus(page)).resolves.toMatch(/^6 stories/);
    // The places on offer are now those in the country, with their counts.
    await expect(
      page.locator('fieldset[data-filter="place"] label').allTextContents(),
    ).resolves.toEqual([' Ashgabat, Turkmenistan 4', ' Türkmenabat, Turkmenistan 2']);
    await page.close();
  });

  it('shows on each place’s page where it is, and files a place by its country', async () => {
    const page = await browser().newPage({ viewport: { width: 390, height: 844 } });
    const land = page.waitForResponse((r) => r.url().endsWith('/places/maps/us.svg'));
    await page.goto(`${site}/places/washington-d-c-united-states/`);
    const locator = page.locator('figure.locator');
    await expect(locator.locator('figcaption').textContent()).resolves.toMatch(
      /^Washington is in District of Columbia, United States, at 38\.\d\d° N, 77\.\d\d° W\. /,
    );
    await expect(locator.locator('svg').getAttribute('role')).resolves.toBe('img');
    await expect(locator.locator('svg').getAttribute('aria-label')).resolves.toBe(
      'Map: where Washington is in United States',
    );
    await expect(locator.locator('.map-here circle').count()).resolves.toBe(2);
    // The mark is on the land: inside the map's box, a little east of its middle.
    const mapBox = (await locator.locator('svg').boundingBox())!;
    const mark = (await locator.locator('.map-here circle').last().boundingBox())!;
    expect(mark.x - mapBox.x).toBeGreaterThan(mapBox.width / 2);
    expect(mark.x + mark.width).toBeLessThan(mapBox.x + mapBox.width);
    expect(mark.y).toBeGreaterThan(mapBox.y);
    // The country's land is one shared file, loaded from this origin and drawn.
    const href = (await locator.locator('svg image').getAttribute('href'))!;
    expect(href).toBe('/places/maps/us.svg');
    await expect(land.then((r) => r.status())).resolves.toBe(200);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(390);
    // The dateline named no country: the gazetteer gave it.
    await page.goto(`${site}/2019/11/19/washington-trade-talks/`);
    await expect(page.locator('.story-dateline').textContent()).resolves.toBe('WASHINGTON, Nov 19');
    await expect(page.locator('.story-dateline').getAttribute('data-country')).resolves.toBe(
      'United States',
    );
    await page.close();
  });

  it('serves each locator’s land once, in a file its country’s place pages share', async () => {
    const response = await fetch(`${site}/places/maps/us.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const file = await response.text();
    expect(file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    await expect(fetch(`${site}/places/maps/world.svg`).then((r) => r.status)).resolves.toBe(200);
    // What a reader pays for a place page's map: the mark inline, the land fetched once.
    const html = await readFile(
      join(out, 'places/washington-d-c-united-states/index.html'),
      'utf8',
    );
    const svg = /<figure class="map-figure locator">[\s\S]*?<\/svg>/.exec(html)![0];
    expect(gzipSync(svg).length).toBeLessThan(1024);
    expect(gzipSync(svg).length + gzipSync(file).length).toBeLessThan(60 * 1024);
    // Shared, so no place page holds a copy of the land.
    expect(svg).not.toContain('<path');
  });
});
