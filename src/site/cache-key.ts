import { buildRecord } from '#src/util/build-record.ts';
import { hashOf } from '#src/util/hash.ts';

/**
 * Incremental builds (`cacheKey` in getStaticPaths): Astro reuses the last build's copy of a
 * page whose key is unchanged. A page's key is a hash of its view, the one value the page
 * renders from (./views/), so whatever a view shows is in its key without a second edit.
 */
export function viewKey(view: unknown): string {
  return hashOf(view);
}

type Params = Record<string, string | undefined>;

/**
 * getStaticPaths entries keyed by their views: `view(props)` is what the page will render
 * from those props, and its hash is the page's key.
 */
export function keyedRoutes<P extends object>(
  routes: { params: Params; props: P }[],
  view: (props: P) => { path: string },
): { params: Params; props: P; cacheKey?: string }[] {
  // `astro dev` renders each page it is asked for and reuses none: keys would only cost a view
  // of every page in the archive each time a story is saved.
  if (import.meta.env.DATELINE_DEV) return routes;
  return routes.map(({ params, props }) => {
    const shown = view(props);
    const cacheKey = viewKey(shown);
    buildRecord().keys[shown.path] = cacheKey;
    return { params, props, cacheKey };
  });
}
