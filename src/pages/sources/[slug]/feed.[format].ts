import type { APIRoute } from 'astro';
import { feedResponse, termFeed, termFeedPaths, type FeedFormat } from '#src/site/feeds.ts';

export function getStaticPaths() {
  return termFeedPaths('sources');
}

export const GET: APIRoute = ({ params, props }) => {
  const { info, stories } = termFeed('sources', props.index as number);
  return feedResponse(params.format as FeedFormat, info, stories);
};
