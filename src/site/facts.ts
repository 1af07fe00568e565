import { shared } from '#src/util/shared.ts';

/**
 * What the archive (./archive.ts, in the pages' module graph) hands to the steps that run once
 * every page is written, in the same process: the sitemap (src/integrations/sitemap.ts) and the
 * redirect files (src/integrations/redirects.ts).
 */
export interface SiteFacts {
  /** When each story last changed, by its absolute URL: `updated`, else git, else its date. */
  lastModified: Map<string, string>;
  /** Old addresses and where each story is now, as URLs with the base. */
  redirects: { from: string; to: string }[];
}

export const siteFacts = () =>
  shared<SiteFacts>('site-facts', () => ({ lastModified: new Map(), redirects: [] }));
