import { defineMiddleware } from 'astro:middleware';
import { pageFile, searchSink } from './handover.ts';

/**
 * During `astro build`, hands each article page to the search step as it is rendered, so that
 * search parts are indexed while the rest of the site is still being built
 * (src/integrations/search-capture.ts). Anywhere else there is no sink, and this does nothing.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const sink = searchSink();
  if (!sink) return response;
  if (sink.waiting) {
    const [{ archive }, { sortKey }] = await Promise.all([import('#src/site/archive.ts'), import('#src/domain/dates.ts')]);
    sink.expect(archive.stories.map((story) => ({ file: pageFile(story.url), published: sortKey(story.date) })));
  }
  const file = pageFile(decodeURI(context.url.pathname));
  if (!sink.wants(file) || response.status !== 200) return response;
  const html = await response.text();
  sink.capture(file, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
