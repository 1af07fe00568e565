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
  /** When a story file last changed (ms since the epoch), as far as the loader saw. */
  contentChangedAt: number;
  /** The built site whose search index `astro dev` serves. */
  outDir?: string;
  /** Called whenever `problems` changes. */
  listeners: Set<() => void>;
  /**
   * Stories saved since `astro dev` started, as the loader read them, by id. Astro writes its
   * content store to disk a while after a change and only then reloads the pages, seconds on
   * a big archive; the pages read a saved story from here at once (src/site/archive.ts), until
   * the store has it; a story deleted is null until the store has lost it too.
   */
  saved: Map<string, SavedStory | null>;
  /** Called when a story was saved and read without problems, or deleted (the page reloads). */
  savedListeners: Set<() => void>;
  /**
   * Counts the stories saved or deleted. A page carries the revision its archive was read at and
   * reloads if the server's is newer: a reload sent while the browser was loading a page is lost.
   */
  revision: number;
}

/** A story as Astro's content store keeps it. */
export interface SavedStory {
  id: string;
  digest?: string | number;
  data: Record<string, unknown>;
}

export const devState = () =>
  shared<DevState>('dev-state', () => ({
    problems: new Map(),
    contentChangedAt: 0,
    listeners: new Set(),
    saved: new Map(),
    savedListeners: new Set(),
    revision: 0,
  }));

/**
 * Records a story the loader has just stored, telling the listeners; a story with photos is left
 * to Astro's store, which resolves them (getCollection's image step).
 */
export function storySaved(story: SavedStory): void {
  const { data } = story;
  const state = devState();
  if (data.image !== undefined || data.bodyImages !== undefined) {
    // An earlier save without photos must not hide this one.
    state.saved.delete(story.id);
    return;
  }
  state.saved.set(story.id, story);
  state.revision++;
  for (const listener of state.savedListeners) listener();
}

/** Records a story whose file was deleted, telling the listeners. */
export function storyDeleted(id: string): void {
  const state = devState();
  state.saved.set(id, null);
  state.revision++;
  for (const listener of state.savedListeners) listener();
}

/**
 * The collection's entries with the stories saved since Astro's store last caught up in place of
 * theirs (a new story added, a deleted one left out). What the store has caught up with, by the
 * story's digest or its absence, is forgotten.
 */
export function withSavedStories<E extends { id: string; digest?: string | number }>(
  entries: E[],
  saved: Map<string, SavedStory | null>,
  entryOf: (story: SavedStory) => E,
): E[] {
  if (saved.size === 0) return entries;
  const known = new Set(entries.map((entry) => entry.id));
  for (const [id, story] of saved) if (story === null && !known.has(id)) saved.delete(id);
  const result = entries.flatMap((entry) => {
    const story = saved.get(entry.id);
    if (story === undefined) return [entry];
    if (story === null) return [];
    if (story.digest === entry.digest) {
      saved.delete(entry.id);
      return [entry];
    }
    return [entryOf(story)];
  });
  for (const story of saved.values())
    if (story !== null && !known.has(story.id)) result.push(entryOf(story));
  return result;
}

/** Records a saved story's problems (none: it reads well now), telling the listeners. */
export function setProblems(file: string, problems: Problem[]): void {
  const state = devState();
  if (problems.length === 0 && !state.problems.delete(file)) return;
  if (problems.length > 0) state.problems.set(file, problems);
  for (const listener of state.listeners) listener();
}
