import type { APIRoute } from 'astro';
import { latestFirst } from '#src/site/archive.ts';
import { absolute } from '#src/site/origin.ts';
import { newsSitemap } from '#src/formats/sitemaps.ts';
import archiveIdentity from '#src/archive.config.ts';

/** Google News: the stories of the last two days before the archive's newest story. */
export const GET: APIRoute = () =>
  new Response(newsSitemap(latestFirst, absolute, archiveIdentity.name), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
