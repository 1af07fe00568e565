import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** One commit that changed a story file. */
export interface Revision {
  hash: string;
  /** ISO 8601 with the committer's own offset. */
  date: string;
  subject: string;
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Parses `git log --name-only` output in Dateline's format: path (relative to the repository) →
 * revisions, newest first.
 */
export function parseGitLog(text: string): Map<string, Revision[]> {
  const history = new Map<string, Revision[]>();
  for (const record of text.split(RECORD)) {
    const [header, ...files] = record.split('\n');
    const [hash, date, subject] = (header ?? '').split(FIELD);
    if (!hash || !date) continue;
    for (const file of files.map((f) => f.trim()).filter(Boolean)) {
      const revisions = history.get(file);
      const revision = { hash, date, subject: subject ?? '' };
      if (revisions) revisions.push(revision);
      else history.set(file, [revision]);
    }
  }
  return history;
}

/**
 * Every story file's revisions, read from git in one pass over the log (not one git call per
 * file). Keys are absolute paths. Outside a git repository (a tarball build) the map is empty.
 */
export function readHistory(contentDir: string): Map<string, Revision[]> {
  const dir = resolve(contentDir);
  try {
    const run = (...args: string[]) =>
      execFileSync('git', ['-C', dir, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    const top = run('rev-parse', '--show-toplevel').trim();
    const log = run(
      'log',
      '--no-renames',
      '--date=iso-strict',
      `--format=${RECORD}%H${FIELD}%cd${FIELD}%s`,
      '--name-only',
      '--',
      '.',
    );
    const history = new Map<string, Revision[]>();
    for (const [file, revisions] of parseGitLog(log)) history.set(join(top, file), revisions);
    return history;
  } catch {
    return new Map();
  }
}
