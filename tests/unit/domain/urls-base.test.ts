import { afterEach, describe, expect, it, vi } from 'vitest';

// src/domain/urls.ts reads the base once, as a build does: each case loads it afresh.
async function urlsUnder(base: string) {
  vi.stubEnv('BASE_URL', base);
  vi.resetModules();
  return import('#src/domain/urls.ts');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('URLs under a base path', () => {
  it('all carry the base; site paths do not', async () => {
    const urls = await urlsUnder('/archive/');
    expect(urls.articleUrl('2019/11/x', '2019-11-19T10:00:00+04:00')).toBe(
      '/archive/2019/11/19/x/',
    );
    expect(urls.storyPath('2019/11/x', '2019-11-19T10:00:00+04:00')).toBe('/2019/11/19/x/');
    expect(urls.homeUrl()).toBe('/archive/');
    expect(urls.yearUrl(2019)).toBe('/archive/2019/');
    expect(urls.monthUrl(2019, 3)).toBe('/archive/2019/03/');
    expect(urls.dayUrl(2019, 3, 4)).toBe('/archive/2019/03/04/');
    expect(urls.termIndexUrl('places', 'country-x')).toBe('/archive/places/#country-x');
    expect(urls.termUrl('sources', 'trend')).toBe('/archive/sources/trend/');
    expect(urls.onThisDayUrl('11-19')).toBe('/archive/on-this-day/11-19/');
    expect(urls.onThisDayUrl()).toBe('/archive/on-this-day/');
    expect(urls.correctionsUrl()).toBe('/archive/corrections/');
    expect(urls.searchUrl()).toBe('/archive/search/');
    expect(urls.assetUrl('favicon.svg')).toBe('/archive/favicon.svg');
    expect(urls.feedUrl(urls.termUrl('sources', 'trend'), 'xml')).toBe(
      '/archive/sources/trend/feed.xml',
    );
    expect(urls.pageUrl(urls.homeUrl(), 2)).toBe('/archive/page/2/');
    expect(urls.searchIndexUrl('parts.json')).toBe('/archive/pagefind/parts.json');
    expect(urls.searchIndexPath('parts.json')).toBe('/pagefind/parts.json');
    expect(urls.siteUrl('/old/x/')).toBe('/archive/old/x/');
  });

  it('are taken back to site paths, and an address outside the base is none', async () => {
    const urls = await urlsUnder('/archive/');
    expect(urls.sitePath('/archive/2019/')).toBe('/2019/');
    expect(urls.sitePath('/archive/')).toBe('/');
    expect(urls.sitePath('/archive')).toBe('/');
    expect(urls.sitePath('/archived/')).toBeNull();
    expect(urls.sitePath('/2019/')).toBeNull();
  });

  it('are unchanged at the root', async () => {
    const urls = await urlsUnder('/');
    expect(urls.articleUrl('x', '2019-11-19')).toBe('/2019/11/19/x/');
    expect(urls.homeUrl()).toBe('/');
    expect(urls.sitePath('/2019/')).toBe('/2019/');
  });

  it('know the archive’s own pages from the addresses stories may have had', async () => {
    const { isArchivePage } = await urlsUnder('/');
    for (const page of [
      '/',
      '/2019/',
      '/2019/11/',
      '/2019/11/19/',
      '/2019/11/page/2/',
      '/sources/x/',
      '/search/',
      '/pagefind/x/',
    ])
      expect(isArchivePage(page), page).toBe(true);
    for (const old of ['/2019/11/19/slug/', '/news/123.html/', '/old/'])
      expect(isArchivePage(old), old).toBe(false);
  });
});
