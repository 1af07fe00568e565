import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, searchStatus } from '../support/browser.ts';
import { MOVED, NEWSROOM_URL } from '../support/build.ts';
import { PHOTO_STORY } from '../support/photo-stories.ts';
import { nginxAvailable, startNginx } from '../support/nginx.ts';
import { walkSite } from '../support/walk.ts';
import { RECORD_FILE, type BuildRecord } from '#src/util/build-record.ts';

const out = inject('newsroomOutDir');
const BASE = '/archive';
const STORY = '/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/';
const HEADLINE = 'Turkmenistan developing co-op with Int’l Organization for Migration';

describe('the newsroom’s build, published under /archive/', () => {
  it('indexed its search parts while its pages were rendered', async () => {
    const record = JSON.parse(
      await readFile(join(inject('newsroomCacheDir'), RECORD_FILE), 'utf8'),
    ) as BuildRecord;
    expect(record.search?.parts.length).toBeGreaterThan(3);
    // The search step matches rendered pages by their files: the base must be taken off first.
    expect(record.search?.parts.map((part) => part.indexed)).toEqual(
      record.search?.parts.map(() => 'while-rendering'),
    );
  });

  it('writes every internal address with the base, none from the root', async () => {
    const html = await readFile(join(out, STORY.slice(1), 'index.html'), 'utf8');
    const internal = [...html.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(internal.length).toBeGreaterThan(20);
    expect(internal.filter((url) => !url.startsWith(`${BASE}/`))).toEqual([]);
    expect(html).toContain(`<link rel="canonical" href="${NEWSROOM_URL.slice(0, -1)}${STORY}">`);
  });

  it('gives its photos addresses under the base, and checks its photo pages', async () => {
    const html = await readFile(join(out, PHOTO_STORY.slice(1), 'index.html'), 'utf8');
    const photos = [...html.matchAll(/\s(?:src|srcset)="([^"]*_astro[^"]*)"/g)].map((m) => m[1]!);
    expect(photos.length).toBeGreaterThan(3);
    expect(photos.filter((url) => !url.startsWith(`${BASE}/_astro/`))).toEqual([]);
    expect(html).toContain(`<meta property="og:image" content="${NEWSROOM_URL}_astro/`);
    // The security check reads the photo pages the record names, as site paths under the output.
    const record = JSON.parse(
      await readFile(join(inject('newsroomCacheDir'), RECORD_FILE), 'utf8'),
    ) as BuildRecord;
    expect(record.photos?.pages).toContain(PHOTO_STORY);
  });
});

describe.skipIf(!nginxAvailable)('the newsroom’s archive behind deploy/nginx-subpath.conf', () => {
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  let browser: Browser;
  beforeAll(async () => {
    nginx = await startNginx('nginx-subpath.conf', out);
    browser = await launchChromium({ policy: false });
  });
  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
  });

  it(
    'answers every link, stylesheet, script, feed, sitemap entry and structured-data URL of ' +
      'every page',
    { timeout: 120_000 },
    async () => {
      const walked = await walkSite(nginx.url, out, NEWSROOM_URL);
      expect(walked.pages).toBeGreaterThan(100);
      expect(walked.urls).toBeGreaterThan(150);
      expect(walked.failures).toEqual([]);
    },
  );

  it('sends the headers a page cannot carry, and keeps to its path', async () => {
    const page = await fetch(`${nginx.url}${BASE}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(
      (await fetch(`${nginx.url}${BASE}`, { redirect: 'manual' })).headers.get('location'),
    ).toMatch(/\/archive\/$/);
    const missing = await fetch(`${nginx.url}${BASE}/no/such/page/`);
    expect(missing.status).toBe(404);
    await expect(missing.text()).resolves.toContain('This page is not in the archive');
    expect((await fetch(`${nginx.url}/elsewhere/`)).status).toBe(404);
    expect((await fetch(`${nginx.url}${BASE}/_redirects`)).status).toBe(404);
    expect((await fetch(`${nginx.url}${BASE}/_redirects.nginx.map`)).status).toBe(404);
  });

  it('answers a story’s old addresses, from git and from aliases, with a 301 to it', async () => {
    for (const { from, to } of [MOVED.renamed, MOVED.alias]) {
      for (const path of [from, from.replace(/\/$/, '')]) {
        const response = await fetch(`${nginx.url}${BASE}${path}?highlight=x`, {
          redirect: 'manual',
        });
        expect(response.status, path).toBe(301);
        expect(new URL(response.headers.get('location')!, nginx.url).pathname).toBe(`${BASE}${to}`);
        expect(response.headers.get('location')).toMatch(/\?highlight=x$/);
      }
    }
  });

  it(
    'leads a reader from home to a story, searches, opens a result highlighted, and switches ' +
      'the theme, all under /archive/',
    async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${nginx.url}${BASE}/`);
      await expect(
        page.locator('link[rel="stylesheet"]').first().getAttribute('href'),
      ).resolves.toMatch(/^\/archive\/_astro\//);
      await page.getByRole('link', { name: HEADLINE }).click();
      await page.waitForURL(`**${BASE}${STORY}`);
      await page.keyboard.press('/');
      await page.keyboard.type('trafficking');
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${BASE}/search/?q=trafficking`);
      await expect(searchStatus(page)).resolves.toMatch(/^1 story/);
      await page.locator('#search-results a').first().click();
      await page.waitForURL(`**${BASE}${STORY}?highlight=trafficking`);
      await expect(page.locator('.story-body mark').first().textContent()).resolves.toMatch(
        /trafficking/i,
      );
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.reload();
      await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(
        'dark',
      );
      await page.close();
      expect(problems).toEqual([]);
    },
  );
});
