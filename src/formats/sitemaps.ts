import type { Story } from '#src/domain/story.ts';
import { escapeXml } from './xml.ts';

const TWO_DAYS = 2 * 24 * 60 * 60 * 1000;
/** Google News reads at most 1,000 stories from one sitemap. */
const NEWS_LIMIT = 1000;

/** The stories a news sitemap lists: those within two days of the newest, newest first. */
export function recentStories(latestFirst: Story[]): Story[] {
  const newest = latestFirst[0];
  if (!newest) return [];
  const since = newest.date.instant - TWO_DAYS;
  const recent: Story[] = [];
  for (const story of latestFirst) {
    if (story.date.instant < since || recent.length >= NEWS_LIMIT) break;
    recent.push(story);
  }
  return recent;
}

/**
 * `<news:language>`: Google News takes an ISO 639 code, not a BCP 47 tag, so `tk-Arab` is `tk`;
 * Chinese alone is written with its script, `zh-cn` (simplified) or `zh-tw` (traditional).
 */
export function newsLanguage(lang: string): string {
  const [language = '', ...subtags] = lang.toLowerCase().split('-');
  if (language !== 'zh') return language;
  const traditional = subtags.some((tag) => ['hant', 'tw', 'hk', 'mo'].includes(tag));
  return traditional ? 'zh-tw' : 'zh-cn';
}

/**
 * A Google News sitemap (sitemap-news 0.9). The publication is the archive, by its name: Google
 * matches it against the name the publication is registered under.
 */
export function newsSitemap(
  latestFirst: Story[],
  absolute: (url: string) => string,
  publication: string,
): string {
  const urls = recentStories(latestFirst).map((story) =>
    [
      '<url>',
      `<loc>${escapeXml(absolute(story.url))}</loc>`,
      '<news:news>',
      '<news:publication>',
      `<news:name>${escapeXml(publication)}</news:name>`,
      `<news:language>${escapeXml(newsLanguage(story.lang))}</news:language>`,
      '</news:publication>',
      `<news:publication_date>${story.date.iso}</news:publication_date>`,
      `<news:title>${escapeXml(story.title)}</news:title>`,
      '</news:news>',
      '</url>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
