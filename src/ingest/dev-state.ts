import type { Problem } from '#src/domain/problems.ts';
import { shared } from '#src/util/shared.ts';

/**
 * What `astro dev` knows of the stories as a writer saves them, shared by the loader (which
 * reads them), the dev middleware (which shows a story's problem in Astro's error overlay) and
 * the dev integration (which reloads the browser and serves the last build's search index).
 */
export interface DevState {
  /**
   * Problems of stories saved since `astro dev` started, by file: the site keeps their last
   * good version.
   */
  problems: Map<string, Problem[]>;
  /** Story files the loader is reading again after a save, with how many reads of each. */
  reading: Map<string, number>;
  /** Called whenever a read of `reading` ends. */
  readListeners: Set<() => void>;
  /** When a story file last changed (ms since the epoch), as far as the loader saw. */
  contentChangedAt: number;
  /** The built site whose search index `astro dev` serves. */
  outDir?: string;
  /** Called whenever `problems` changes. */
  listeners: Set<() => void>;
  /**
   * The stories as the loader holds them, in memory, changes included the moment they are read.
   * Astro writes its content store to disk a while after a change, then reloads it whole into
   * the pages: seconds on a big archive. In `astro dev` the pages read the stories from here
   * instead (src/site/archive.ts); set by the loader.
   */
  stories?: () => DevStory[];
  /** Called when a story was saved and read without problems, or deleted (the page reloads). */
  storyListeners: Set<() => void>;
  /**
   * Counts the stories saved or deleted. A page carries the revision its archive was read at and
   * reloads if the server's is newer: a reload sent while the browser was loading a page is lost.
   */
  revision: number;
  /**
   * Digests of the stories with photos stored since Astro last wrote a content store holding
   * them: the pages show such a story only from that store (`devStories`). Astro reloads the
   * browser each time it writes the store; src/integrations/dev-preview.ts lets that reload
   * through only for a store that holds one of these.
   */
  awaited: Set<string>;
}

/** A story as Astro's content store keeps it. */
export interface DevStory {
  id: string;
  data: Record<string, unknown>;
}

export const devState = () =>
  shared<DevState>('dev-state', () => ({
    problems: new Map(),
    reading: new Map(),
    readListeners: new Set(),
    contentChangedAt: 0,
    listeners: new Set(),
    storyListeners: new Set(),
    revision: 0,
    awaited: new Set(),
  }));

/** Tells the pages that a story was saved or deleted: they read the stories again. */
export function storiesChanged(): void {
  const state = devState();
  state.revision++;
  for (const listener of state.storyListeners) listener();
}

/** Whether Astro's getCollection must resolve the story's photos (its image() paths). */
export const hasPhotos = (story: DevStory) =>
  story.data.image !== undefined || story.data.bodyImages !== undefined;

/**
 * The stories for `astro dev`'s pages: as the loader holds them, but a story with photos as
 * Astro's collection gives it (`resolved`), photos resolved, once its store has the story.
 */
export function devStories<E extends DevStory>(
  stories: readonly DevStory[],
  resolved: ReadonlyMap<string, E>,
  entryOf: (story: DevStory) => E,
): E[] {
  return stories.flatMap((story) => {
    if (!hasPhotos(story)) return [entryOf(story)];
    const entry = resolved.get(story.id);
    return entry ? [entry] : [];
  });
}

/** Records a saved story's problems (none: it reads well now), telling the listeners. */
export function setProblems(file: string, problems: Problem[]): void {
  const state = devState();
  if (problems.length === 0 && !state.problems.delete(file)) return;
  if (problems.length > 0) state.problems.set(file, problems);
  for (const listener of state.listeners) listener();
}

/** Marks a story file as being read again; the function returned ends the read. */
export function readingStory(file: string): () => void {
  const state = devState();
  state.reading.set(file, (state.reading.get(file) ?? 0) + 1);
  return () => {
    const left = (state.reading.get(file) ?? 1) - 1;
    if (left > 0) state.reading.set(file, left);
    else state.reading.delete(file);
    for (const listener of state.readListeners) listener();
  };
}

/**
 * Resolves once no story with a problem is being read again, or after `ms`: a page asked for
 * while the writer's fix is being read shows the fix, not the problem it replaces.
 */
export async function problemsRead(ms: number): Promise<void> {
  const state = devState();
  const deadline = Date.now() + ms;
  const pending = () => [...state.reading.keys()].some((file) => state.problems.has(file));
  while (pending() && Date.now() < deadline)
    await new Promise<void>((settle) => {
      const done = () => {
        clearTimeout(timer);
        state.readListeners.delete(done);
        settle();
      };
      const timer = setTimeout(done, deadline - Date.now());
      state.readListeners.add(done);
    });
}

/**
 * Given the text of the content store Astro has just written, takes the awaited stories it
 * holds off the list; whether it held any, so that the pages must show the store.
 */
export function storeHeldAwaited(written: () => string): boolean {
  const { awaited } = devState();
  if (awaited.size === 0) return false;
  const text = written();
  const held = [...awaited].filter((digest) => text.includes(digest));
  for (const digest of held) awaited.delete(digest);
  return held.length > 0;
}
