import type { APIRoute } from 'astro';
import { feedResponse, termFeedRoutes, termFeedView } from '#src/site/views/feeds.ts';

export const getStaticPaths = () => termFeedRoutes('sources');

export const GET: APIRoute = ({ props }) =>
  feedResponse(termFeedView('sources', props.index, props.format));
