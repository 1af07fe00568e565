import { resolve } from 'node:path';

/** The options every Reuters bench takes: where the corpus is, and how much of it to use. */
export const corpusOptions = {
  corpus: {
    type: 'string',
    default: resolve(import.meta.dirname, '../../../shared/corpora/reuters-21578.jsonl.gz'),
    value: 'file',
    description: 'the Reuters corpus',
  },
  stories: { type: 'string', value: 'N', description: 'use the first N Reuters stories' },
} as const;
