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
}

export const devState = () =>
  shared<DevState>('dev-state', () => ({
    problems: new Map(),
    contentChangedAt: 0,
    listeners: new Set(),
  }));

/** Records a saved story's problems (none: it reads well now), telling the listeners. */
export function setProblems(file: string, problems: Problem[]): void {
  const state = devState();
  if (problems.length === 0 && !state.problems.delete(file)) return;
  if (problems.length > 0) state.problems.set(file, problems);
  for (const listener of state.listeners) listener();
}
