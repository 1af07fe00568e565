import { siteUrl } from '#src/domain/urls.ts';
import { redirects } from '../archive.ts';
import { keyedRoutes } from '../cache-key.ts';
import { absolute } from '../origin.ts';

/** An old address of a story: where the story is now. */
export function movedView(index: number) {
  const { from, to, title } = redirects()[index]!;
  return { path: siteUrl(from), to: siteUrl(to), canonical: absolute(siteUrl(to)), title };
}

/** getStaticPaths for the old addresses: `/2019/11/18/old-slug/`, each a page that sends on. */
export const movedRoutes = () =>
  keyedRoutes(
    redirects().map(({ from }, index) => ({
      params: { moved: from.slice(1, -1) },
      props: { index },
    })),
    ({ index }) => movedView(index),
  );
