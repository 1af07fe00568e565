import type { APIRoute } from 'astro';
import { feedResponse, termFeedRoutes, termFeedView } from '#src/site/views/feeds.ts';

export const getStaticPaths = () => termFeedRoutes('topics');

export const GET: APIRoute = ({ props }) =>
  feedResponse(termFeedView('topics', props.index, props.format));
