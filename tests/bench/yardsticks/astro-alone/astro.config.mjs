// Astro alone, for Dateline's benchmark: one page per story with its headline, and nothing
// else. No Markdown, no listing pages, no search index: the least an Astro build of the
// archive's stories can cost on the machine that runs the bench.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.FLOOR_OUT || './dist',
  cacheDir: process.env.FLOOR_CACHE || './node_modules/.astro',
  // Dateline's own settings for writing pages, so the two differ only in what a page holds.
  build: { format: 'directory', concurrency: 8 },
  devToolbar: { enabled: false },
});
