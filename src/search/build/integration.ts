import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startIndexing } from './indexer.ts';

/**
 * Builds the search index during `astro build` with Pagefind's Node API, so a built site is
 * always searchable (./indexer.ts). Its middleware hands each story page over as it is
 * rendered; only what story pages mark with `data-pagefind-body` (headline and text) is indexed.
 */
export default function searchIntegration(): AstroIntegration {
  let cacheDir = '';
  let indexing: ReturnType<typeof startIndexing> | undefined;
  return {
    name: 'dateline-search',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) =>
        addMiddleware({ entrypoint: new URL('./middleware.ts', import.meta.url), order: 'post' }),
      'astro:config:done': ({ config }) =>
        void (cacheDir = join(fileURLToPath(config.cacheDir), 'dateline-search')),
      'astro:build:start': ({ logger }) => void (indexing = startIndexing(cacheDir, logger)),
      'astro:build:done': ({ dir }) => indexing?.finish(fileURLToPath(dir)),
    },
  };
}
