import { compareStrings, count } from './text.ts';

/**
 * One thing wrong with one content file, said so that an editor can fix it without reading code.
 */
export interface Problem {
  /** Path of the file, relative to the project (or as given). */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The frontmatter field concerned, when there is one. */
  field?: string;
  message: string;
  fix: string;
  severity?: 'error' | 'warning';
}

/**
 * Problems in the order they are listed: by file (code unit order, whatever the machine's locale),
 * then line.
 */
export function compareProblems(a: Problem, b: Problem): number {
  return compareStrings(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0);
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}:` : '';
  const warning = problem.severity === 'warning' ? 'warning: ' : '';
  return `${warning}${where}:${field} ${problem.message}\n    fix: ${problem.fix}`;
}

export function formatProblems(problems: Problem[]): string {
  const found = count(problems.length, 'problem');
  return (
    `Dateline found ${found} in the content; nothing was ` +
    `built.\n\n${problems.map(formatProblem).join('\n\n')}\n`
  );
}

/** Thrown when content is wrong; its message lists every problem at once. */
export class ContentError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.problems = problems;
    this.name = 'ContentError';
    // The problems are in the content, not in the code: a stack trace would only distract.
    this.stack = this.message;
  }
}
