import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';
import { SITE_URL } from '../support/build.ts';
import { PHOTO_STORY, RTL_PHOTO_STORY } from '../support/photo-stories.ts';

const out = inject('outDir');
const FIRST_STORY =
  '/2019/11/19/turkmenistan-developing-co-op-with-intl-organization-for-migration/';
let files: string[];

beforeAll(async () => {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(out, join(e.parentPath, e.name)))
    .sort();
});

const read = (file: string) => readFile(join(out, file), 'utf8');

describe('feeds', () => {
  it(
    'exist for the archive and every source, author, place and topic, in RSS 2.0 and JSON Feed ' +
      '1.1, and parse',
    async () => {
      const rss = files.filter((f) => f.endsWith('feed.xml'));
      const json = files.filter((f) => f.endsWith('feed.json'));
      const termPages = files.filter((f) =>
        /^(sources|authors|places|topics)\/[^/]+\/index\.html$/.test(f),
      );
      expect(rss).toContain('feed.xml');
      expect(rss.length).toBe(termPages.length + 1);
      expect(json.length).toBe(rss.length);
      for (const file of rss) {
        const feed = parseRssFeed(await read(file));
        expect(feed.items?.length, file).toBeGreaterThan(0);
        for (const item of feed.items ?? []) {
          expect(item.link, file).toMatch(
            new RegExp(`^${SITE_URL}/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/$`),
          );
          expect(Number.isNaN(Date.parse(item.pubDate!)), file).toBe(false);
        }
      }
      for (const file of json) {
        const feed = parseJsonFeed(await read(file));
        expect(feed.items?.length, file).toBeGreaterThan(0);
      }
    },
  );

  it(
    'carry the latest 50 stories, newest first, with dates in their own offset, bylines, ' +
      'categories and full text',
    async () => {
      const rss = parseRssFeed(await read('feed.xml'));
      expect(rss.items).toHaveLength(46);
      const first = rss.items!.find((item) => item.link === `${SITE_URL}${FIRST_STORY}`)!;
      expect(first.title).toBe(
        'Turkmenistan developing co-op with Int’l Organization for Migration',
      );
      expect(first.guid?.value ?? first.guid).toBe(`${SITE_URL}${FIRST_STORY}`);
      expect(new Date(first.pubDate!).toISOString()).toBe('2019-11-19T13:49:00.000Z');
      expect(first.dc?.dates).toEqual(['2019-11-19T17:49:00+04:00']);
      expect(JSON.stringify(first.dc)).toContain('Huseyn Hasanov');
      expect(first.categories?.map((c) => c.name)).toEqual(['Trend']);
      expect(first.content?.encoded).toContain('human trafficking were touched upon');
      const dates = rss.items!.map((item) => Date.parse(item.pubDate!));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));

      const json = parseJsonFeed(await read('feed.json'));
      const item = json.items!.find((i) => i.url === `${SITE_URL}${FIRST_STORY}`)!;
      expect(item).toMatchObject({
        id: `${SITE_URL}${FIRST_STORY}`,
        date_published: '2019-11-19T17:49:00+04:00',
        authors: [{ name: 'Huseyn Hasanov' }],
        tags: ['Trend'],
      });
      expect(item.content_html).toContain('<p>A meeting with Regional Coordinator');

      const trend = parseRssFeed(await read('sources/trend/feed.xml'));
      expect(trend.items).toHaveLength(9);
      const busy = parseJsonFeed(await read('sources/reuters/feed.json'));
      expect(busy.items).toHaveLength(33);
    },
  );

  it('are linked from listing pages with rel="alternate"', async () => {
    const html = await read('places/ashgabat-turkmenistan/index.html');
    expect(html).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Dateline: Ashgabat, ` +
        `Turkmenistan" href="${SITE_URL}/places/ashgabat-turkmenistan/feed.xml">`,
    );
    expect(html).toContain(
      `<link rel="alternate" type="application/feed+json" title="Dateline: Ashgabat, ` +
        `Turkmenistan" href="${SITE_URL}/places/ashgabat-turkmenistan/feed.json">`,
    );
    expect(await read('index.html')).toContain(`href="${SITE_URL}/feed.xml"`);
  });
});

describe('sitemaps', () => {
  const parser = new XMLParser({ ignoreAttributes: false });

  it('list every page, through an index, and a news sitemap holds the last two days', async () => {
    const index = parser.parse(await read('sitemap-index.xml'));
    const maps = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc);
    expect(maps.length).toBeGreaterThan(0);
    const urls: string[] = [];
    for (const map of maps) {
      expect(map.startsWith(`${SITE_URL}/`)).toBe(true);
      const sitemap = parser.parse(await read(map.slice(SITE_URL.length + 1)));
      expect(sitemap.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      urls.push(...[sitemap.urlset.url].flat().map((u: { loc: string }) => u.loc));
    }
    expect(urls.length).toBeLessThanOrEqual(50_000 * maps.length);
    const pages = files
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `${SITE_URL}/${f.slice(0, -'index.html'.length)}`);
    expect(new Set(urls)).toEqual(new Set(pages));

    const news = parser.parse(await read('news-sitemap.xml'));
    const entries = [news.urlset.url].flat();
    // The newest story is 31 December 2019 23:30 UTC; two days back reaches 29 December.
    expect(entries.map((e: { loc: string }) => e.loc)).toEqual([
      `${SITE_URL}/2019/12/31/new-year-utc-story/`,
      `${SITE_URL}/2020/01/01/new-year-in-ashgabat/`,
    ]);
    // The publication is the archive, by the name src/archive.config.ts gives it.
    expect(entries[0]['news:news']['news:publication']).toEqual({
      'news:name': 'Dateline',
      'news:language': 'en',
    });
    expect(entries[0]['news:news']['news:publication_date']).toBe('2019-12-31T23:30:00Z');
  });

  it(
    'give every story when it last changed, from updated, else git; and list the news ' +
      'sitemap in the index',
    async () => {
      const index = parser.parse(await read('sitemap-index.xml'));
      const maps = [index.sitemapindex.sitemap].flat().map((s: { loc: string }) => s.loc);
      expect(maps).toContain(`${SITE_URL}/news-sitemap.xml`);
      const urls = maps
        .filter((map) => !map.endsWith('/news-sitemap.xml'))
        .map(async (map) => [parser.parse(await read(map.slice(SITE_URL.length + 1))).urlset.url])
        .map(async (list) => (await list).flat() as { loc: string; lastmod?: string }[]);
      const entries = (await Promise.all(urls)).flat();
      const stories = entries.filter((e) => /\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/.test(e.loc));
      // The 43 text stories and the three with photos (tests/support/photo-stories.ts).
      expect(stories.length).toBe(46);
      expect(stories.filter((e) => !e.lastmod)).toEqual([]);
      const lastmod = (path: string) =>
        stories.find((e) => e.loc === `${SITE_URL}${path}`)?.lastmod;
      // updated: in the frontmatter; the last of two commits; the one commit that added it.
      expect(lastmod('/2019/11/19/washington-trade-talks/')).toBe('2019-11-20T14:00:00.000Z');
      expect(lastmod('/2019/11/19/tokyo-markets-close-higher/')).toBe('2019-11-20T01:30:00.000Z');
      expect(lastmod('/2019/11/19/baku-hosts-caspian-transport-forum/')).toBe(
        '2019-11-19T14:00:00.000Z',
      );
    },
  );

  it('write the news language as ISO 639, from the story’s BCP 47 tag', async () => {
    const news = await read('news-sitemap.xml');
    expect([...news.matchAll(/<news:language>([^<]+)</g)].map((m) => m[1])).toEqual(['en', 'en']);
    const { newsLanguage } = await import('#src/formats/sitemaps.ts');
    expect(['en', 'tk-Arab', 'ru-RU', 'zh-Hant', 'zh-Hans', 'zh', 'AR'].map(newsLanguage)).toEqual([
      'en',
      'tk',
      'ru',
      'zh-tw',
      'zh-cn',
      'zh-cn',
      'ar',
    ]);
  });

  it('are named in robots.txt', async () => {
    expect(await read('robots.txt')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${SITE_URL}/sitemap-index.xml\nSitemap: ` +
        `${SITE_URL}/news-sitemap.xml\n`,
    );
  });
});

describe('structured data and metadata', () => {
  const jsonLd = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].flatMap((m) =>
      [JSON.parse(m[1]!)].flat(),
    );
  const meta = (html: string, key: string) =>
    [...html.matchAll(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`, 'g'))].map(
      (m) => m[1],
    );

  it('describe the first story as a NewsArticle, field by field, with breadcrumbs', async () => {
    const html = await read(`${FIRST_STORY.slice(1)}index.html`);
    const [article, crumbs] = jsonLd(html);
    expect(article).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Turkmenistan developing co-op with Int’l Organization for Migration',
      url: `${SITE_URL}${FIRST_STORY}`,
      mainEntityOfPage: `${SITE_URL}${FIRST_STORY}`,
      datePublished: '2019-11-19T17:49:00+04:00',
      dateModified: '2019-11-19T17:49:00+04:00',
      inLanguage: 'en',
      author: [{ '@type': 'Person', name: 'Huseyn Hasanov' }],
      // The archive publishes; the agency filed it.
      publisher: {
        '@type': 'Organization',
        name: 'Dateline',
        url: `${SITE_URL}/`,
        logo: { '@type': 'ImageObject', url: `${SITE_URL}/favicon.svg` },
      },
      sourceOrganization: { '@type': 'Organization', name: 'Trend' },
      dateline: 'ASHGABAT, Turkmenistan',
      locationCreated: {
        '@type': 'Place',
        name: 'Ashgabat, Turkmenistan',
        address: { '@type': 'PostalAddress', addressCountry: 'TM' },
        geo: { '@type': 'GeoCoordinates', latitude: 37.95, longitude: 58.383 },
      },
      wordCount: 262, // as `wc -w` counts the story text
      isAccessibleForFree: true,
      isPartOf: { '@type': 'WebSite', name: 'Dateline', url: `${SITE_URL}/` },
    });
    expect(crumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { name: 'Home' },
        { name: '2019' },
        { name: 'November' },
        { name: '19 November 2019' },
        { position: 5, item: `${SITE_URL}${FIRST_STORY}` },
      ],
    });
    expect(meta(html, 'citation_title')).toEqual([
      'Turkmenistan developing co-op with Int’l Organization for Migration',
    ]);
    expect(meta(html, 'citation_author')).toEqual(['Huseyn Hasanov']);
    expect(meta(html, 'citation_publication_date')).toEqual(['2019/11/19']);
    expect(meta(html, 'DC.date')).toEqual(['2019-11-19T17:49:00+04:00']);
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(html, 'og:url')).toEqual([`${SITE_URL}${FIRST_STORY}`]);
    expect(meta(html, 'article:published_time')).toEqual(['2019-11-19T17:49:00+04:00']);
    expect(meta(html, 'twitter:card')).toEqual(['summary']);
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}${FIRST_STORY}">`);
  });

  it('mark listing pages as CollectionPage', async () => {
    const [page] = jsonLd(await read('sources/trend/index.html'));
    expect(page).toMatchObject({
      '@type': 'CollectionPage',
      name: 'Trend',
      url: `${SITE_URL}/sources/trend/`,
      mainEntity: { '@type': 'ItemList', numberOfItems: 9 },
    });
  });

  it('offer the story’s citation in APA, BibTeX and CSL-JSON without JavaScript', async () => {
    const html = await read(`${FIRST_STORY.slice(1)}index.html`);
    const blocks = [
      ...html.matchAll(
        /<section class="cite-format" aria-labelledby="cite-(\w+)"><h2 [^>]*>[^<]*<\/h2><pre tabindex="0"><code>(.*?)<\/code><\/pre>/gs,
      ),
    ].map((m) => [
      m[1],
      m[2]!
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    ]);
    expect(blocks.map((b) => b[0])).toEqual(['apa', 'bibtex', 'csl']);
    expect(blocks[0]![1]).toBe(
      `Hasanov, H. (2019, November 19). Turkmenistan developing co-op with Int’l Organization ` +
        `for Migration. Trend. ${SITE_URL}${FIRST_STORY}`,
    );
    expect(blocks[1]![1]).toBe(
      `@article{hasanov2019turkmenistan,\n  author = {Hasanov, Huseyn},\n  title = ` +
        `{{Turkmenistan developing co-op with Int’l Organization for Migration}},\n  journal = ` +
        `{Trend},\n  year = {2019},\n  month = nov,\n  day = {19},\n  url = ` +
        `{${SITE_URL}${FIRST_STORY}},\n  language = {en},\n}`,
    );
    expect(JSON.parse(blocks[2]![1]!)).toEqual([
      {
        id: '2019/11/turkmenistan-developing-co-op-with-intl-organization-for-migration',
        type: 'article-newspaper',
        title: 'Turkmenistan developing co-op with Int’l Organization for Migration',
        author: [{ given: 'Huseyn', family: 'Hasanov' }],
        issued: { 'date-parts': [[2019, 11, 19]] },
        'container-title': 'Trend',
        'publisher-place': 'ASHGABAT, Turkmenistan',
        URL: `${SITE_URL}${FIRST_STORY}`,
        language: 'en',
      },
    ]);
  });
});

describe('photos for social sites, search engines and feed readers', () => {
  const jsonLd = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].flatMap((m) =>
      [JSON.parse(m[1]!)].flat(),
    );
  const meta = (html: string, key: string) =>
    [...html.matchAll(new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`, 'g'))].map(
      (m) => m[1],
    );
  /** A photo of the site, by its absolute URL: its size and format as the file has them. */
  const photo = async (url: string) => {
    expect(url.startsWith(`${SITE_URL}/_astro/`), url).toBe(true);
    const { width, height, format } = await sharp(join(out, url.slice(SITE_URL.length))).metadata();
    return { width, height, format };
  };

  it('give a story’s lead photo to social sites as a large card', async () => {
    const html = await read(`${PHOTO_STORY.slice(1)}index.html`);
    const [url] = meta(html, 'og:image');
    expect(await photo(url!)).toEqual({ width: 1200, height: 800, format: 'jpeg' });
    expect(meta(html, 'og:image:type')).toEqual(['image/jpeg']);
    expect(meta(html, 'og:image:width')).toEqual(['1200']);
    expect(meta(html, 'og:image:height')).toEqual(['800']);
    expect(meta(html, 'og:image:alt')).toEqual([
      'Visitors walk between rows of red and purple carpets hung from the ceiling',
    ]);
    expect(meta(html, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(html, 'twitter:image')).toEqual([url]);
    // A story without a photo keeps the small card, with no image.
    const plain = await read(`${FIRST_STORY.slice(1)}index.html`);
    expect(meta(plain, 'og:image')).toEqual([]);
    expect(meta(plain, 'twitter:card')).toEqual(['summary']);
  });

  it('give it to search engines as the NewsArticle’s image', async () => {
    const [article] = jsonLd(await read(`${PHOTO_STORY.slice(1)}index.html`));
    const [image] = article.image;
    expect(image).toEqual({
      '@type': 'ImageObject',
      url: expect.any(String),
      contentUrl: image.url,
      width: 1200,
      height: 800,
      caption: 'The gallery on its opening morning.',
      creditText: 'Photo: Jane Doe/AzerNews',
    });
    expect(await photo(image.url)).toMatchObject({ width: 1200, height: 800 });
    const [arabic] = jsonLd(await read(`${RTL_PHOTO_STORY.slice(1)}index.html`));
    expect(arabic.image[0]).toMatchObject({ creditText: 'تصوير: أحمد علي' });
  });

  it('give feed readers the lead photo, and the text’s photos as plain images', async () => {
    const url = `${SITE_URL}${PHOTO_STORY}`;
    const xml = await read('feed.xml');
    expect(xml).toMatch(
      /^<\?xml[^>]*>\s*<rss [^>]*xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/"/,
    );
    const rss = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const item = rss.rss.channel.item.find((i: { link: string }) => i.link === url);
    const media = item['media:content'];
    expect(media).toMatchObject({ '@_medium': 'image', '@_type': 'image/jpeg', '@_width': '1200' });
    expect(media['media:description']['#text']).toBe(
      'Visitors walk between rows of red and purple carpets hung from the ceiling',
    );
    expect(await photo(media['@_url'])).toMatchObject({ width: 1200, format: 'jpeg' });
    const plain = rss.rss.channel.item.find((i: { link: string }) => i.link.endsWith(FIRST_STORY));
    expect(plain['media:content']).toBeUndefined();

    const json = parseJsonFeed(await read('feed.json'));
    const entry = json.items!.find((i) => i.url === url)!;
    expect(entry.image).toBe(media['@_url']);
    const images = [...entry.content_html!.matchAll(/<img ([^>]+)>/g)].map((m) => m[1]!);
    expect(images).toHaveLength(4);
    for (const img of images) {
      const [, src, width, height] =
        /^src="([^"]+)" alt="[^"]+" width="(\d+)" height="(\d+)"$/.exec(img)!;
      expect(await photo(src!)).toMatchObject({ width: Number(width), height: Number(height) });
    }
    expect(entry.content_html).toContain('<span class="credit">Photo: Jane Doe/AzerNews</span>');
    expect(entry.content_html).not.toContain('<picture>');
    // A feed without a story with a lead photo names no Media RSS.
    expect(await read('sources/reuters/feed.xml')).not.toContain('xmlns:media');
  });
});

describe('absolute URLs', () => {
  it('point only at SITE_URL', async () => {
    // Namespace and vocabulary identifiers are names, not links.
    const identifiers =
      /^https?:\/\/(www\.sitemaps\.org|www\.google\.com\/schemas|purl\.org|www\.w3\.org|schema\.org|jsonfeed\.org|search\.yahoo\.com\/mrss)(\/|$)/;
    // The credits the places' and the maps' licences ask for (src/components/places/).
    const credits = new Set([
      'https://www.geonames.org/',
      'https://creativecommons.org/licenses/by/4.0/',
      'https://www.naturalearthdata.com/',
    ]);
    const offenders = new Set<string>();
    for (const file of files.filter(
      (f) => /\.(html|xml|json|txt)$/.test(f) && !f.startsWith('pagefind/'),
    )) {
      for (const [url] of (await read(file)).matchAll(/https?:\/\/[^\s"'<>)\]}]+/g)) {
        const ours = url.startsWith(`${SITE_URL}/`) || url === SITE_URL;
        if (!ours && !identifiers.test(url) && !credits.has(url)) offenders.add(`${file}: ${url}`);
      }
    }
    expect([...offenders]).toEqual([]);
  });
});
