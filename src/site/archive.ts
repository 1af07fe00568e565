import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ImageMetadata } from 'astro';
import { contentDir } from '#src/ingest/content-dir.ts';
import { devState, devStories, hasPhotos } from '#src/ingest/dev-state.ts';
import { readHistory, readHistoryOnce, type Revision } from '#src/ingest/history.ts';
import { sharedPlaceBook } from '#src/ingest/places/shared-book.ts';
import { buildArchive } from '#src/domain/archive.ts';
import type { Story } from '#src/domain/story.ts';
import { SITE_LANGUAGE } from '#src/domain/language.ts';
import {
  buildTaxonomy,
  placesByCountry,
  termIndex,
  termsOf,
  type Term,
  type TermKind,
} from '#src/domain/taxonomy.ts';
import { onThisDay } from '#src/domain/calendar.ts';
import { compareStrings } from '#src/domain/text.ts';
import { planRedirects, type Redirect } from '#src/domain/redirects.ts';
import { siteUrl, storyPath } from '#src/domain/urls.ts';
import { absolute } from './origin.ts';
import { siteFacts } from './facts.ts';
import { buildRecord } from '#src/util/build-record.ts';
import { photoKey, type Photo, type RemotePhoto } from '#src/photos/pictures.ts';

/** `astro dev` only: the revision of the stories this archive was read from (DevReload). */
export const devRevision = import.meta.env.DATELINE_DEV ? devState().revision : undefined;
/**
 * The archive as every page sees it, built once per build from the collection: every page
 * module imports this one module, so the collection is read and ordered once, not once per
 * page. Views (./views/) read from it; pages read views.
 */
// In `astro dev` the stories come from the loader's memory, a story just saved included; only
// stories with photos go through Astro's collection, which resolves them.
const live = import.meta.env.DATELINE_DEV ? devState().stories?.() : undefined;
const collection = live
  ? devStories<CollectionEntry<'articles'>>(
      live,
      live.some(hasPhotos)
        ? new Map((await getCollection('articles')).map((entry) => [entry.id, entry]))
        : new Map(),
      (story) => ({ ...story, collection: 'articles' }) as CollectionEntry<'articles'>,
    )
  : await getCollection('articles');
// Drafts show in `npm run dev` and never reach a build: no page, listing, feed or index has them.
const entries = collection.filter(
  (entry) => import.meta.env.DATELINE_SHOW_DRAFTS || !entry.data.draft,
);
// Where each story was filed, as the content loader read it (src/ingest/places/).
const places = sharedPlaceBook();
export const archive = buildArchive(
  entries.map((entry) => ({ id: entry.id, data: entry.data })),
  (data) => places.placeOf(data),
);
buildRecord().published = archive.stories.length;

/** Newest first, for the home page and the feeds. */
export const latestFirst = archive.stories.toReversed();

const entriesById = new Map(entries.map((entry) => [entry.id, entry]));

/** A story's collection entry, for the pages and feeds that render its text. */
export function entryOf(story: Story): CollectionEntry<'articles'> {
  return entriesById.get(story.id)!;
}

/** A story's lead photo, and what its page says of it. */
export interface LeadPhoto {
  photo: Photo;
  /** Stands for the photo in the keys of the pages that show it (src/photos/pictures.ts). */
  key: string;
  alt: string;
  caption?: string;
  credit?: string;
}

/** Photos on photo hosts a story shows, by URL, with the sizes the loader read. */
function remotePhotos(entry: CollectionEntry<'articles'>): RemotePhoto[] {
  return (entry.rendered?.metadata?.remotePhotos as RemotePhoto[] | undefined) ?? [];
}

/** Story id to its lead photo, for its page, the listings that show it and the feeds. */
export const leadPhotos = new Map<string, LeadPhoto>(
  entries.flatMap((entry) => {
    const image = entry.data.image;
    if (!image) return [];
    const src = image.src as ImageMetadata | string;
    const photo =
      typeof src === 'string' ? remotePhotos(entry).find((remote) => remote.url === src) : src;
    if (!photo) throw new Error(`the lead photo of ${entry.id} was not resolved by the collection`);
    const { alt, caption, credit } = image;
    return [[entry.id, { photo, key: photoKey(photo), alt, caption, credit }]];
  }),
);

/** Lead photos by their keys, for the listings whose views hold only the key. */
const photosByKey = new Map([...leadPhotos.values()].map((lead) => [lead.key, lead.photo]));

export function photoFor(key: string): Photo {
  const photo = photosByKey.get(key);
  if (!photo) throw new Error(`no lead photo has the key ${key}`);
  return photo;
}

/** The photos a story's text shows: its own, numbered as its placeholders are, and remote ones. */
export function bodyPhotosOf(story: Story): { own: Photo[]; remote: RemotePhoto[] } {
  const entry = entryOf(story);
  return { own: (entry.data.bodyImages ?? []) as Photo[], remote: remotePhotos(entry) };
}

/** Sources, authors, places and topics, each with its stories newest first. */
export const taxonomies: Record<TermKind, Term[]> = {
  sources: buildTaxonomy(archive.stories, 'sources'),
  authors: buildTaxonomy(archive.stories, 'authors'),
  places: buildTaxonomy(archive.stories, 'places'),
  topics: buildTaxonomy(archive.stories, 'topics'),
};

const lookup = new Map(
  Object.entries(taxonomies).flatMap(([kind, terms]) => [...termIndex(terms, kind as TermKind)]),
);

/** The terms a story is filed under, as pages that exist. */
export function termsFor(story: Story, kind: TermKind): Term[] {
  return termsOf(story, kind).flatMap(({ key }) => lookup.get(`${kind}:${key}`) ?? []);
}

/** Places by country; every place has one. */
export const countries = placesByCountry(taxonomies.places, SITE_LANGUAGE);

/** Stories filed under no place: no dateline, one that names none, or `place: false`. */
export const unplaced = archive.stories.filter((story) => !story.place).length;

/**
 * Each story file's history from git, read once per build: its revisions, and the addresses it
 * had before. Empty outside a repository.
 */
const history = (import.meta.env.DATELINE_DEV ? readHistoryOnce : readHistory)(contentDir);
const historyOf = <T>(map: Map<string, T[]>, story: Story): T[] => {
  const file = entriesById.get(story.id)?.filePath;
  return file ? (map.get(resolve(file)) ?? []) : [];
};
const revisionsById = new Map(
  archive.stories.map((story) => [story.id, historyOf(history.revisions, story)]),
);

/** The commits that changed a story, newest first. */
export function revisionsOf(story: Story): Revision[] {
  return revisionsById.get(story.id) ?? [];
}

/**
 * When a story last changed: its `updated` frontmatter, else its latest commit if it has more than
 * one.
 */
export function lastModified(story: Story): string | undefined {
  const revisions = revisionsOf(story);
  return story.updated?.iso ?? (revisions.length > 1 ? revisions[0]!.date : undefined);
}

/** Every correction in the archive, newest first, with its story. */
export const allCorrections = archive.stories
  .flatMap((story) => story.corrections.map((correction) => ({ story, correction })))
  .sort(
    (a, b) =>
      b.correction.date.instant - a.correction.date.instant ||
      compareStrings(a.story.id, b.story.id),
  );

/** Calendar days with stories in any year. */
export const anniversaries = onThisDay(archive);

/**
 * Every old address that still answers, from the stories' aliases and their history in git.
 * The aliases were checked when the stories were read (src/ingest/loader.ts); an address from
 * git that another story has now gives way to it (`npm run check` lists those).
 */
let planned: Redirect[] | undefined;
/** Planned when first asked for: `astro dev` asks only for an old address's page. */
export const redirects = (): Redirect[] =>
  (planned ??= planRedirects(
    archive.stories.map((story) => ({
      file: entriesById.get(story.id)?.filePath ?? story.id,
      path: storyPath(story.id, story.date.iso),
      title: story.title,
      aliases: (entriesById.get(story.id)!.data.aliases ?? []).map((path) => ({ path })),
      former: historyOf(history.former, story),
    })),
  ).redirects);

// What the build's last steps need, handed over in the build's own process (./facts.ts).
if (!import.meta.env.DATELINE_DEV)
  Object.assign(siteFacts(), {
    lastModified: new Map(
      archive.stories.map((story) => [
        absolute(story.url),
        lastModified(story) ?? revisionsOf(story)[0]?.date ?? story.date.iso,
      ]),
    ),
    redirects: redirects().map(({ from, to }) => ({ from: siteUrl(from), to: siteUrl(to) })),
  });
