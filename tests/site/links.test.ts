import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SITE_URL } from '../support/build.ts';
import { walkSite } from '../support/walk.ts';

const out = inject('outDir');
let pages: Map<string, string>;

/** `/2019/11/` for dist/2019/11/index.html. */
function urlOf(file: string): string {
  const path = `/${relative(out, file)}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

beforeAll(async () => {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
  pages = new Map(
    await Promise.all(
      files.map(async (file) => [urlOf(file), await readFile(file, 'utf8')] as [string, string]),
    ),
  );
});

const hrefs = (html: string) =>
  [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the built test archive', () => {
  it('has no link to a page that does not exist', async () => {
    const broken: string[] = [];
    const checked = new Set<string>();
    for (const [url, html] of pages) {
      for (const href of hrefs(html)) {
        if (!href.startsWith('/') || href.startsWith('//')) continue;
        const path = decodeURI(href.split(/[?#]/)[0]!);
        if (checked.has(path)) continue;
        checked.add(path);
        const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
        if (!(await stat(file).catch(() => null))) broken.push(`${url} → ${href}`);
      }
    }
    expect(checked.size).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it(
    'answers every link, stylesheet, script, feed, sitemap entry and structured-data URL of ' +
      'every page, over HTTP',
    { timeout: 120_000 },
    async () => {
      const walked = await walkSite(inject('siteUrl'), out, `${SITE_URL}/`);
      expect(walked.pages).toBeGreaterThan(100);
      expect(walked.urls).toBeGreaterThan(150);
      expect(walked.failures).toEqual([]);
    },
  );

  it('has no listing page without stories, and every listing says how many it holds', () => {
    const listings = [...pages].filter(([url]) =>
      /^\/(sources|authors|places(?!\/countries\/)|topics|on-this-day)\/[^/]+\/|^\/\d{4}\/\d{2}\/(\d{2}\/)?(page\/\d+\/)?$|^\/(page\/\d+\/)?$/.test(
        url,
      ),
    );
    expect(listings.length).toBeGreaterThan(40);
    for (const [url, html] of listings) {
      expect(html.match(/<ol class="story-list"/g)?.length ?? 0, url).toBeGreaterThan(0);
      expect(text(html), url).toMatch(/\b\d+ stor(y|ies)\b/);
    }
  });

  it('files every story under exactly one source: the source counts add up to the archive', () => {
    const articles = [...pages.keys()].filter(
      (url) => /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/.test(url) && !url.includes('/page/'),
    );
    const sourceIndex = pages.get('/sources/')!;
    const counts = [
      ...sourceIndex.matchAll(
        /<a href="\/sources\/[^"]+\/"><bdi>[^<]+<\/bdi><\/a> <span class="count">([\d,]+)<\/span>/g,
      ),
    ].map((m) => Number(m[1]!.replace(/,/g, '')));
    expect(counts.length).toBe(3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(articles.length);
    expect(text(sourceIndex)).toContain(`${articles.length} stories in all`);
  });
});
