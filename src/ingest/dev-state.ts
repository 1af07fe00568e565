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
  /** When each file in `problems` was read (ms since the epoch). */
  problemsReadAt: Map<string, number>;
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
   * Whether the pages wait for Astro's next content store: a story with photos was saved (its
   * photos are resolved only through the store), or the store was not written since the server
   * started. Astro reloads the browser each time it writes the store; the other reloads are
   * dropped (src/integrations/dev-preview.ts).
   */
  storeAwaited: boolean;
}

/** A story as Astro's content store keeps it. */
export interface DevStory {
  id: string;
  data: Record<string, unknown>;
}

export const devState = () =>
  shared<DevState>('dev-state', () => ({
    problems: new Map(),
    problemsReadAt: new Map(),
    contentChangedAt: 0,
    listeners: new Set(),
    storyListeners: new Set(),
    revision: 0,
    storeAwaited: true,
  }));

/**
 * Tells the pages that a story was saved or deleted: they read the stories again. A story
 * with photos shows as saved only once Astro has written its content store (`awaitsStore`).
 */
export function storiesChanged(awaitsStore = false): void {
  const state = devState();
  state.revision++;
  if (awaitsStore) state.storeAwaited = true;
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
  if (problems.length > 0) {
    state.problems.set(file, problems);
    state.problemsReadAt.set(file, Date.now());
  } else state.problemsReadAt.delete(file);
  for (const listener of state.listeners) listener();
}

/** Resolves when the stories' problems are next recorded or cleared, or after `ms`. */
export function nextProblems(ms: number): Promise<void> {
  const state = devState();
  return new Promise((settle) => {
    const done = () => {
      clearTimeout(timer);
      state.listeners.delete(done);
      settle();
    };
    const timer = setTimeout(done, ms);
    state.listeners.add(done);
  });
}
