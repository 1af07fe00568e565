import type { APIRoute } from 'astro';
import { absolute } from '#src/site/origin.ts';
import { assetUrl } from '#src/domain/urls.ts';

// Crawlers read robots.txt at the root of a host only: under a path (a GitHub Pages project
// site), give the sitemap to the search engines' consoles instead.
export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absolute(assetUrl('sitemap-index.xml'))}\nSitemap: ` +
      `${absolute(assetUrl('news-sitemap.xml'))}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
