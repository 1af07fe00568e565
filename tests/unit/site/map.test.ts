import { describe, expect, it } from 'vitest';
import { atlas, atlasId } from '#src/site/map/atlas.ts';
import {
  mapBase,
  renderLocator,
  renderMap,
  renderMapFile,
  type MapDot,
} from '#src/site/map/render.ts';

const places: MapDot[] = [
  { label: 'Paris, France', href: '/places/paris-france/', lat: 48.853, lon: 2.349, stories: 333 },
  {
    label: 'Birmingham, Alabama, United States',
    href: '/places/birmingham-alabama-united-states/',
    lat: 33.521,
    lon: -86.802,
    stories: 16,
  },
  {
    label: 'Ashgabat, Turkmenistan',
    href: '/places/ashgabat/',
    lat: 37.95,
    lon: 58.383,
    stories: 1,
  },
  { label: 'Rock & <Roll>', href: '/places/a"b/', lat: 0, lon: 0, stories: 1 },
];
const options = {
  title: 'Where the stories were filed',
  countLabel: (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`,
};
const world = mapBase(atlas);
const links = (svg: string) =>
  [...svg.matchAll(/<a href="([^"]*)"><title>([^<]*)<\/title><circle/g)].map((m) => ({
    href: m[1],
    name: m[2],
  }));

describe('the coverage map', () => {
  const svg = renderMap(world, places, options);

  it('links every dot to its place, named for it and its stories, largest first', () => {
    expect(links(svg)).toEqual([
      { href: '/places/paris-france/', name: 'Paris, France: 333 stories' },
      {
        href: '/places/birmingham-alabama-united-states/',
        name: 'Birmingham, Alabama, United States: 16 stories',
      },
      { href: '/places/ashgabat/', name: 'Ashgabat, Turkmenistan: 1 story' },
      { href: '/places/a&quot;b/', name: 'Rock &amp; &lt;Roll&gt;: 1 story' },
    ]);
  });

  it('sizes dots by area: the largest at 18 units, none under 2.5', () => {
    const radii = [...svg.matchAll(/ r="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(radii[0]).toBe(18);
    // 16 of 333 stories: the radius grows with the square root.
    expect(radii[1]).toBeCloseTo(2.5 + 15.5 * Math.sqrt(16 / 333), 1);
    expect(Math.min(...radii)).toBeGreaterThanOrEqual(2.5);
  });

  it('has no style attribute, script or outside resource, for the Content-Security-Policy', () => {
    expect(svg).not.toMatch(/style=|<script|<image|\son\w+=|https?:/);
    expect(svg).toMatch(
      /^<svg class="coverage-map" viewBox="0 0 1000 \d+" role="group" aria-label="Where the stories were filed"><path class="map-land" d="M/,
    );
  });

  it('leaves out dots wholly under a larger one only when asked', () => {
    const suburbs: MapDot[] = [
      { label: 'New York', href: '/ny/', lat: 40.71, lon: -74.01, stories: 2000 },
      { label: 'Jersey City', href: '/jc/', lat: 40.73, lon: -74.08, stories: 3 },
    ];
    expect(links(renderMap(world, suburbs, options))).toHaveLength(2);
    expect(links(renderMap(world, suburbs, { ...options, hideCovered: true }))).toEqual([
      { href: '/ny/', name: 'New York: 2000 stories' },
    ]);
  });

  it('frames a country on its own land, drawing it apart from its neighbours', () => {
    const us = mapBase(atlas, { countryId: atlasId('US'), places: [[-86.802, 33.521]] });
    const svg = renderMap(us, places, options);
    expect(svg).toContain('class="map-focus"');
    expect(links(svg).map((link) => link.name)).toEqual([
      'Birmingham, Alabama, United States: 16 stories',
    ]);
    // The lower 48 fill the frame: Alaska and Hawaii lie beyond it.
    expect(us.project(-149.9, 61.2)).toBeUndefined();
    expect(us.project(-157.86, 21.31)).toBeUndefined();
  });

  it('frames a city-state in its region, from the detailed atlas', () => {
    const singapore = mapBase(atlas, { countryId: atlasId('SG'), places: [[103.85, 1.29]] });
    expect(singapore.layers).toContain('class="map-focus"');
    expect(singapore.project(103.85, 1.29)).toBeDefined();
  });

  it('marks one place on a locator, which is an image with a name and no links', () => {
    const tm = mapBase(atlas, { countryId: atlasId('TM') });
    const href = '/places/maps/tm.svg';
    const svg = renderLocator(tm, href, { lat: 37.95, lon: 58.383 }, 'Map: where Ashgabat is');
    expect(svg).toMatch(/role="img" aria-label="Map: where Ashgabat is"/);
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg).not.toContain('<a ');
    // The land is the shared file, drawn at the locator's own size, not copied into the page.
    expect(svg).toContain(`<image href="${href}" width="${tm.width}" height="${tm.height}"/>`);
    expect(svg).not.toContain('<path');
    // A place beyond the frame is not drawn on its edge.
    expect(renderLocator(tm, href, { lat: 48.85, lon: 2.35 }, 'x')).not.toContain('<circle');
  });

  it('draws a locator’s shared file standalone, coloured with no stylesheet', () => {
    const file = renderMapFile(mapBase(atlas, { countryId: atlasId('TM') }));
    expect(file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 1000 \d+"/);
    expect(file).toMatch(/<path d="M[^"]+" fill="#808080"/);
    // A file shown as an image runs nothing and needs no class from the page.
    expect(file).not.toMatch(/class=|style|<script|\son\w+=/);
  });
});
