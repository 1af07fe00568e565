import type { APIRoute } from 'astro';
import { feedResponse, termFeedRoutes, termFeedView } from '#src/site/views/feeds.ts';

export const getStaticPaths = () => termFeedRoutes('places');

export const GET: APIRoute = ({ props }) =>
  feedResponse(termFeedView('places', props.index, props.format));
