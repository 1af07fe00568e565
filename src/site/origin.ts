import { LOCAL_SITE_URL } from '#src/util/site-address.ts';

/**
 * The canonical origin, `https://newsroom.github.io`: Astro's `site` (from SITE_URL) without its
 * path, which Astro's `base` holds and every URL of src/domain/urls.ts starts with.
 */
export const origin = new URL(import.meta.env?.SITE ?? LOCAL_SITE_URL).origin;

/** A URL of the archive (`/archive/2019/…/`) as an absolute one, for canonical links and feeds. */
export const absolute = (url: string) => `${origin}${url}`;
