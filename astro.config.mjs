// @ts-check
import { defineConfig } from 'astro/config';
import { storyMarkdown } from '#src/ingest/markdown.ts';
import sitemap from '@astrojs/sitemap';
import search from '#src/search/build/integration.ts';
import buildRecord from '#src/integrations/build-record.ts';
import drafts from '#src/integrations/drafts.ts';
import security from '#src/integrations/security.ts';
import { DEFAULT_ORIGIN } from '#src/site/origin.ts';

export default defineConfig({
  site: process.env.SITE_URL || DEFAULT_ORIGIN,
  // Tests and benchmarks build elsewhere so they never touch the site you are working on.
  outDir: process.env.DATELINE_OUT || './dist',
  cacheDir: process.env.DATELINE_CACHE || './node_modules/.astro',
  trailingSlash: 'always',
  // Pages render eight at a time: rendering is quick, and writing each file one after the other
  // left the build waiting on the disk about a third of the time.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // Stories render on worker threads with this same pipeline (src/ingest/pool.ts).
  markdown: { processor: storyMarkdown },
  // The sitemap splits itself into files of at most 45,000 URLs, under the protocol's 50,000.
  integrations: [
    sitemap({ filter: (page) => !/\/404\/?$/.test(page), entryLimit: 45_000 }),
    drafts(),
    search(),
    security(),
    buildRecord(),
  ],
  server: { port: 4321, host: 'localhost' },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths key is unchanged are reused from the last build
  // (src/site/cache-key.ts). DATELINE_INCREMENTAL=0 turns it off, for measuring what it costs.
  experimental: { incrementalBuild: process.env.DATELINE_INCREMENTAL !== '0' },
});
