import { defineMiddleware } from 'astro:middleware';
import { searchSink } from './handover.ts';
import { pageFile } from '#src/search/parts.ts';
import { sitePath } from '#src/domain/urls.ts';

/**
 * During `astro build`, hands each story page to the search step as it is rendered, so that
 * search parts are indexed while the rest of the site is still being built (./capture.ts).
 * Anywhere else there is no sink, and this does nothing.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = searchSink();
  if (!sink) return response;
  if (sink.waiting) {
    // Loaded here, on the first page, not at the top: only a build has a sink to tell.
    const { searchPages } = await import('#src/site/views/story.ts');
    sink.expect(searchPages());
  }
  // The request's path carries the base (`/archive/2019/…/`); the pages the sink expects are
  // named by their files in the site, which do not.
  const path = sitePath(decodeURI(context.url.pathname));
  const file = path === null ? null : pageFile(path);
  if (file === null || !sink.wants(file) || response.status !== 200) return response;
  const html = await response.text();
  sink.capture(file, html);
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
