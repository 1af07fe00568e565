import {
  geoArea,
  geoBounds,
  geoEqualEarth,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
  type GeoStream,
} from 'd3-geo';
import type { Feature, Geometry, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { escapeXml } from '#src/formats/xml.ts';

/**
 * Maps of where stories were filed, drawn at build time as SVG markup: Natural Earth land and
 * borders (world-atlas), projected with d3-geo's Equal Earth. No style attribute and no script:
 * colours come from the stylesheet's custom properties, so both themes and the
 * Content-Security-Policy hold, and nothing is fetched from another origin.
 */

/** Natural Earth from world-atlas: 1:110m, and 1:50m for maps zoomed in far enough to show it. */
export interface Atlas {
  countries: Topology;
  land: Topology;
  detail?: { countries: Topology; land: Topology };
}

/** One dot: a place and how many stories were filed from it. */
export interface MapDot {
  label: string;
  href: string;
  lat: number;
  lon: number;
  stories: number;
}

/** The land, borders and projection of a map, drawn once and shared by the pages that show it. */
export interface MapBase {
  width: number;
  height: number;
  project: (lon: number, lat: number) => [number, number] | undefined;
  /** The land, the focus country and the borders, as SVG paths coloured by the stylesheet. */
  layers: string;
  /** The same paths' data: `focus` and `borders` empty where the map has none. */
  paths: { land: string; focus: string; borders: string };
}

/** The SVG's own width in user units; it scales to its box. Whole units are a tenth of a pixel. */
const WIDTH = 1000;
/** How many times the world's scale a map must be to draw 1:50m instead of 1:110m. */
export const DETAIL_ZOOM = 5.5;
/** No map zooms in further: at 1:50m a city-state would be a few crude polygons. */
export const MAX_ZOOM = 30;
const ANTARCTICA = '010';

type Bounds = [[number, number], [number, number]];

const shapes = new WeakMap<
  Topology,
  { countries: Feature<Geometry>[]; geometries: GeometryCollection['geometries']; bounds: Bounds[] }
>();

/** Countries as GeoJSON and their bounds, made once per topology and reused by every map. */
function shapesOf(topology: Topology) {
  let found = shapes.get(topology);
  if (!found) {
    const collection = topology.objects.countries as GeometryCollection;
    const geometries = collection.geometries.filter((g) => String(g.id) !== ANTARCTICA);
    const countries = feature(topology, { type: 'GeometryCollection', geometries })
      .features as Feature<Geometry>[];
    found = { countries, geometries, bounds: countries.map((f) => geoBounds(f) as Bounds) };
    shapes.set(topology, found);
  }
  return found;
}

/** Whether two longitude-latitude boxes meet; one across the antimeridian meets every longitude. */
function overlaps([[w1, s1], [e1, n1]]: Bounds, [[w2, s2], [e2, n2]]: Bounds): boolean {
  const lon = w1 > e1 || w2 > e2 || (w1 <= e2 && w2 <= e1);
  return lon && s1 <= n2 && s2 <= n1;
}

/**
 * What a country's map frames: its main land (each part at least a fifth the size of the
 * largest: the lower 48 without Alaska and Hawaii, France without its overseas departments) and
 * the places near it. Places far outside it stay in the list beside the map.
 */
function countryFrame(
  focus: Feature<Geometry>[],
  places: readonly [number, number][],
): GeoPermissibleObjects {
  const polygons: Polygon[] = focus.flatMap((f) =>
    f.geometry.type === 'MultiPolygon'
      ? f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon' as const, coordinates }))
      : f.geometry.type === 'Polygon'
        ? [f.geometry]
        : [],
  );
  const largest = Math.max(...polygons.map((p) => geoArea(p)));
  const main = polygons.filter((p) => geoArea(p) >= largest / 5);
  const [[w, s], [e, n]] = geoBounds({ type: 'GeometryCollection', geometries: main });
  const [dx, dy] = [(e - w) * 0.3, (n - s) * 0.3];
  const near = places.filter(
    ([lon, lat]) => lon >= w - dx && lon <= e + dx && lat >= s - dy && lat <= n + dy,
  );
  const points = near.length > 0 ? [{ type: 'MultiPoint' as const, coordinates: near }] : [];
  return { type: 'GeometryCollection', geometries: [...main, ...points] };
}

/**
 * The world, or one country (ISO 3166-1 numeric, as world-atlas ids it) framed on its land and
 * its places. A country the atlas lacks is framed on its places alone.
 */
export function mapBase(
  atlas: Atlas,
  options: { countryId?: string; places?: readonly [number, number][] } = {},
): MapBase {
  const places = options.places ?? [];
  // The country is found in the detailed set: the coarse one lacks the smallest countries.
  const finder = atlas.detail ?? atlas;
  const focus = options.countryId
    ? shapesOf(finder.countries).countries.filter((f) => String(f.id) === options.countryId)
    : [];
  const world = {
    type: 'FeatureCollection' as const,
    features: shapesOf(atlas.countries).countries,
  };
  const framed = options.countryId !== undefined;
  const frame: GeoPermissibleObjects =
    focus.length > 0
      ? countryFrame(focus, places)
      : framed && places.length > 0
        ? { type: 'MultiPoint', coordinates: [...places] }
        : world;

  const projection: GeoProjection = geoEqualEarth();
  const pad = WIDTH * (framed ? 0.05 : 0.015);
  // Fit the width, then let the height follow the framed area, within 0.3 to 0.6 of the width.
  projection.fitWidth(WIDTH - 2 * pad, frame);
  const [[, y0], [, y1]] = geoPath(projection).bounds(frame);
  const fitted = Math.min(Math.max(y1 - y0 + 2 * pad, WIDTH * 0.3), WIDTH * 0.6);
  // A frame of one point has no height of its own.
  const height = Math.round(Number.isFinite(fitted) ? fitted : WIDTH * 0.5);
  projection.fitExtent(
    [
      [pad, pad],
      [WIDTH - pad, height - pad],
    ],
    frame,
  );
  projection.clipExtent([
    [0, 0],
    [WIDTH, height],
  ]);
  const worldScale = geoEqualEarth().fitWidth(WIDTH, world).scale();
  let zoom = projection.scale() / worldScale;
  if (!Number.isFinite(zoom) || zoom > MAX_ZOOM) {
    // Hong Kong, Singapore or a single place fill no map: they are shown in their region.
    const [[w, s], [e, n]] = geoBounds(frame);
    const centre: [number, number] = [(w + e) / 2, (s + n) / 2];
    projection.scale(worldScale * MAX_ZOOM).translate([WIDTH / 2, height / 2]);
    const [cx, cy] = projection(centre)!;
    const [tx, ty] = projection.translate();
    projection.translate([tx + WIDTH / 2 - cx, ty + height / 2 - cy]);
    zoom = MAX_ZOOM;
  }
  // Detail only where it shows: Russia or Canada at 1:50m would weigh more than the world.
  const drawn = atlas.detail && zoom >= DETAIL_ZOOM ? atlas.detail : atlas;
  const path = geoPath({ stream: (output) => projection.stream(thinned(output)) }).digits(0);
  const { countries, geometries, bounds } = shapesOf(drawn.countries);
  const collection = drawn.countries.objects.countries as GeometryCollection;
  let land: string;
  let borders: string;
  if (!framed) {
    // Land as one shape (coasts once, not once per country), borders as one mesh over it.
    land = path(feature(drawn.land, drawn.land.objects.land!)) ?? '';
    borders = path(mesh(drawn.countries, collection, (a, b) => a !== b)) ?? '';
  } else {
    // A country's map draws only the countries near its frame: a tenth of the work.
    const [[w, s], [e, n]] = geoBounds(frame);
    const [dx, dy] = [Math.max(10, e - w), Math.max(10, n - s)];
    const box: Bounds = [
      [w - dx, s - dy],
      [e + dx, n + dy],
    ];
    const near = countries.flatMap((_, i) => (overlaps(bounds[i]!, box) ? [i] : []));
    land = path({ type: 'FeatureCollection', features: near.map((i) => countries[i]!) }) ?? '';
    const nearGeometries = near.map((i) => geometries[i]!);
    borders =
      path(
        mesh(
          drawn.countries,
          { type: 'GeometryCollection', geometries: nearGeometries },
          (a, b) => a !== b,
        ),
      ) ?? '';
  }
  const highlight =
    focus.length > 0 ? (path({ type: 'FeatureCollection', features: focus }) ?? '') : '';
  const layers =
    `<path class="map-land" d="${land}"/>` +
    (highlight ? `<path class="map-focus" d="${highlight}"/>` : '') +
    (borders ? `<path class="map-borders" d="${borders}"/>` : '');
  return {
    width: WIDTH,
    height,
    layers,
    paths: { land, focus: highlight, borders },
    project: (lon, lat) => {
      const point = projection([lon, lat]);
      if (!point) return undefined;
      const [x, y] = point;
      return x >= 0 && x <= WIDTH && y >= 0 && y <= height ? [x, y] : undefined;
    },
  };
}

/**
 * Points closer than this to the last one drawn, in user units, are left out: a tenth of a
 * pixel on a phone, a pixel on a wide screen. So are rings smaller than that: islands no one
 * could see. The paths weigh about half as much.
 */
const TOLERANCE = 1.5;

/** A stream of projected points that drops what the map could not show (see TOLERANCE). */
function thinned(output: GeoStream): GeoStream {
  let line: [number, number][] | undefined;
  let ring = false;
  return {
    point(x, y) {
      if (!line) return output.point(x, y);
      const last = line.at(-1);
      if (!last || Math.abs(x - last[0]) >= TOLERANCE || Math.abs(y - last[1]) >= TOLERANCE)
        line.push([x, y]);
    },
    lineStart() {
      line = [];
    },
    lineEnd() {
      const points = line!;
      line = undefined;
      // A ring needs three corners besides its closing point; a line, two ends.
      if (points.length < (ring ? 4 : 2)) return;
      output.lineStart();
      for (const [x, y] of points) output.point(x, y);
      output.lineEnd();
    },
    polygonStart() {
      ring = true;
      output.polygonStart();
    },
    polygonEnd() {
      ring = false;
      output.polygonEnd();
    },
    sphere() {
      output.sphere?.();
    },
  };
}

const round = (value: number, digits = 0) =>
  String(Math.round(value * 10 ** digits) / 10 ** digits);

export interface DotOptions {
  /** The accessible name of the map as a whole. */
  title: string;
  /** `207 stories`: the words after a place's name in its dot's accessible name. */
  countLabel: (stories: number) => string;
  /** Radius of the largest dot, in user units. */
  maxRadius?: number;
  /** Radius of the smallest dot: large enough to see and to point at. */
  minRadius?: number;
  /**
   * Leave out dots that lie wholly under a larger one: at world scale the suburbs of New York
   * are one dot. Their country's map and the lists still link every place.
   */
  hideCovered?: boolean;
}

/**
 * A map with one linked dot per place, its area proportional to its stories, large dots first
 * so that small ones stay on top and can be clicked. Each link's `<title>` is its accessible
 * name and its tooltip.
 */
export function renderMap(base: MapBase, dots: readonly MapDot[], options: DotOptions): string {
  const { maxRadius = 18, minRadius = 2.5, hideCovered = false } = options;
  const most = Math.max(1, ...dots.map((dot) => dot.stories));
  const placed = dots
    .flatMap((dot) => {
      const point = base.project(dot.lon, dot.lat);
      if (!point) return [];
      const r = minRadius + (maxRadius - minRadius) * Math.sqrt(dot.stories / most);
      return [{ dot, x: point[0], y: point[1], r }];
    })
    .sort((a, b) => b.r - a.r || (a.dot.label < b.dot.label ? -1 : 1));
  const kept: typeof placed = [];
  for (const candidate of placed) {
    const { x, y, r } = candidate;
    if (hideCovered && kept.some((k) => Math.hypot(k.x - x, k.y - y) + r <= k.r)) continue;
    kept.push(candidate);
  }
  const links = kept
    .map(({ dot, x, y, r }) => {
      const name = escapeXml(`${dot.label}: ${options.countLabel(dot.stories)}`);
      const circle = `<circle cx="${round(x)}" cy="${round(y)}" r="${round(r, 1)}"/>`;
      return `<a href="${escapeXml(dot.href)}"><title>${name}</title>${circle}</a>`;
    })
    .join('');
  return svg(base, options.title, `<g class="map-dots">${links}</g>`);
}

/**
 * A map's land and borders as an SVG file of its own, which place pages show under their mark
 * (`renderLocator`). A file cannot take the page's colours, so it draws in one grey, translucent
 * over the sea the page paints behind it: lighter than the sea in the dark theme, darker in the
 * light one, and grey on paper.
 */
export function renderMapFile(base: MapBase): string {
  const { land, focus, borders } = base.paths;
  const { width, height } = base;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}">` +
    `<path d="${land}" fill="#808080" fill-opacity="0.28"/>` +
    (focus ? `<path d="${focus}" fill="#808080" fill-opacity="0.26"/>` : '') +
    (borders
      ? `<path d="${borders}" fill="none" stroke="#808080" stroke-opacity="0.6" ` +
        `stroke-width="0.6" stroke-linejoin="round"/>`
      : '') +
    `</svg>\n`
  );
}

/**
 * A map marking one place, with no links: where a place page's place is. The land is the
 * shared file at `href` (renderMapFile), drawn under the mark; the page carries the mark alone.
 */
export function renderLocator(
  base: MapBase,
  href: string,
  here: { lat: number; lon: number } | undefined,
  title: string,
): string {
  const point = here ? base.project(here.lon, here.lat) : undefined;
  const mark = point
    ? `<g class="map-here"><circle cx="${round(point[0])}" cy="${round(point[1])}" r="16"/>` +
      `<circle cx="${round(point[0])}" cy="${round(point[1])}" r="6"/></g>`
    : '';
  const land = `<image href="${escapeXml(href)}" width="${base.width}" height="${base.height}"/>`;
  return (
    `<svg class="coverage-map" viewBox="0 0 ${base.width} ${base.height}" role="img" ` +
    `aria-label="${escapeXml(title)}">${land}${mark}</svg>`
  );
}

function svg(base: MapBase, title: string, content: string): string {
  return (
    `<svg class="coverage-map" viewBox="0 0 ${base.width} ${base.height}" role="group" ` +
    `aria-label="${escapeXml(title)}">${base.layers}${content}</svg>`
  );
}
