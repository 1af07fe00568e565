import type { Topology } from 'topojson-specification';
import countries110 from 'world-atlas/countries-110m.json' with { type: 'json' };
import land110 from 'world-atlas/land-110m.json' with { type: 'json' };
import countries50 from 'world-atlas/countries-50m.json' with { type: 'json' };
import land50 from 'world-atlas/land-50m.json' with { type: 'json' };
import isoCodes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import type { Atlas } from './render.ts';

/**
 * Natural Earth's land and countries from world-atlas, bundled with the pages that draw maps:
 * read once per build, and nothing is fetched by a reader's browser.
 */
export const atlas: Atlas = {
  countries: countries110 as unknown as Topology,
  land: land110 as unknown as Topology,
  detail: { countries: countries50 as unknown as Topology, land: land50 as unknown as Topology },
};

const numeric = new Map((isoCodes as string[][]).map(([alpha2, , number]) => [alpha2!, number!]));

/** world-atlas ids countries by ISO 3166-1 numeric code: `US` → `840`. */
export const atlasId = (alpha2: string) => numeric.get(alpha2);
