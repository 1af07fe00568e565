import { describe, expect, it } from 'vitest';
import { forget } from '#src/util/shared.ts';
import { PROGRESS_EVERY_MS, reportProgress } from '#src/util/progress.ts';

describe('progress lines', () => {
  it('come every few seconds of a phase, never at its first or last step', () => {
    forget('progress');
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    reportProgress('pages written', 1, 20_000, print, 0);
    reportProgress('pages written', 2, 20_000, print, PROGRESS_EVERY_MS - 1);
    reportProgress('pages written', 9_000, 20_000, print, PROGRESS_EVERY_MS);
    reportProgress('stories read', 5, 10, print, PROGRESS_EVERY_MS);
    reportProgress('pages written', 9_001, 20_000, print, PROGRESS_EVERY_MS + 1);
    reportProgress('pages written', 20_000, 20_000, print, 3 * PROGRESS_EVERY_MS);
    expect(lines).toEqual(['pages written 9,000/20,000']);
  });
});
