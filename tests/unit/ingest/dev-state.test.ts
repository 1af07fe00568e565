import { beforeEach, describe, expect, it } from 'vitest';
import {
  devState,
  devStories,
  problemsRead,
  readingStory,
  setProblems,
  storeHeldAwaited,
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

  it('wait for Astro’s content store only while a store holding a story with photos is due', () => {
    const { awaited } = devState();
    awaited.clear();
    let read = 0;
    const store = (text: string) => () => (read++, text);
    // Nothing awaited: the store is not even read.
    expect(storeHeldAwaited(store('{"digest":"aaa"}'))).toBe(false);
    expect(read).toBe(0);
    awaited.add('bbb');
    // A store written before the story was stored does not hold it: the wait goes on.
    expect(storeHeldAwaited(store('{"digest":"aaa"}'))).toBe(false);
    expect(awaited.has('bbb')).toBe(true);
    expect(storeHeldAwaited(store('{"digest":"bbb"}'))).toBe(true);
    expect(awaited.size).toBe(0);
    expect(storeHeldAwaited(store('{"digest":"bbb"}'))).toBe(false);
  });
});

describe('the problems astro dev shows', () => {
  const problem: Problem = { file: 'content/a.md', line: 3, message: 'bad date', fix: 'fix it' };

  it('are recorded and cleared by file', () => {
    const state = devState();
    setProblems('content/a.md', [problem]);
    expect(state.problems.get('content/a.md')).toEqual([problem]);
    setProblems('content/a.md', []);
    expect(state.problems.has('content/a.md')).toBe(false);
  });

  it('are waited for while a story that has one is read again, and only then', async () => {
    setProblems('content/b.md', [problem]);
    const done = readingStory('content/b.md');
    let ended = false;
    const waited = problemsRead(60_000).then(() => (ended = true));
    await new Promise((settle) => setTimeout(settle, 20));
    expect(ended).toBe(false);
    setProblems('content/b.md', []);
    done();
    await waited;
    expect(ended).toBe(true);
    expect(devState().reading.has('content/b.md')).toBe(false);
    expect(devState().readListeners.size).toBe(0);
    // A story without a problem being read keeps no page waiting.
    const other = readingStory('content/c.md');
    const started = Date.now();
    await problemsRead(60_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    other();
  });

  it('are waited for no longer than asked', async () => {
    setProblems('content/d.md', [problem]);
    const done = readingStory('content/d.md');
    const started = Date.now();
    await problemsRead(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    done();
    setProblems('content/d.md', []);
  });
});
