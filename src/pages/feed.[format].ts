import type { APIRoute } from 'astro';
import { latestFirst } from '#src/site/archive.ts';
import { FORMATS, feedResponse, siteFeed, type FeedFormat } from '#src/site/feeds.ts';

export function getStaticPaths() {
  return FORMATS.map((format) => ({ params: { format } }));
}

export const GET: APIRoute = ({ params }) => feedResponse(params.format as FeedFormat, siteFeed, latestFirst);
