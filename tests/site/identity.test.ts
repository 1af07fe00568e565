import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, inject, it } from 'vitest';
import { NEWSROOM, NEWSROOM_URL } from '../support/build.ts';

const out = inject('newsroomOutDir');
const read = (file: string) => readFile(join(out, file), 'utf8');
const STORY = '2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/';
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].flatMap((m) =>
    [JSON.parse(m[1]!)].flat(),
  );

describe('an archive published under its own name (src/archive.config.ts)', () => {
  it('names itself in the header, the title, the footer and Open Graph', async () => {
    for (const file of [
      'index.html',
      '2019/index.html',
      '2019/11/19/tokyo-markets-close-higher/index.html',
    ]) {
      const html = await read(file);
      expect(html, file).toContain(`<a class="wordmark" href="/archive/">${NEWSROOM.name}</a>`);
      expect(html, file).toMatch(new RegExp(`<title>[^<]*${NEWSROOM.name}</title>`));
      expect(html, file).toContain(`<meta property="og:site_name" content="${NEWSROOM.name}">`);
      expect(html, file).toContain(`<p>${NEWSROOM.name}. ${NEWSROOM.description} Times are`);
    }
    expect(await read('index.html')).toContain(`<title>${NEWSROOM.name}</title>`);
  });

  it('is the publisher and the website in structured data', async () => {
    const [article] = jsonLd(await read(`${STORY}index.html`));
    expect(article).toMatchObject({
      publisher: {
        '@type': 'Organization',
        name: NEWSROOM.publisher.name,
        url: NEWSROOM.publisher.url,
        logo: { '@type': 'ImageObject', url: `${NEWSROOM_URL}favicon.svg` },
      },
      sourceOrganization: { '@type': 'Organization', name: 'Trend' },
      isPartOf: { '@type': 'WebSite', name: NEWSROOM.name, url: NEWSROOM_URL },
    });
    const [listing] = jsonLd(await read('sources/trend/index.html'));
    expect(listing).toMatchObject({
      isPartOf: { '@type': 'WebSite', name: NEWSROOM.name, url: NEWSROOM_URL },
    });
  });

  it('titles the feeds and names the Google News publication', async () => {
    const rss = parseRssFeed(await read('feed.xml'));
    expect(rss.title).toBe(`${NEWSROOM.name}: latest stories`);
    expect(rss.description).toBe(`The latest stories in ${NEWSROOM.name}, with their full text.`);
    expect(parseRssFeed(await read('sources/trend/feed.xml')).title).toBe(
      `${NEWSROOM.name}: Trend`,
    );
    expect(parseJsonFeed(await read('feed.json')).title).toBe(`${NEWSROOM.name}: latest stories`);
    const news = await read('news-sitemap.xml');
    expect([...news.matchAll(/<news:name>([^<]*)<\/news:name>/g)].map((m) => m[1])).toEqual([
      NEWSROOM.name,
      NEWSROOM.name,
    ]);
  });

  it('says “Dateline” nowhere a reader or a crawler would read it', async () => {
    const entries = await readdir(out, { recursive: true, withFileTypes: true });
    const offenders: string[] = [];
    for (const entry of entries) {
      const file = relative(out, join(entry.parentPath, entry.name));
      if (!entry.isFile() || !/\.(html|xml|json|txt)$/.test(file) || file.startsWith('pagefind/'))
        continue;
      if ((await read(file)).includes('Dateline')) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
