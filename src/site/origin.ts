/** Where the archive is published when SITE_URL does not say: the local preview server. */
export const DEFAULT_ORIGIN = 'http://localhost:4321';

/** The canonical origin, from SITE_URL (Astro's `site`), without a trailing slash. */
export const origin = (import.meta.env?.SITE ?? DEFAULT_ORIGIN).replace(/\/$/, '');

/** A path of the archive as an absolute URL, for canonical links, feeds and structured data. */
export const absolute = (path: string) => `${origin}${path}`;
