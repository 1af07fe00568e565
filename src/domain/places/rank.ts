import type { GazetteerPlace } from './gazetteer.ts';
import { editDistance, placeKey } from './text.ts';

/** How much larger a place known by another spelling of its name must be to win (`GENEVA`). */
export const SPELLING_ADVANTAGE = 5;
/** How much larger a place known by another name altogether must be to win (`COLOGNE`). */
export const OTHER_NAME_ADVANTAGE = 100;

/** One slip, or two in long names: `Geneva`/`Genève`, `Lucerne`/`Luzern`; not `Parma`/`Perm`. */
function close(a: string, b: string): boolean {
  const limit = Math.min(a.length, b.length) >= 6 ? 2 : 1;
  return editDistance(a, b, limit) <= limit;
}

const wordPrefix = (a: string, b: string) => b.startsWith(`${a} `);

/**
 * The places a printed name may mean, best first: `own` bear it as their own name, `other` as
 * one of their other names, each largest first. A place's own name wins. Another place GeoNames
 * also calls so wins only when it is five times larger and the name is its own in another
 * spelling (`GENEVA`: Genève, not Geneva, Illinois; `HANOVER`: Hannover), or a hundred times
 * larger (`COLOGNE`: Köln, not Cologne in Lombardy), because other names also hold
 * neighbourhoods and old names: `WESTPORT` stays Westport, not Kansas City; `ISLAMABAD` is
 * Pakistan's capital, not Chittagong. A capital under its own name always wins.
 */
export function rank(
  own: GazetteerPlace[],
  other: GazetteerPlace[],
  printed: string,
): GazetteerPlace[] {
  const best = own[0];
  const rival = other[0];
  if (!best || !rival) return best ? own : other;
  if (best.capital) return [...own, ...other];
  const key = placeKey(printed);
  const rivalKey = placeKey(rival.name);
  const spelling =
    close(key.replace(/ /g, ''), rivalKey.replace(/ /g, '')) ||
    wordPrefix(key, rivalKey) ||
    wordPrefix(rivalKey, key);
  const advantage = spelling ? SPELLING_ADVANTAGE : OTHER_NAME_ADVANTAGE;
  return rival.population >= advantage * best.population ? [...other, ...own] : [...own, ...other];
}
