import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, POLICY } from '../support/browser.ts';
import { nginxAvailable, startNginx } from '../support/nginx.ts';

const out = inject('outDir');
let base = '';
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;

beforeAll(async () => {
  if (!nginxAvailable) return;
  // deploy/nginx.conf as shipped, with only where it listens and what it serves changed.
  nginx = await startNginx('nginx.conf', out);
  base = nginx.url;
});

afterAll(async () => {
  await nginx?.stop();
});

describe.skipIf(!nginxAvailable)('the site behind nginx, configured by deploy/nginx.conf', () => {
  it('serves clean URLs with the security headers and revalidation for pages', async () => {
    for (const path of [
      '/',
      '/2019/11/',
      '/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/',
      '/search/',
    ]) {
      const response = await fetch(base + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await fetch(`${base}/2019/11`)).status).toBe(200);
  });

  it('answers an unknown address with the archive’s own page and status 404', async () => {
    const response = await fetch(`${base}/no/such/story/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
    await expect(response.text()).resolves.toContain('This page is not in the archive');
  });

  it(
    'gives Pagefind’s files their types, caches files named by content for a year, and ' +
      'compresses text',
    async () => {
      const files = (await readdir(join(out, 'pagefind'), { recursive: true })).map(String);
      const fragment = files.find((f) => f.includes('/fragment/'))!;
      const wasm = files.find((f) => f.endsWith('.pagefind'))!;
      const meta = files.find((f) => f.endsWith('.pf_meta'))!;
      const css = (await readdir(join(out, '_astro'))).find((f) => f.endsWith('.css'))!;
      const head = async (path: string) =>
        fetch(base + path, { headers: { 'accept-encoding': 'gzip' } });
      expect((await head(`/pagefind/${wasm}`)).headers.get('content-type')).toBe(
        'application/wasm',
      );
      expect((await head(`/pagefind/${meta}`)).headers.get('content-type')).toBe(
        'application/octet-stream',
      );
      const fragmentResponse = await head(`/pagefind/${fragment}`);
      expect(fragmentResponse.headers.get('content-type')).toBe('application/octet-stream');
      expect(fragmentResponse.headers.get('cache-control')).toBe(
        'public, max-age=31536000, immutable',
      );
      const script = `/pagefind/${files.find((f) => f.endsWith('/pagefind.js'))!}`;
      expect((await head(script)).headers.get('content-type')).toMatch(/javascript/);
      expect((await head(script)).headers.get('cache-control')).toBe('no-cache');
      expect((await head('/pagefind/parts.json')).headers.get('cache-control')).toBe('no-cache');
      const stylesheet = await head(`/_astro/${css}`);
      expect(stylesheet.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(stylesheet.headers.get('content-encoding')).toBe('gzip');
      expect((await head('/')).headers.get('content-encoding')).toBe('gzip');
      expect((await head('/feed.xml')).headers.get('content-type')).toBe(
        'application/rss+xml; charset=utf-8',
      );
      expect((await head('/sources/trend/feed.json')).headers.get('content-type')).toBe(
        'application/feed+json; charset=utf-8',
      );
    },
  );

  describe('in Chromium, with nginx’s own headers', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium({ policy: false });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('reads and searches the archive with the policy in force and no violation', async () => {
      const page = await browser.newPage();
      const complaints: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/.test(message.text()))
          complaints.push(message.text());
      });
      await page.goto(`${base}/`);
      await page
        .getByRole('link', {
          name: 'Turkmenistan developing co-op with Int’l Organization for Migration',
        })
        .click();
      await page.waitForURL(
        '**/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/',
      );
      await page.keyboard.press('/');
      await page.keyboard.type('trafficking');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#search-results li');
      await page.locator('#search-results a').first().click();
      await page.waitForSelector('.story-body mark');
      await page.goto(`${base}/`);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(complaints).toEqual([]);
      await page.close();
    });
  });
});
