// @ts-check
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { storyMarkdown } from '#src/ingest/markdown.ts';
import search from '#src/search/build/integration.ts';
import buildRecord from '#src/integrations/build-record.ts';
import photoCache from '#src/integrations/photo-cache.ts';
import drafts from '#src/integrations/drafts.ts';
import security from '#src/integrations/security.ts';
import { photoHosts, photoSources } from '#src/photos/hosts.ts';
import { MAX_PIXELS } from '#src/photos/check.ts';
import { setServicePaths } from '#src/photos/service-paths.ts';
import redirects from '#src/integrations/redirects.ts';
import sitemap from '#src/integrations/sitemap.ts';
import buildProgress from '#src/integrations/build-progress.ts';
import devPreview from '#src/integrations/dev-preview.ts';
import { sourceHash } from '#src/integrations/csp.ts';
import { THEME_SCRIPT } from '#src/site/theme.ts';
import { loadSettings, siteAddress } from '#src/util/settings.ts';

// Settings from the environment, else from .env files (src/util/settings.ts). Astro sets
// NODE_ENV before it reads this file: `development` for `astro dev`.
loadSettings(
  fileURLToPath(new URL('.', import.meta.url)),
  process.env.NODE_ENV === 'development' ? 'development' : 'production',
);
// SITE_URL gives both: https://newsroom.github.io/archive is the site, /archive/ its base.
const address = siteAddress();
// Hosts stories may take photos from (src/archive.config.ts, or DATELINE_PHOTO_HOSTS).
const hosts = photoHosts();
const cacheDir = process.env.DATELINE_CACHE || './node_modules/.astro';
setServicePaths({
  encoder: fileURLToPath(new URL('./src/photos/encoder.ts', import.meta.url)),
  cache: resolve(fileURLToPath(new URL('.', import.meta.url)), cacheDir, 'assets'),
});

export default defineConfig({
  site: address.href,
  base: address.base,
  // Tests and benchmarks build elsewhere so they never touch the site you are working on.
  outDir: process.env.DATELINE_OUT || './dist',
  cacheDir,
  trailingSlash: 'always',
  // Pages render eight at a time: rendering is quick, and writing each file one after the other
  // left the build waiting on the disk about a third of the time.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // Stories render on worker threads with this same pipeline (src/ingest/pool.ts). No syntax
  // highlighting: stories are news, and the story sanitiser would cut Shiki's inline styles
  // (which the Content-Security-Policy would block anyway).
  markdown: { processor: storyMarkdown, syntaxHighlight: false },
  integrations: [
    sitemap(address.href),
    drafts(),
    search(),
    security(),
    redirects(),
    buildProgress(),
    devPreview(),
    photoCache(),
    buildRecord(),
  ],
  // Astro's log lines, but a progress line every few seconds instead of one per page
  // (src/integrations/build-log.ts; DATELINE_VERBOSE=1 prints every page).
  logger: {
    entrypoint: fileURLToPath(new URL('./src/integrations/build-log.ts', import.meta.url)),
  },
  // Photos (src/photos/): pages ask for each rendition themselves (widths and sizes for the text
  // column, WebP with a JPEG fallback), so no Astro layout and no Astro image styles. Photos of
  // the archive's photo hosts are downloaded and optimised at build time, like local ones. WebP
  // at effort 0, the quickest: higher efforts saved a few bytes for much more time (BENCHMARKS.md,
  // "Photos"). Photos over the limit the loader enforces are refused by sharp too.
  image: {
    remotePatterns: hosts,
    service: {
      entrypoint: './src/photos/service.ts',
      config: {
        webp: { quality: 75, effort: 0 },
        limitInputPixels: MAX_PIXELS,
      },
    },
  },
  server: { port: 4321, host: 'localhost' },
  devToolbar: { enabled: false },
  // The Content-Security-Policy, as a <meta> element on every page, so that it reaches readers on
  // hosts that send no headers (GitHub Pages, object stores). Astro adds the hashes of the
  // scripts it bundles and inlines. What a <meta> policy cannot carry (frame-ancestors) is sent
  // by public/_headers and deploy/nginx.conf; src/integrations/security.ts checks both.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // Photos are served from the site; the photo hosts are the only others allowed.
        `img-src ${["'self'", ...photoSources(hosts)].join(' ')}`,
        "font-src 'self'",
        "connect-src 'self'",
        // Pagefind starts its worker from a blob: URL.
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // Pagefind compiles its WebAssembly.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        // Astro hashes the scripts it bundles, not one written with is:inline or set:html
        // (https://github.com/withastro/astro/issues/16678): the theme script's hash is added here.
        hashes: [sourceHash(THEME_SCRIPT)],
      },
    },
  },
  // Pages whose getStaticPaths key is unchanged are reused from the last build
  // (src/site/cache-key.ts). DATELINE_INCREMENTAL=0 turns it off, for measuring what it costs.
  experimental: { incrementalBuild: process.env.DATELINE_INCREMENTAL !== '0' },
});
