import { execFileSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { parseStoryDate } from '#src/domain/dates.ts';
import { storyPath } from '#src/domain/urls.ts';
import { shared } from '#src/util/shared.ts';

/** One commit that changed a story file. */
export interface Revision {
  hash: string;
  /** ISO 8601 with the committer's own offset. */
  date: string;
  subject: string;
}

/** What one commit did to one file, as `git log --raw` lists it. */
export interface FileChange {
  /** Added, modified, deleted, or renamed (with or without changes). */
  status: 'A' | 'M' | 'D' | 'R';
  /** The path before, for a rename; the path itself otherwise. Relative to the repository. */
  from: string;
  to: string;
  /** The file's blob before and after. */
  fromBlob: string;
  toBlob: string;
}

export interface Commit extends Revision {
  changes: FileChange[];
}

/** A story's history in git: what the build shows and what it keeps answering. */
export interface History {
  /** Each story file's revisions, newest first, followed through its renames. */
  revisions: Map<string, Revision[]>;
  /** The site paths each story file had in earlier commits, newest first. */
  former: Map<string, string[]>;
  /** Story files deleted with no file taking their place, with the address each had last. */
  removed: { file: string; path: string; revision: Revision }[];
  /** A shallow clone's history stops early: old addresses before it are unknown. */
  shallow: boolean;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
/** `:100644 100644 <blob> <blob> M\tpath`, or `R087\told\tnew` for a rename. */
const RAW = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([AMDRTC])\d*\t([^\t]+)(?:\t(.+))?$/;

/**
 * Parses `git log --raw` output in Dateline's format, commits in the order given. Paths are
 * relative to the repository; only Markdown files are kept.
 */
export function parseGitLog(text: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of text.split(RECORD)) {
    const [header, ...lines] = record.split('\n');
    const [hash, date, subject] = (header ?? '').split(FIELD);
    if (!hash || !date) continue;
    const changes: FileChange[] = [];
    for (const line of lines) {
      const match = RAW.exec(line);
      if (!match) continue;
      const [, fromBlob, toBlob, kind, first, second] = match as unknown as [
        string,
        string,
        string,
        string,
        string,
        string?,
      ];
      const [from, to] = [first, second ?? first];
      if (!from.endsWith('.md') && !to.endsWith('.md')) continue;
      // A copy is a new file; a type change (a link made a file) is a change.
      const status = kind === 'C' ? 'A' : kind === 'T' ? 'M' : (kind as FileChange['status']);
      changes.push({ status, from: status === 'A' ? to : from, to, fromBlob, toBlob });
    }
    commits.push({ hash, date, subject: subject ?? '', changes });
  }
  return commits;
}

/**
 * Follows every story file through the commits, oldest first: its revisions, and each address
 * it had (its date, as `dateOf` reads it from a blob, and its file name) that differs from the
 * next. Keys are the paths the files have after the last commit.
 */
export function followFiles(
  commits: Commit[],
  dateOf: (blob: string) => string | undefined,
): Omit<History, 'shallow'> {
  interface Lineage {
    revisions: Revision[];
    former: string[];
  }
  const files = new Map<string, Lineage>();
  const removed: History['removed'] = [];
  const address = (path: string, blob: string) => {
    const date = dateOf(blob);
    return date === undefined ? undefined : storyPath(basename(path, '.md'), date);
  };
  for (const { changes, ...revision } of commits) {
    for (const change of changes) {
      if (change.status === 'D') {
        files.delete(change.from);
        const path = address(change.from, change.fromBlob);
        if (path) removed.push({ file: change.from, path, revision });
        continue;
      }
      const lineage =
        change.status === 'A' ? undefined : (files.get(change.from) ?? files.get(change.to));
      const next = lineage ?? { revisions: [], former: [] };
      next.revisions.unshift(revision);
      if (change.status === 'R' || change.status === 'M') {
        const [before, after] = [
          address(change.from, change.fromBlob),
          address(change.to, change.toBlob),
        ];
        if (before && after && before !== after && !next.former.includes(before))
          next.former.unshift(before);
      }
      files.delete(change.from);
      files.set(change.to, next);
    }
  }
  // A file deleted and later added again at the same path is not gone.
  const kept = removed.filter(({ file }) => !files.has(file));
  return {
    revisions: new Map([...files].map(([file, { revisions }]) => [file, revisions])),
    former: new Map(
      [...files].filter(([, { former }]) => former.length > 0).map(([f, l]) => [f, l.former]),
    ),
    removed: kept,
  };
}

/**
 * The story date a blob's frontmatter gives, read from its `date:` line alone: the address
 * needs nothing else, and a full YAML read of every old version would cost seconds on a long
 * history.
 */
export function frontmatterDate(text: string): string | undefined {
  const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  const line = frontmatter && /^date:[ \t]*(.*?)[ \t]*(?:#.*)?$/m.exec(frontmatter)?.[1];
  if (!line) return undefined;
  const parsed = parseStoryDate(line.replace(/^(["'])(.*)\1$/, '$2'));
  return parsed.ok ? parsed.date.iso : undefined;
}

/**
 * Every story file's history, read from git in one pass over the log (not one git call per
 * file) and one `git cat-file --batch` for the few versions whose date may have changed. `git
 * log -M --raw` names each commit's files with their blobs and renames without computing a
 * diff: rename detection compares only the files one commit adds and deletes, so a commit that
 * adds 20,000 stories costs nothing. Keys are absolute paths. Outside a git repository (a
 * tarball build) the history is empty.
 */
export function readHistory(contentDir: string): History {
  const dir = resolve(contentDir);
  const run = (args: string[]) =>
    execFileSync('git', ['-C', dir, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  let top: string;
  let commits: Commit[];
  let shallow: boolean;
  try {
    top = run(['rev-parse', '--show-toplevel']).trim();
    shallow = run(['rev-parse', '--is-shallow-repository']).trim() === 'true';
    commits = parseGitLog(
      run([
        'log',
        '-M',
        '--raw',
        '--no-abbrev',
        '--reverse',
        '--date=iso-strict',
        `--format=${RECORD}%H${FIELD}%cd${FIELD}%s`,
        '--',
        '.',
      ]),
    );
  } catch {
    return { revisions: new Map(), former: new Map(), removed: [], shallow: false };
  }
  // Blobs whose date decides an address: both sides of renames and modifications, deleted ones.
  const wanted = new Set<string>();
  for (const { changes } of commits)
    for (const change of changes)
      if (change.status !== 'A') {
        wanted.add(change.fromBlob);
        if (change.status !== 'D') wanted.add(change.toBlob);
      }
  const dates = readBlobDates(dir, [...wanted]);
  const followed = followFiles(commits, (blob) => dates.get(blob));
  const absolute = <T>(map: Map<string, T>) =>
    new Map([...map].map(([file, value]) => [join(top, file), value]));
  return {
    revisions: absolute(followed.revisions),
    former: absolute(followed.former),
    removed: followed.removed.map((gone) => ({ ...gone, file: join(top, gone.file) })),
    shallow,
  };
}

/** The frontmatter date of each blob, through one `git cat-file --batch`. */
function readBlobDates(dir: string, blobs: string[]): Map<string, string> {
  const dates = new Map<string, string>();
  if (blobs.length === 0) return dates;
  // Bytes, not text: each blob's size is given in bytes.
  const out = execFileSync('git', ['-C', dir, 'cat-file', '--batch'], {
    input: `${blobs.join('\n')}\n`,
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(10, at);
    if (headerEnd < 0) break;
    const [blob, type, size] = out.subarray(at, headerEnd).toString('latin1').split(' ');
    if (type !== 'blob') {
      at = headerEnd + 1;
      continue;
    }
    const end = headerEnd + 1 + Number(size);
    const date = frontmatterDate(out.subarray(headerEnd + 1, end).toString('utf8'));
    if (date) dates.set(blob!, date);
    at = end + 1;
  }
  return dates;
}

/**
 * `readHistory` for `astro dev`, which builds the archive again after every save: saving a
 * story changes no commit, so the history is read again only when HEAD moves.
 */
export function readHistoryOnce(contentDir: string): History {
  const cache = shared('dev-history', () => new Map<string, { head: string; history: History }>());
  let head = '';
  try {
    head = execFileSync('git', ['-C', resolve(contentDir), 'rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Not a repository, or no commit yet: nothing to remember.
  }
  const known = cache.get(resolve(contentDir));
  if (head && known?.head === head) return known.history;
  const history = readHistory(contentDir);
  cache.set(resolve(contentDir), { head, history });
  return history;
}
