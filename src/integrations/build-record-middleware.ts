import { createHash } from 'node:crypto';
import { defineMiddleware } from 'astro:middleware';
import { buildRecord } from '#src/util/build-record.ts';

const hashPages = process.env.DATELINE_RECORD_PAGES === '1';

/**
 * Notes every page `astro build` renders in the build record; with DATELINE_RECORD_PAGES=1, a hash
 * of its bytes too.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const record = buildRecord();
  if (!record.building) return response;
  // As links write it: `/feed.xml`, though Astro renders an endpoint at `/feed.xml/`.
  const path = decodeURI(context.url.pathname).replace(/(\.[a-z]+)\/$/, '$1');
  record.rendered.push(path);
  if (!hashPages || response.status !== 200) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  (record.hashes ??= {})[path] = createHash('sha1').update(bytes).digest('base64url');
  return new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
