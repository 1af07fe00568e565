// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypeSafeHtml from './src/lib/safe-html.ts';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import drafts from './src/integrations/drafts.ts';
import security from './src/integrations/security.ts';

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  // Tests and benchmarks build elsewhere so they never touch the site you are working on.
  outDir: process.env.DATELINE_OUT || './dist',
  cacheDir: process.env.DATELINE_CACHE || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // Wire copy is published verbatim: no smart quotes or dashes that the agency did not send.
    // Raw HTML in a story is parsed, then cut to an allow-list, before headings get their anchors.
    processor: unified({ rehypePlugins: [rehypeRaw, rehypeSafeHtml, rehypeSlug], smartypants: false }),
  },
  // The sitemap splits itself into files of at most 45,000 URLs, under the protocol's 50,000.
  integrations: [sitemap({ filter: (page) => !/\/404\/?$/.test(page), entryLimit: 45_000 }), drafts(), pagefind(), security()],
  server: { port: 4321, host: 'localhost' },
  devToolbar: { enabled: false },
});
