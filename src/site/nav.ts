import { homeUrl, onThisDayUrl, termIndexUrl } from '#src/domain/urls.ts';

/** The sections of the site's main navigation, in the order the header shows them. */
export type Section =
  'latest' | 'sources' | 'places' | 'topics' | 'authors' | 'on-this-day' | 'search';

export const NAV_LINKS: [Section, string, string][] = [
  ['latest', homeUrl(), 'Latest'],
  ['sources', termIndexUrl('sources'), 'Sources'],
  ['places', termIndexUrl('places'), 'Places'],
  ['topics', termIndexUrl('topics'), 'Topics'],
  ['authors', termIndexUrl('authors'), 'Authors'],
  ['on-this-day', onThisDayUrl(), 'On this day'],
];
