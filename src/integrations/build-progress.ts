import type { AstroIntegration } from 'astro';
import { progress } from '#src/util/progress.ts';

/**
 * Tells the build's progress lines (./build-log.ts) how many pages there are: Astro asks its
 * prerenderer for every route's paths before it writes the first page, so a prerenderer that
 * passes everything to Astro's own, and notes the count on the way, knows.
 */
export default function buildProgressIntegration(): AstroIntegration {
  return {
    name: 'dateline-build-progress',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astro) => ({
          ...astro,
          getStaticPaths: async () => {
            const paths = await astro.getStaticPaths();
            progress().pagesTotal = paths.length;
            return paths;
          },
        }));
      },
    },
  };
}
