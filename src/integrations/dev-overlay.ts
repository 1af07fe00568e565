import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineMiddleware } from 'astro:middleware';
import { formatProblem } from '#src/domain/problems.ts';
import { devState, problemsRead } from '#src/ingest/dev-state.ts';

/**
 * `astro dev` only: while a saved story has a problem, every page answers with it as an error,
 * which Astro shows in its overlay, with the same file, line and fix the build prints and the
 * story's text with the line marked. Fixing the story clears it.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  // A story with a problem, saved again: Astro reloads the page at once (its server is in
  // error), before the loader has read the file again. The page waits for that reading rather
  // than show the problem just fixed, with no reload to come.
  await problemsRead(READ_WAIT_MS);
  const problems = [...devState().problems.values()].flat();
  const [first] = problems;
  if (!first) return next();
  const error = new Error(problems.map(formatProblem).join('\n\n')) as Error &
    Record<string, unknown>;
  error.name = 'StoryProblem';
  error.title = `${first.file} has ${problems.length === 1 ? 'a problem' : 'problems'}`;
  error.hint = `${first.fix}. The site shows the story as it was last saved without problems.`;
  error.loc = { file: resolve(first.file), line: first.line ?? 1, column: 1 };
  try {
    error.fullCode = readFileSync(resolve(first.file), 'utf8');
  } catch {
    // The file is gone or cannot be read: the message says which.
  }
  error.stack = error.message;
  throw error;
});

/** Longer than the loader takes to read a saved story again (it waits 60 ms, then reads). */
const READ_WAIT_MS = 3_000;
