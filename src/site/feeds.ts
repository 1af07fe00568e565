import { archive, entriesById, lastModified, taxonomies } from './archive.ts';
import type { Story } from '#src/domain/archive.ts';
import { FEED_SIZE, jsonFeed, rssFeed, type FeedEntry, type FeedInfo } from '#src/formats/feeds.ts';
import { KIND_LABELS, type TermKind } from '#src/domain/taxonomy.ts';
import { absolutizeHtml } from '#src/formats/xml.ts';
import { cacheKey } from './cache-key.ts';

/** The canonical origin, from SITE_URL. */
export const site = (import.meta.env.SITE ?? 'http://localhost:4321').replace(/\/$/, '');
export const absolute = (path: string) => `${site}${path}`;

// A story is in several feeds (its source's, its authors', topics', place's, each in two
// formats): its feed entry is made once.
const feedEntries = new Map<string, FeedEntry>();

function entryFor(story: Story): FeedEntry {
  let entry = feedEntries.get(story.id);
  if (!entry) {
    const html = entriesById.get(story.id)?.rendered?.html ?? '';
    entry = { story, url: absolute(story.url), html: absolutizeHtml(html, site), modified: lastModified(story) };
    feedEntries.set(story.id, entry);
  }
  return entry;
}

export const FORMATS = ['xml', 'json'] as const;
export type FeedFormat = (typeof FORMATS)[number];

/** The feed of a listing: the latest stories, newest first. */
export async function feedResponse(format: FeedFormat, info: FeedInfo, stories: Story[]): Promise<Response> {
  const entries = stories.slice(0, FEED_SIZE).map(entryFor);
  return format === 'xml'
    ? new Response(await rssFeed(info, entries), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
    : new Response(jsonFeed(info, entries), { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}

/** Where a listing's feeds live: `/sources/trend/feed.xml` beside `/sources/trend/`. */
export function feedInfo(title: string, description: string, pagePath: string): FeedInfo {
  return { title, description, pageUrl: absolute(pagePath), rssUrl: absolute(`${pagePath}feed.xml`), jsonUrl: absolute(`${pagePath}feed.json`) };
}

export const siteFeed = feedInfo('Dateline: latest stories', 'The latest stories in the Dateline archive, with their full text.', '/');

/** getStaticPaths for the feeds of every term of one kind; a feed's key covers its stories' text. */
export function termFeedPaths(kind: TermKind) {
  return taxonomies[kind].flatMap((term, index) => {
    const { info, stories } = termFeed(kind, index);
    const key = cacheKey(info, stories.map((story) => [story, entriesById.get(story.id)?.digest, lastModified(story)]));
    return FORMATS.map((format) => ({ params: { slug: term.slug, format }, props: { index }, cacheKey: key }));
  });
}

export function termFeed(kind: TermKind, index: number): { info: FeedInfo; stories: Story[] } {
  const term = taxonomies[kind][index]!;
  const info = feedInfo(`Dateline: ${term.label}`, `The latest stories filed under the ${KIND_LABELS[kind].singular.toLowerCase()} ${term.label}, with their full text.`, `/${kind}/${term.slug}/`);
  return { info, stories: term.stories.slice(0, FEED_SIZE).map((position) => archive.stories[position]!) };
}
