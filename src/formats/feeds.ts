import type { Story } from '#src/domain/story.ts';
import { getRssString } from '@astrojs/rss';
import { escapeXml } from './xml.ts';

/** How many stories a feed carries: the latest. */
export const FEED_SIZE = 50;

export interface FeedInfo {
  title: string;
  description: string;
  /** The language of the feed's own text (its title, its description): a BCP 47 tag. */
  language: string;
  /** Absolute URL of the listing the feed follows. */
  pageUrl: string;
  /** Absolute URLs of the feed in each format. */
  rssUrl: string;
  jsonUrl: string;
}

export interface FeedEntry {
  story: Story;
  /** Absolute URL of the story. */
  url: string;
  /** The story's full text as HTML, links absolute. */
  html: string;
  /** ISO date of the last change, if any. */
  modified?: string;
  /** The lead photo: its share rendition, with an absolute URL. */
  image?: { url: string; width: number; height: number; type: string; alt: string };
}

/** Media RSS: the lead photo of an item, its size and what it shows. */
function mediaContent(image: NonNullable<FeedEntry['image']>): string {
  const description = image.alt
    ? `<media:description type="plain">${escapeXml(image.alt)}</media:description>`
    : '';
  return (
    `<media:content url="${escapeXml(image.url)}" medium="image" type="${image.type}" ` +
    `width="${image.width}" height="${image.height}">${description}</media:content>`
  );
}

/**
 * RSS 2.0 through @astrojs/rss, with the full text in content:encoded. RSS dates are in GMT,
 * so each item also carries dc:date, the filing time with the story's own offset, and
 * dc:creator for each byline name (RSS's own author field wants an e-mail address). A lead
 * photo is Media RSS's media:content: an enclosure needs the file's length in bytes, which is
 * not known until Astro writes the photo, after the feeds are rendered.
 */
export async function rssFeed(feed: FeedInfo, entries: FeedEntry[]): Promise<string> {
  return getRssString({
    title: feed.title,
    description: feed.description,
    site: feed.pageUrl,
    xmlns: {
      dc: 'http://purl.org/dc/elements/1.1/',
      atom: 'http://www.w3.org/2005/Atom',
      ...(entries.some((entry) => entry.image) ? { media: 'http://search.yahoo.com/mrss/' } : {}),
    },
    customData:
      `<language>${escapeXml(feed.language)}</language>` +
      `<atom:link href="${escapeXml(feed.rssUrl)}" rel="self" ` +
      `type="application/rss+xml"/>`,
    items: entries.map(({ story, url, html, image }) => ({
      title: story.title,
      link: url,
      pubDate: new Date(story.date.instant),
      description: story.summary,
      content: html,
      categories: [story.source, ...story.topics],
      customData: [
        `<dc:date>${story.date.iso}</dc:date>`,
        ...story.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`),
        ...(image ? [mediaContent(image)] : []),
      ].join(''),
    })),
  });
}

/** JSON Feed 1.1. */
export function jsonFeed(feed: FeedInfo, entries: FeedEntry[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.pageUrl,
      feed_url: feed.jsonUrl,
      description: feed.description,
      language: feed.language,
      items: entries.map(({ story, url, html, modified, image }) => ({
        id: url,
        url,
        title: story.title,
        content_html: html,
        ...(story.summary ? { summary: story.summary } : {}),
        ...(image ? { image: image.url } : {}),
        date_published: story.date.iso,
        ...(modified ? { date_modified: modified } : {}),
        ...(story.authors.length ? { authors: story.authors.map((name) => ({ name })) } : {}),
        tags: [story.source, ...story.topics],
        language: story.lang,
      })),
    },
    null,
    1,
  )}\n`;
}
