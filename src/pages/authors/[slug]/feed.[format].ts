import type { APIRoute } from 'astro';
import { feedResponse, termFeedRoutes, termFeedView } from '#src/site/views/feeds.ts';

export const getStaticPaths = () => termFeedRoutes('authors');

export const GET: APIRoute = ({ props }) =>
  feedResponse(termFeedView('authors', props.index, props.format));
