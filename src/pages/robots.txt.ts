import type { APIRoute } from 'astro';
import { absolute } from '#src/site/origin.ts';

export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap-index.xml')}\nSitemap: ` +
      `${absolute('/news-sitemap.xml')}\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
