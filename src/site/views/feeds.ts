import type { Story } from '#src/domain/story.ts';
import { KIND_LABELS, type TermKind } from '#src/domain/taxonomy.ts';
import { feedUrl, homeUrl, termUrl, type FeedFormat } from '#src/domain/urls.ts';
import { FEED_SIZE, jsonFeed, rssFeed, type FeedEntry, type FeedInfo } from '#src/formats/feeds.ts';
import { absolutizeHtml } from '#src/formats/xml.ts';
import {
  archive,
  bodyPhotosOf,
  entryOf,
  lastModified,
  latestFirst,
  leadPhotos,
  taxonomies,
} from '../archive.ts';
import { feedHtml, sharedPhoto } from '#src/photos/pictures.ts';
import { bodyPhotoKeys } from './story.ts';
import { keyedRoutes } from '../cache-key.ts';
import { absolute, origin } from '../origin.ts';
import archiveIdentity from '#src/archive.config.ts';

const { name, language } = archiveIdentity;

export const FEED_FORMATS: readonly FeedFormat[] = ['xml', 'json'];

/** Where a listing's feeds live: `/sources/trend/feed.xml` beside `/sources/trend/`. */
export function feedInfo(title: string, description: string, listing: string): FeedInfo {
  return {
    title,
    description,
    language,
    pageUrl: absolute(listing),
    rssUrl: absolute(feedUrl(listing, 'xml')),
    jsonUrl: absolute(feedUrl(listing, 'json')),
  };
}

export const siteFeedInfo = feedInfo(
  `${name}: latest stories`,
  `The latest stories in ${name}, with their full text.`,
  homeUrl(),
);

export function termFeedInfo(kind: TermKind, index: number): FeedInfo {
  const term = taxonomies[kind][index]!;
  const what = `${KIND_LABELS[kind].singular.toLowerCase()} ${term.label}`;
  return feedInfo(
    `${name}: ${term.label}`,
    `The latest stories filed under the ${what}, with their full text.`,
    termUrl(kind, term.slug),
  );
}

/**
 * What a feed carries: the latest stories, each with the digest of the text it renders and the
 * keys of the photos it shows (src/site/archive.ts).
 */
export interface FeedView {
  path: string;
  format: FeedFormat;
  info: FeedInfo;
  items: { story: Story; digest: string; modified?: string; lead?: string; photos: string[] }[];
}

function feedView(info: FeedInfo, stories: Story[], format: FeedFormat, listing: string): FeedView {
  const items = stories.slice(0, FEED_SIZE).map((story) => ({
    story,
    digest: String(entryOf(story).digest),
    modified: lastModified(story),
    lead: leadPhotos.get(story.id)?.key,
    photos: bodyPhotoKeys(story),
  }));
  return { path: feedUrl(listing, format), format, info, items };
}

export const siteFeedView = (format: FeedFormat) =>
  feedView(siteFeedInfo, latestFirst, format, homeUrl());

export function termFeedView(kind: TermKind, index: number, format: FeedFormat): FeedView {
  const term = taxonomies[kind][index]!;
  const stories = term.stories.slice(0, FEED_SIZE).map((position) => archive.stories[position]!);
  return feedView(termFeedInfo(kind, index), stories, format, termUrl(kind, term.slug));
}

export const siteFeedRoutes = () =>
  keyedRoutes(
    FEED_FORMATS.map((format) => ({ params: { format }, props: { format } })),
    ({ format }) => siteFeedView(format),
  );

export const termFeedRoutes = (kind: TermKind) =>
  keyedRoutes(
    taxonomies[kind].flatMap((term, index) =>
      FEED_FORMATS.map((format) => ({
        params: { slug: term.slug, format },
        props: { index, format },
      })),
    ),
    ({ index, format }) => termFeedView(kind, index, format),
  );

// A story is in several feeds (its source's, its authors', topics', place's, each in two
// formats): its feed entry is made once.
const feedEntries = new Map<string, Promise<FeedEntry>>();

async function makeEntry(story: Story, modified: string | undefined): Promise<FeedEntry> {
  const { own, remote } = bodyPhotosOf(story);
  const html = await feedHtml(entryOf(story).rendered?.html ?? '', own, remote);
  const lead = leadPhotos.get(story.id);
  const image = lead && { ...(await sharedPhoto(lead.photo)), alt: lead.alt };
  return { story, url: absolute(story.url), html: absolutizeHtml(html, origin), modified, image };
}

function entryFor(story: Story, modified: string | undefined): Promise<FeedEntry> {
  let entry = feedEntries.get(story.id);
  if (!entry) feedEntries.set(story.id, (entry = makeEntry(story, modified)));
  return entry;
}

/** A feed as the endpoint answers it. */
export async function feedResponse(view: FeedView): Promise<Response> {
  const entries = await Promise.all(
    view.items.map(({ story, modified }) => entryFor(story, modified)),
  );
  return view.format === 'xml'
    ? new Response(await rssFeed(view.info, entries), {
        headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
      })
    : new Response(jsonFeed(view.info, entries), {
        headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
      });
}
