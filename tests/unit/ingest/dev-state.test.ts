import { beforeEach, describe, expect, it } from 'vitest';
import {
  devState,
  devStories,
  nextProblems,
  setProblems,
  storiesChanged,
  type DevStory,
} from '#src/ingest/dev-state.ts';
import type { Problem } from '#src/domain/problems.ts';

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

  it('say whether the pages wait for Astro’s content store: only for a story with photos', () => {
    const state = devState();
    state.storeAwaited = false;
    storiesChanged();
    expect(state.storeAwaited).toBe(false);
    storiesChanged(true);
    expect(state.storeAwaited).toBe(true);
    // Set until the store is written (src/integrations/dev-preview.ts clears it).
    storiesChanged(false);
    expect(state.storeAwaited).toBe(true);
  });
});

describe('the problems astro dev shows', () => {
  const problem: Problem = { file: 'content/a.md', line: 3, message: 'bad date', fix: 'fix it' };

  it('are timed as they are read, and the time goes with them', () => {
    const state = devState();
    const before = Date.now();
    setProblems('content/a.md', [problem]);
    expect(state.problemsReadAt.get('content/a.md')).toBeGreaterThanOrEqual(before);
    setProblems('content/a.md', []);
    expect(state.problems.has('content/a.md')).toBe(false);
    expect(state.problemsReadAt.has('content/a.md')).toBe(false);
  });

  it('can be waited for: the wait ends when they are next recorded or cleared', async () => {
    const waited = nextProblems(60_000);
    let ended = false;
    void waited.then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false);
    setProblems('content/b.md', [problem]);
    await waited;
    expect(ended).toBe(true);
    // The waiter is gone once it has ended.
    const listeners = devState().listeners.size;
    setProblems('content/b.md', []);
    expect(devState().listeners.size).toBe(listeners);
  });

  it('are waited for no longer than asked', async () => {
    const started = Date.now();
    await nextProblems(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
