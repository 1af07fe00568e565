import { pad2 } from './text.ts';

/**
 * Every address in the archive, as a path from the site's root. Templates, feeds, sitemaps
 * and the search page take their links from here and never build one by hand.
 */

/** The kinds of term a story is filed under, each with pages of its own: `/sources/trend/`. */
export type TermKind = 'sources' | 'authors' | 'places' | 'topics';
export type FeedFormat = 'xml' | 'json';

/** The slug is the file name without `.md`. */
export function slugOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * `/2019/11/19/<slug>/`: the calendar date in the story's own offset, then its slug. That is
 * the date as the story's ISO text writes it: `2019-11-20T01:30:00+05:00` is filed on the 20th.
 */
export function articleUrl(id: string, dateIso: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateIso);
  if (!day) throw new Error(`Invalid story date ${dateIso}: not an ISO 8601 date`);
  return `/${day[1]}/${day[2]}/${day[3]}/${slugOf(id)}/`;
}

export const homeUrl = () => '/';
export const yearUrl = (year: number) => `/${year}/`;
export const monthUrl = (year: number, month: number) => `/${year}/${pad2(month)}/`;
export const dayUrl = (year: number, month: number, day: number) =>
  `/${year}/${pad2(month)}/${pad2(day)}/`;

/**
 * `/places/`: every term of a kind; `/places/#country-turkmenistan`, one country's places on it.
 */
export const termIndexUrl = (kind: TermKind, anchor?: string) =>
  `/${kind}/${anchor ? `#${anchor}` : ''}`;
/** `/places/ashgabat-turkmenistan/`. */
export const termUrl = (kind: TermKind, slug: string) => `/${kind}/${slug}/`;

/** `/on-this-day/`, and one calendar day in every year: `/on-this-day/11-19/`. */
export const onThisDayUrl = (key?: string) => (key ? `/on-this-day/${key}/` : '/on-this-day/');
export const correctionsUrl = () => '/corrections/';
export const searchUrl = () => '/search/';

/** A listing's feed beside it: `/sources/trend/feed.xml`; the whole archive's at `/feed.xml`. */
export const feedUrl = (listing: string, format: FeedFormat) => `${listing}feed.${format}`;

/** A file of `public/`, such as the favicon. */
export const assetUrl = (file: string) => `/${file}`;

/** Files of the search index, under `/pagefind/`. */
export const searchIndexUrl = (file = '') => `/pagefind/${file}`;

/** Page N of a paginated listing: page 1 is the listing itself. */
export function pageUrl(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

export interface UrlCollision {
  url: string;
  files: string[];
}

/** Stories that would be written to the same URL, each group naming every file involved. */
export function findUrlCollisions(
  stories: { id: string; file: string; date: string }[],
): UrlCollision[] {
  const byUrl = new Map<string, string[]>();
  for (const story of stories) {
    const url = articleUrl(story.id, story.date);
    const files = byUrl.get(url);
    if (files) files.push(story.file);
    else byUrl.set(url, [story.file]);
  }
  return [...byUrl]
    .filter(([, files]) => files.length > 1)
    .map(([url, files]) => ({ url, files: files.sort() }));
}
