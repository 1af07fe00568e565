import { shared } from './shared.ts';

/**
 * A long build's progress, shared by the pieces that see it in the build's one process: the
 * stories' loader, the prerenderer wrapper that learns how many pages there are, and the log
 * destination that counts them as Astro writes them.
 */
export interface Progress {
  /** Pages Astro will write, once it has asked every route for its paths. */
  pagesTotal?: number;
  pagesDone: number;
  /** When each phase last printed a line. */
  printed: Map<string, number>;
}

export const progress = () =>
  shared<Progress>('progress', () => ({ pagesDone: 0, printed: new Map() }));

/** Seconds between two progress lines of one phase. */
export const PROGRESS_EVERY_MS = 5_000;

/** Whether Astro's line for every page was asked for instead (`--verbose`, DATELINE_VERBOSE=1). */
export const verbose = () => process.env.DATELINE_VERBOSE === '1';

/**
 * Prints `phase n/N` at most once every few seconds, never at the first step nor the last (a
 * phase that takes less prints nothing, and each phase says when it is done in its own words).
 */
export function reportProgress(
  phase: string,
  done: number,
  total: number | undefined,
  print: (line: string) => void,
  now = performance.now(),
): void {
  if (verbose() || (total !== undefined && done >= total)) return;
  const { printed } = progress();
  const last = printed.get(phase);
  if (last === undefined) return void printed.set(phase, now);
  if (now - last < PROGRESS_EVERY_MS) return;
  printed.set(phase, now);
  const of = total === undefined ? '' : `/${total.toLocaleString('en')}`;
  print(`${phase} ${done.toLocaleString('en')}${of}`);
}
