import { beforeEach, describe, expect, it } from 'vitest';
import { devState, devStories, storiesChanged, type DevStory } from '#src/ingest/dev-state.ts';

interface Entry extends DevStory {
  from: string;
}
const story = (id: string, data: Record<string, unknown> = {}): DevStory => ({
  id,
  data: { title: id, ...data },
});
const asEntry = (loaded: DevStory): Entry => ({ ...loaded, from: 'loader' });

describe('the stories astro dev shows', () => {
  beforeEach(() => devState().storyListeners.clear());

  it('are the loader’s, but a story with photos comes from the collection, photos resolved', () => {
    const photo = story('b', { image: { src: './b.jpg' } });
    const text = story('c', { bodyImages: ['./c.jpg'] });
    const resolved = new Map([['b', { ...photo, from: 'collection' }]]);
    expect(devStories([story('a'), photo, text], resolved, asEntry)).toEqual([
      { ...story('a'), from: 'loader' },
      { ...photo, from: 'collection' },
      // Not in the collection yet: left out until Astro's store has it.
    ]);
  });

  it('change with every save or deletion, which the listeners hear of', () => {
    let told = 0;
    devState().storyListeners.add(() => told++);
    const before = devState().revision;
    storiesChanged();
    storiesChanged();
    expect(told).toBe(2);
    expect(devState().revision).toBe(before + 2);
  });
});
