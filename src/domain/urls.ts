import { pad2 } from './text.ts';

/**
 * Every address in the archive. Templates, feeds, sitemaps and the search page take their links
 * from here and never build one by hand.
 *
 * Two kinds of address: a **site path** (`/2019/11/19/slug/`) names a page within the archive,
 * whatever address the archive is published at; it is what editors write (links in stories,
 * `aliases:`), what git history and the search index hold. A **URL** is the link a reader
 * follows: the site path under the archive's base (`/archive/2019/11/19/slug/` for
 * SITE_URL=https://newsroom.github.io/archive). Every URL below is made by `at`.
 */

/**
 * The base the archive is published under, `/` or `/archive/`: Astro's `base`, from SITE_URL,
 * which Vite writes into pages and browser scripts. Outside Vite (commands, integrations,
 * worker threads) there is none: those deal in site paths.
 */
const BASE = baseOf(import.meta.env?.BASE_URL);

function baseOf(base: string | undefined): string {
  const inner = (base ?? '').replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}

/** A site path as a URL: the one place the base is added. */
function at(path: string): string {
  return BASE === '/' ? path : `${BASE}${path.slice(1)}`;
}

/**
 * A site path held as data (an old address, a search part's folder) as a URL; every other URL
 * has a function of its own below.
 */
export const siteUrl = (path: string) => at(path);

/** A URL path as a request carries it, `/archive/2019/`, back to its site path; null outside. */
export function sitePath(url: string): string | null {
  if (BASE === '/') return url;
  if (url === BASE.slice(0, -1)) return '/';
  return url.startsWith(BASE) ? url.slice(BASE.length - 1) : null;
}

/** The kinds of term a story is filed under, each with pages of its own: `/sources/trend/`. */
export type TermKind = 'sources' | 'authors' | 'places' | 'topics';
export type FeedFormat = 'xml' | 'json';

/** The slug is the file name without `.md`. */
export function slugOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/**
 * A story's site path, `/2019/11/19/<slug>/`: the calendar date in the story's own offset, then
 * its slug. That is the date as the story's ISO text writes it: `2019-11-20T01:30:00+05:00` is
 * filed on the 20th.
 */
export function storyPath(id: string, dateIso: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(dateIso);
  if (!day) throw new Error(`Invalid story date ${dateIso}: not an ISO 8601 date`);
  return `/${day[1]}/${day[2]}/${day[3]}/${slugOf(id)}/`;
}

/** A story's URL. */
export const articleUrl = (id: string, dateIso: string) => at(storyPath(id, dateIso));

export const homeUrl = () => at('/');
export const yearUrl = (year: number) => at(`/${year}/`);
export const monthUrl = (year: number, month: number) => at(`/${year}/${pad2(month)}/`);
export const dayUrl = (year: number, month: number, day: number) =>
  at(`/${year}/${pad2(month)}/${pad2(day)}/`);

/**
 * `/places/`: every term of a kind; `/places/#country-tm`, one country's places on it.
 */
export const termIndexUrl = (kind: TermKind, anchor?: string) =>
  at(`/${kind}/${anchor ? `#${anchor}` : ''}`);
/** `/places/ashgabat-turkmenistan/`. */
export const termUrl = (kind: TermKind, slug: string) => at(`/${kind}/${slug}/`);

/** The folder of the countries' pages, beside the places' own: no place may take its slug. */
const COUNTRIES = 'countries';
/** The folder of the maps' shared drawings (`/places/maps/us.svg`): no place may take it. */
const MAPS = 'maps';
/** Slugs a term cannot have, because a page of another kind lives there. */
export const RESERVED_TERM_SLUGS: Record<TermKind, readonly string[]> = {
  sources: [],
  authors: [],
  places: [COUNTRIES, MAPS],
  topics: [],
};
/**
 * A country's page, by its ISO 3166-1 code, which stays when its name changes (`Turkey`,
 * `Türkiye`): `/places/countries/tm/`.
 */
export const countryUrl = (code: string) => at(`/places/${COUNTRIES}/${code.toLowerCase()}/`);

/**
 * A map's land and borders as an SVG file, drawn once a build and shared by the place pages
 * that mark a place on it: `/places/maps/us.svg`, `/places/maps/world.svg`.
 */
export const placeMapPath = (name: string) => `/places/${MAPS}/${name.toLowerCase()}.svg`;
export const placeMapUrl = (name: string) => at(placeMapPath(name));

/** `/on-this-day/`, and one calendar day in every year: `/on-this-day/11-19/`. */
export const onThisDayUrl = (key?: string) => at(key ? `/on-this-day/${key}/` : '/on-this-day/');
export const correctionsUrl = () => at('/corrections/');
export const searchUrl = () => at('/search/');

/**
 * A listing's feed beside it, from the listing's URL: `/sources/trend/feed.xml`; the whole
 * archive's at `/feed.xml`.
 */
export const feedUrl = (listing: string, format: FeedFormat) => `${listing}feed.${format}`;

/** A file of `public/`, such as the favicon. */
export const assetUrl = (file: string) => at(`/${file}`);

/**
 * Files of the search index, under `/pagefind/`, as site paths: the index and its manifest are
 * the same whatever the base, and the browser puts the base before them (`searchIndexUrl`).
 */
export const searchIndexPath = (file = '') => `/pagefind/${file}`;
export const searchIndexUrl = (file = '') => at(searchIndexPath(file));

/**
 * `npm run dev` only: which revision of the stories the dev server has read, so that a page
 * rendered before the latest save reloads (src/integrations/dev-preview.ts).
 */
export const devRevisionPath = '/__dateline/revision';
export const devRevisionUrl = () => at(devRevisionPath);

/** Page N of a paginated listing, from the listing's URL: page 1 is the listing itself. */
export function pageUrl(listing: string, page: number): string {
  return page <= 1 ? listing : `${listing}page/${page}/`;
}

/**
 * Whether a site path is one of the archive's own pages other than a story: a listing, an index,
 * search, or a folder of its files. An old address of a story may never be one of them.
 */
export function isArchivePage(path: string): boolean {
  return ARCHIVE_PAGE.test(path);
}
const ARCHIVE_PAGE =
  /^\/(?:(?:sources|authors|places|topics|on-this-day|corrections|search|page|pagefind|_astro)\/|\d{4}\/(?:\d{2}\/(?:\d{2}\/(?:page\/\d+\/)?|page\/\d+\/)?)?$|$)/;

export interface UrlCollision {
  url: string;
  files: string[];
}

/** Stories that would be published at the same address, each group naming every file involved. */
export function findUrlCollisions(
  stories: { id: string; file: string; date: string }[],
): UrlCollision[] {
  const byUrl = new Map<string, string[]>();
  for (const story of stories) {
    const url = storyPath(story.id, story.date);
    const files = byUrl.get(url);
    if (files) files.push(story.file);
    else byUrl.set(url, [story.file]);
  }
  return [...byUrl]
    .filter(([, files]) => files.length > 1)
    .map(([url, files]) => ({ url, files: files.sort() }));
}
