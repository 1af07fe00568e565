import type { APIRoute } from 'astro';
import { FORMATS, feedResponse, siteFeed, siteFeedStories, type FeedFormat } from '../data/feeds.ts';

export function getStaticPaths() {
  return FORMATS.map((format) => ({ params: { format } }));
}

export const GET: APIRoute = ({ params }) => feedResponse(params.format as FeedFormat, siteFeed, siteFeedStories());
