import { describe, expect, it } from 'vitest';
import { reutersToMarkdown, type ReutersRecord } from '../../bench/corpora/reuters.ts';

const record = (author: string | null): ReutersRecord => ({
  id: 1275,
  date: '1987-03-03T15:37:19Z',
  title: 'BANK OF ENGLAND PROPOSES LIMITS ON UNDERWRITERS',
  dateline: 'LONDON, March 3',
  author,
  places: ['uk'],
  topics: [],
  body: 'The Bank of England proposed limits.',
});

describe('the Reuters corpus as stories', () => {
  it('writes bylines as people write names, two people as a list', () => {
    const front = (author: string | null) => reutersToMarkdown(record(author)).text.split('---')[1];
    expect(front('PATRICK RIZZO AND PATTI DOMM')).toContain(
      '\nauthor:\n  - Patrick Rizzo\n  - Patti Domm\n',
    );
    expect(front('JULIE VORMAN')).toContain('\nauthor: Julie Vorman\n');
    expect(front('Patti Domm, Reuter')).toContain('\nauthor: Patti Domm\n');
    expect(front(null)).not.toContain('author');
    // The dateline stays as the wire printed it: the build reads the place from it.
    expect(front(null)).toContain('\ndateline: LONDON, March 3\n');
  });
});
