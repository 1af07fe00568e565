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

/** A Google News sitemap (sitemap-news 0.9). */
export function newsSitemap(latestFirst: Story[], absolute: (path: string) => string): string {
  const urls = recentStories(latestFirst).map((story) =>
    [
      '<url>',
      `<loc>${escapeXml(absolute(story.url))}</loc>`,
      '<news:news>',
      '<news:publication>',
      `<news:name>${escapeXml(story.source)}</news:name>`,
      `<news:language>${escapeXml(story.lang)}</news:language>`,
      '</news:publication>',
      `<news:publication_date>${story.date.iso}</news:publication_date>`,
      `<news:title>${escapeXml(story.title)}</news:title>`,
      '</news:news>',
      '</url>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
