import type { APIRoute } from 'astro';
import { feedResponse, siteFeedRoutes, siteFeedView } from '#src/site/views/feeds.ts';

export const getStaticPaths = siteFeedRoutes;

export const GET: APIRoute = ({ props }) => feedResponse(siteFeedView(props.format));
