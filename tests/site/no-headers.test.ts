import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, searchStatus } from '../support/browser.ts';
import { startBareServer } from '../support/bare-server.ts';
import { MOVED } from '../support/build.ts';

const out = inject('newsroomOutDir');
const BASE = '/archive';
const STORY = '/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/';
/** What an attacker would get into a page: an inline script and an inline event handler. */
const PLANTED =
  '<script>window.planted = "inline";</script>' +
  '<img src="/missing.png" alt="" onerror="window.handler = \'attribute\'">';

let server: Awaited<ReturnType<typeof startBareServer>>;
let browser: Browser;

beforeAll(async () => {
  const story = await readFile(join(out, STORY.slice(1), 'index.html'), 'utf8');
  const planted = story.replace('<main id="content" tabindex="-1">', (main) => main + PLANTED);
  expect(planted).not.toBe(story);
  server = await startBareServer(out, `${BASE}/`, {
    [`${BASE}/planted/`]: planted,
    // The same page without its <meta> policy: what the planted code would do unchecked.
    [`${BASE}/planted-unchecked/`]: planted.replace(
      /<meta http-equiv="content-security-policy"[^>]*>/,
      '',
    ),
  });
  browser = await launchChromium({ policy: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page, and the Content-Security-Policy complaints it logs. */
async function open(path: string): Promise<{ page: Page; refused: string[] }> {
  const page = await browser.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) refused.push(message.text());
  });
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  expect(response?.headers()['content-security-policy']).toBeUndefined();
  return { page, refused };
}

describe('a host that sends no headers (GitHub Pages, an object store)', () => {
  it('blocks an inline script planted in a page with the page’s own policy', async () => {
    const { page, refused } = await open(`${BASE}/planted/`);
    await page.waitForLoadState('load');
    await expect(page.evaluate(() => (window as { planted?: string }).planted)).resolves.toBe(
      undefined,
    );
    await expect(page.evaluate(() => (window as { handler?: string }).handler)).resolves.toBe(
      undefined,
    );
    expect(refused.join('\n')).toMatch(/script-src/);
    // The theme script, allowed by its hash, still ran.
    await expect(page.evaluate(() => document.documentElement.className)).resolves.toContain(
      'has-js',
    );
    await page.close();
    const unchecked = await open(`${BASE}/planted-unchecked/`);
    await unchecked.page.waitForFunction(() => (window as { handler?: string }).handler);
    await expect(
      unchecked.page.evaluate(() => (window as { planted?: string }).planted),
    ).resolves.toBe('inline');
    await unchecked.page.close();
  });

  it('searches under the page’s policy, with no complaint', async () => {
    const { page, refused } = await open(`${BASE}/`);
    await page.getByRole('searchbox', { name: 'Search the archive' }).fill('trafficking');
    await page.keyboard.press('Enter');
    await expect(searchStatus(page)).resolves.toMatch(/^1 story/);
    await page.locator('#search-results a').first().click();
    await page.waitForURL(`**${BASE}${STORY}?highlight=trafficking`);
    await page.locator('.story-body mark').first().waitFor();
    await page.close();
    expect(refused).toEqual([]);
  });

  it('sends a reader at a story’s old address on to the story, from its page there', async () => {
    for (const { from, to } of [MOVED.renamed, MOVED.alias]) {
      const { page } = await open(`${BASE}${from}`);
      await page.waitForURL(`**${BASE}${to}`);
      await expect(page.locator('h1').textContent()).resolves.not.toBe('This story has moved');
      await page.close();
    }
    const moved = await readFile(join(out, MOVED.renamed.from.slice(1), 'index.html'), 'utf8');
    expect(moved).toContain('<meta name="robots" content="noindex">');
    expect(moved).toContain(
      `<link rel="canonical" href="https://newsroom.github.io${BASE}${MOVED.renamed.to}">`,
    );
    expect(moved).toContain(
      `<meta http-equiv="refresh" content="0; url=${BASE}${MOVED.renamed.to}">`,
    );
    expect(moved).toMatch(new RegExp(`<a href="${BASE}${MOVED.renamed.to}">[^<]+</a>`));
  });
});
