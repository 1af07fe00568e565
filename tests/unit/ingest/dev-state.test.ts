import { beforeEach, describe, expect, it } from 'vitest';
import {
  devState,
  storyDeleted,
  storySaved,
  withSavedStories,
  type SavedStory,
} from '#src/ingest/dev-state.ts';

interface Entry {
  id: string;
  digest?: string | number;
  data: Record<string, unknown>;
  from?: string;
}
const entry = (id: string, digest: string, title = id): Entry => ({ id, digest, data: { title } });
const asEntry = (story: SavedStory): Entry => ({ ...story, from: 'saved' });

describe('stories saved in astro dev', () => {
  beforeEach(() => {
    devState().saved.clear();
    devState().savedListeners.clear();
  });

  it('take the place of the store’s copy until the store holds them, then are forgotten', () => {
    const saved = new Map<string, SavedStory | null>([['b', entry('b', '2', 'B edited')]]);
    const store = [entry('a', '1'), entry('b', '1')];
    expect(withSavedStories(store, saved, asEntry)).toEqual([
      entry('a', '1'),
      { ...entry('b', '2', 'B edited'), from: 'saved' },
    ]);
    expect(saved.size).toBe(1);
    // Astro's store has written the same file: its copy is used, the saved one dropped.
    const caughtUp = [entry('a', '1'), entry('b', '2', 'B edited')];
    expect(withSavedStories(caughtUp, saved, asEntry)).toEqual(caughtUp);
    expect(saved.size).toBe(0);
  });

  it('add a story the store does not have yet', () => {
    const saved = new Map<string, SavedStory | null>([['new', entry('new', '1')]]);
    expect(withSavedStories([entry('a', '1')], saved, asEntry).map(({ id }) => id)).toEqual([
      'a',
      'new',
    ]);
  });

  it('leave out a deleted story until the store has lost it too', () => {
    const saved = new Map<string, SavedStory | null>([['b', null]]);
    expect(withSavedStories([entry('a', '1'), entry('b', '1')], saved, asEntry)).toEqual([
      entry('a', '1'),
    ]);
    expect(saved.has('b')).toBe(true);
    expect(withSavedStories([entry('a', '1')], saved, asEntry)).toEqual([entry('a', '1')]);
    expect(saved.has('b')).toBe(false);
  });

  it('tell the listeners, except for a story with photos, which the store resolves', () => {
    let told = 0;
    devState().savedListeners.add(() => told++);
    storySaved(entry('a', '1'));
    storySaved({ id: 'b', digest: '1', data: { title: 'B', image: { src: './a.jpg' } } });
    storySaved({ id: 'c', digest: '1', data: { title: 'C', bodyImages: ['./c.jpg'] } });
    expect(told).toBe(1);
    expect([...devState().saved.keys()]).toEqual(['a']);
    // Photos added to a story saved without them: the store's copy, not the older save.
    storySaved({ id: 'a', digest: '2', data: { title: 'A', image: { src: './a.jpg' } } });
    expect(devState().saved.has('a')).toBe(false);
    storyDeleted('a');
    expect(told).toBe(2);
    expect(devState().saved.get('a')).toBeNull();
  });
});
