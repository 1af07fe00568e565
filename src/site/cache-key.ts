import { createHash } from 'node:crypto';

/**
 * A key for Astro's incremental build (`cacheKey` in getStaticPaths): a hash of everything a
 * page shows. An unchanged key lets the next build reuse the page instead of rendering it, so
 * leaving out an input would leave stale pages: the incremental-build test compares a rebuilt
 * site with a clean build, file by file.
 */
export function cacheKey(...inputs: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(inputs)).digest('base64url');
}
