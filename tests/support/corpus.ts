import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from './build.ts';

/** The Reuters-21578 corpus, where the workspace keeps it; DATELINE_CORPUS names another copy. */
export const corpusFile = resolve(
  projectRoot,
  process.env.DATELINE_CORPUS || '../shared/corpora/reuters-21578.jsonl.gz',
);
export const corpusAvailable = existsSync(corpusFile);
