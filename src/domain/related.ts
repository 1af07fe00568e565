import type { Story } from './story.ts';
import type { Term } from './taxonomy.ts';

/** How many stories on each side in time are considered within a topic, a place, and overall. */
const WINDOW = 12;

/** Position of story `index` in a term's list (newest first, so indices descend). */
function positionIn(list: number[], index: number): number {
  let [low, high] = [0, list.length - 1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = list[middle]!;
    if (value === index) return middle;
    if (value > index) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function around(list: number[], index: number): number[] {
  const at = positionIn(list, index);
  if (at < 0) return [];
  return list.slice(Math.max(0, at - WINDOW), at + WINDOW + 1).filter((other) => other !== index);
}

/**
 * Up to `limit` stories related to one: those sharing most topics first, then those filed from
 * the same place, then the nearest in time. Only stories near in time within each topic or
 * place are considered, so the cost per story does not grow with the archive.
 */
export function relatedStories(
  stories: Story[],
  index: number,
  topics: Term[],
  place: Term | undefined,
  limit = 5,
): number[] {
  const score = new Map<number, { shared: number; samePlace: boolean }>();
  const entry = (other: number) => {
    let found = score.get(other);
    if (!found) score.set(other, (found = { shared: 0, samePlace: false }));
    return found;
  };
  for (const topic of topics)
    for (const other of around(topic.stories, index)) entry(other).shared++;
  if (place) for (const other of around(place.stories, index)) entry(other).samePlace = true;
  for (
    let other = Math.max(0, index - WINDOW);
    other <= Math.min(stories.length - 1, index + WINDOW);
    other++
  ) {
    if (other !== index) entry(other);
  }
  const when = stories[index]!.date.instant;
  const distance = (other: number) => Math.abs(stories[other]!.date.instant - when);
  return [...score]
    .sort(
      ([a, x], [b, y]) =>
        y.shared - x.shared ||
        Number(y.samePlace) - Number(x.samePlace) ||
        distance(a) - distance(b) ||
        a - b,
    )
    .slice(0, limit)
    .map(([other]) => other);
}
