import type { APIRoute } from 'astro';
import { mapFile } from '#src/site/map/maps.ts';
import { mapFileRoutes } from '#src/site/views/places.ts';

export const getStaticPaths = () => mapFileRoutes();

export const GET: APIRoute = ({ props }) =>
  new Response(mapFile(props.name), { headers: { 'Content-Type': 'image/svg+xml' } });
