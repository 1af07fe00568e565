import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from '../support/browser.ts';
import { PHOTO_STORY, RTL_PHOTO_STORY } from '../support/photo-stories.ts';

const site = inject('siteUrl');
const out = inject('outDir');
const axeSource = await readFile(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const FIRST_STORY =
  '/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/';
const ARABIC_STORY = '/2019/12/02/arabic-energy-summit/';

/** One page of every type the archive has. */
const PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['home, page 2', '/page/2/'],
  ['article', FIRST_STORY],
  ['article in Arabic', ARABIC_STORY],
  ['article in Russian', '/2019/11/22/moscow-gas-talks/'],
  ['article with corrections', '/2019/11/19/washington-trade-talks/'],
  ['article with photos', PHOTO_STORY],
  ['article in Arabic with photos', RTL_PHOTO_STORY],
  ['year and calendar', '/2019/'],
  ['month', '/2019/11/'],
  ['month, with thumbnails', '/2019/10/'],
  ['day', '/2019/11/19/'],
  ['sources', '/sources/'],
  ['a source', '/sources/trend/'],
  ['authors', '/authors/'],
  ['an author', '/authors/huseyn-hasanov/'],
  ['places', '/places/'],
  ['a place', '/places/ashgabat-turkmenistan/'],
  ['a place in a federation', '/places/washington-d-c-united-states/'],
  ['a country', '/places/countries/tm/'],
  ['a country with a region column', '/places/countries/us/'],
  ['topics', '/topics/'],
  ['a topic', '/topics/transport/'],
  ['on this day', '/on-this-day/'],
  ['on a day', '/on-this-day/11-19/'],
  ['corrections', '/corrections/'],
  ['search with results', '/search/?q=Caspian&sort=date'],
  ['not found', '/404.html'],
];

const browser = useChromium();

async function axe(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the site's policy rightly refuses inline scripts it does
  // not know.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', ` +
      `'best-practice'] }).then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => ` +
      `n.target.join(' ')).slice(0, 3).join(' | ')))`,
  )) as string[];
  return violations;
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`finds no violation on any page type, ${scheme} theme`, { timeout: 180_000 }, async () => {
      const found: string[] = [];
      const page = await browser().newPage({ colorScheme: scheme });
      for (const [name, path] of PAGE_TYPES) {
        await page.goto(site + path);
        if (path.startsWith('/search/')) await page.waitForSelector('#search-results li');
        found.push(...(await axe(page)).map((v) => `${name} (${path}): ${v}`));
      }
      await page.close();
      expect(found).toEqual([]);
    });
  }
});

describe('valid HTML (html-validate, recommended rules)', () => {
  it('every page type passes', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'no-trailing-whitespace': 'off' },
    });
    const errors: string[] = [];
    for (const [, path] of PAGE_TYPES) {
      const file = join(
        out,
        path.split('?')[0]!.endsWith('/') ? `${path.split('?')[0]}index.html` : path,
      );
      const report = await validator.validateString(await readFile(file, 'utf8'), file);
      for (const result of report.results)
        for (const message of result.messages)
          errors.push(`${path}:${message.line}: ${message.ruleId}: ${message.message}`);
    }
    expect(errors).toEqual([]);
  });
});

describe('weight and stability', () => {
  it('an article is at most 20 KB of HTML and CSS compressed, and loads no script', async () => {
    const html = await readFile(join(out, FIRST_STORY, 'index.html'), 'utf8');
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    const css = await Promise.all(styles.map((href) => readFile(join(out, href), 'utf8')));
    const compressed =
      gzipSync(html).length + css.reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(compressed).toBeLessThanOrEqual(20 * 1024);
    // With a lead photo and four more, and their sources for every screen.
    const photos = await readFile(join(out, PHOTO_STORY, 'index.html'));
    expect(gzipSync(photos).length + gzipSync(css.join('')).length).toBeLessThanOrEqual(20 * 1024);
    expect([...html.matchAll(/<script[^>]*\ssrc=/g)]).toEqual([]);
    const inline = [...html.matchAll(/<script(?: type="module")?>(.*?)<\/script>/gs)].map(
      (m) => m[1]!,
    );
    expect(inline.reduce((sum, code) => sum + code.length, 0)).toBeLessThan(2000);
  });

  it('an article does not shift while it loads', async () => {
    const page = await browser().newPage({ viewport: { width: 375, height: 700 } });
    await page.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
          (window as unknown as { shifts: number }).shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(site + FIRST_STORY);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await expect(
      page.evaluate(() => (window as unknown as { shifts: number }).shifts),
    ).resolves.toBe(0);
    await page.close();
  });
});

describe('themes, print and scripts', () => {
  it(
    'follows the system theme, and a labelled toggle remembers the reader’s choice without a ' +
      'flash',
    async () => {
      const context = await browser().newContext({ colorScheme: 'dark' });
      const page = await context.newPage();
      await page.goto(site + FIRST_STORY);
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await expect(background()).resolves.toBe('rgb(22, 23, 26)');
      const toggle = page.getByRole('button', { name: 'Dark theme' });
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
      await toggle.click();
      await expect(background()).resolves.toBe('rgb(253, 252, 249)');
      await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
      // The next page is light from its first paint: the head script sets the theme before the body
      // exists.
      await page.addInitScript(() => {
        document.addEventListener('readystatechange', () => {
          if (document.readyState === 'interactive')
            (window as unknown as { firstTheme?: string }).firstTheme =
              document.documentElement.dataset.theme;
        });
      });
      await page.goto(`${site}/2019/`);
      await expect(
        page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme),
      ).resolves.toBe('light');
      await expect(background()).resolves.toBe('rgb(253, 252, 249)');
      await context.close();
    },
  );

  it('prints the story and its metadata only, with the address after each link', async () => {
    const page = await browser().newPage();
    await page.goto(`${site}/2019/11/19/baku-hosts-caspian-transport-forum/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of [
      '.masthead',
      '.site-footer',
      '.breadcrumbs',
      '.related',
      '.story-nav',
      '.cite',
    ]) {
      await expect(
        page.locator(selector).evaluate((el) => getComputedStyle(el).display),
        selector,
      ).resolves.toBe('none');
    }
    await expect(
      page.locator('.story-meta').evaluate((el) => getComputedStyle(el).display),
    ).resolves.not.toBe('none');
    await page.close();
    const linked = await browser().newPage();
    await linked.setContent(
      '<html><head><link rel="stylesheet" href="' +
        site +
        (await readFile(join(out, FIRST_STORY, 'index.html'), 'utf8')).match(
          /<link rel="stylesheet" href="([^"]+)"/,
        )![1] +
        '"></head><body><div class="story-body"><a href="https://example.org/x">x</a></div></body></html>',
    );
    await linked.emulateMedia({ media: 'print' });
    await expect(
      linked.locator('a').evaluate((el) => getComputedStyle(el, '::after').content),
    ).resolves.toBe('" (" attr(href) ")"'.length ? '" (https://example.org/x)"' : '');
    await linked.close();
  });

  it('sets lang and dir from the frontmatter, right to left for Arabic', async () => {
    const page = await browser().newPage();
    await page.goto(site + ARABIC_STORY);
    const article = page.locator('article');
    await expect(article.getAttribute('lang')).resolves.toBe('ar');
    await expect(article.getAttribute('dir')).resolves.toBe('rtl');
    // Logical properties: the headline starts at the right edge.
    const [headline, body] = await Promise.all([
      page.locator('.story-headline').boundingBox(),
      article.boundingBox(),
    ]);
    expect(Math.abs(headline!.x + headline!.width - (body!.x + body!.width))).toBeLessThan(2);
    await expect(page.locator('.story-time time').textContent()).resolves.toBe(
      '2 December 2019 11:00 (UTC+03:00)',
    );
    await page.goto(`${site}/2019/11/22/moscow-gas-talks/`);
    await expect(page.locator('article').getAttribute('lang')).resolves.toBe('ru');
    await expect(page.locator('article').getAttribute('dir')).resolves.toBe('ltr');
    await page.close();
  });
});
