/** The sections of the site's main navigation, in the order the header shows them. */
export type Section = 'latest' | 'sources' | 'places' | 'topics' | 'authors' | 'on-this-day' | 'search';

export const NAV_LINKS: [Section, string, string][] = [
  ['latest', '/', 'Latest'],
  ['sources', '/sources/', 'Sources'],
  ['places', '/places/', 'Places'],
  ['topics', '/topics/', 'Topics'],
  ['authors', '/authors/', 'Authors'],
  ['on-this-day', '/on-this-day/', 'On this day'],
];
