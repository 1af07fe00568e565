/**
 * Where the archive is published, from SITE_URL. Astro's `site` and `base` are both made from
 * it: `https://newsroom.github.io/archive` puts every page, asset and search file under
 * `/archive/`.
 */
export interface SiteAddress {
  /** `https://newsroom.github.io`, without a trailing slash. */
  origin: string;
  /** `/archive/`, or `/`: always with both slashes. */
  base: string;
  /** `https://newsroom.github.io/archive/`. */
  href: string;
  /** Whether only the machine that built the site can open it (localhost and the like). */
  local: boolean;
}

/** The address of a build without SITE_URL: the local preview server. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

const LOCAL_HOSTS = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$/;
const EXAMPLE = 'for example SITE_URL=https://newsroom.github.io/archive';

/** SITE_URL read, or what is wrong with it and how to write it. */
export function parseSiteAddress(value: string | undefined): SiteAddress | { error: string } {
  const text = (value ?? '').trim() || LOCAL_SITE_URL;
  const wrong = (what: string) => ({ error: `SITE_URL "${text}" ${what}` });
  if (!URL.canParse(text) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    return wrong(
      `is not an absolute URL: give the address the archive is published at, ${EXAMPLE}`,
    );
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return wrong(`must start with https:// (or http://), ${EXAMPLE}`);
  if (url.username || url.password) return wrong('must not hold a user name or password');
  if (url.search || url.hash || text.includes('?') || text.includes('#'))
    return wrong(
      `must not have a query (?…) or a fragment (#…): give the address alone, ${EXAMPLE}`,
    );
  // As written: the URL parser would have dropped the "." and ".." folders already.
  const written = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
  if (/\/\/|(^|\/)\.\.?(\/|$)/.test(written))
    return wrong('has an empty, "." or ".." folder in its path');
  const path = url.pathname.replace(/\/+$/, '');
  const base = `${path}/`;
  return {
    origin: url.origin,
    base,
    href: `${url.origin}${base}`,
    local: LOCAL_HOSTS.test(url.hostname),
  };
}
