import { describe, expect, it } from 'vitest';
import { articleUrl, findUrlCollisions, pageUrl, slugOf } from '#src/domain/urls.ts';
import { isValidSlug, slugify } from '#src/domain/slug.ts';

describe('article URLs', () => {
  it('use the calendar date in the story’s own offset', () => {
    expect(articleUrl('2019/11/story', '2019-11-19T17:49:00+04:00')).toBe('/2019/11/19/story/');
    // 01:30 on the 20th in UTC+05:00 is still the 19th in UTC: the story's own date wins.
    expect(articleUrl('2019/11/late', '2019-11-20T01:30:00+05:00')).toBe('/2019/11/20/late/');
    expect(articleUrl('x/early', '2019-11-19T20:00:00-08:00')).toBe('/2019/11/19/early/');
    expect(articleUrl('day', '2019-01-05')).toBe('/2019/01/05/day/');
  });

  it('take the slug from the file name', () => {
    expect(slugOf('2019/11/turkmenistan-developing')).toBe('turkmenistan-developing');
    expect(slugOf('top-level')).toBe('top-level');
  });

  it('number listing pages after the first', () => {
    expect(pageUrl('/2019/11/', 1)).toBe('/2019/11/');
    expect(pageUrl('/2019/11/', 3)).toBe('/2019/11/page/3/');
  });

  it('find two files that would be published at the same address, naming both', () => {
    const collisions = findUrlCollisions([
      { id: '2019/11/same', file: 'content/2019/11/same.md', date: '2019-11-20T09:00:00+04:00' },
      { id: 'old/same', file: 'content/old/same.md', date: '2019-11-20T23:00:00+04:00' },
      { id: '2019/11/other', file: 'content/2019/11/other.md', date: '2019-11-20T09:00:00+04:00' },
      { id: 'later/same', file: 'content/later/same.md', date: '2019-11-21T09:00:00+04:00' },
    ]);
    expect(collisions).toEqual([
      { url: '/2019/11/20/same/', files: ['content/2019/11/same.md', 'content/old/same.md'] },
    ]);
  });
});

describe('slugs', () => {
  it('turn headlines into lower-case ASCII words', () => {
    expect(slugify('Turkmenistan developing co-op with Int’l Organization for Migration')).toBe(
      'turkmenistan-developing-co-op-with-intl-organization-for-migration',
    );
    expect(slugify('Türkmenabat: Aşgabat & Bakı’s “new” road')).toBe(
      'turkmenabat-asgabat-and-bakis-new-road',
    );
    expect(slugify('STANDARD OIL <SRD> TO FORM FINANCIAL UNIT')).toBe(
      'standard-oil-srd-to-form-financial-unit',
    );
  });

  it('cut long headlines at a word', () => {
    const slug = slugify('word '.repeat(40), 30);
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('are checked', () => {
    expect(isValidSlug('turkmenistan-developing-co-op')).toBe(true);
    for (const bad of ['Upper', 'two--hyphens', '-leading', 'trailing-', 'spa ce', 'ünï', ''])
      expect(isValidSlug(bad)).toBe(false);
  });
});

describe('every address of the archive', () => {
  it('comes from one module, for terms, feeds, days and the search index', async () => {
    const urls = await import('#src/domain/urls.ts');
    expect(urls.termUrl('places', 'ashgabat-turkmenistan')).toBe('/places/ashgabat-turkmenistan/');
    expect(urls.termIndexUrl('places', 'country-turkmenistan')).toBe(
      '/places/#country-turkmenistan',
    );
    expect(urls.feedUrl(urls.termUrl('sources', 'trend'), 'json')).toBe('/sources/trend/feed.json');
    expect(urls.feedUrl(urls.homeUrl(), 'xml')).toBe('/feed.xml');
    expect([urls.yearUrl(1987), urls.monthUrl(1987, 3), urls.dayUrl(1987, 3, 3)]).toEqual([
      '/1987/',
      '/1987/03/',
      '/1987/03/03/',
    ]);
    expect([urls.onThisDayUrl(), urls.onThisDayUrl('11-19')]).toEqual([
      '/on-this-day/',
      '/on-this-day/11-19/',
    ]);
    expect(urls.searchIndexUrl('parts.json')).toBe('/pagefind/parts.json');
  });
});
