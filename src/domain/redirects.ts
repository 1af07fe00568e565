import type { Problem } from './problems.ts';
import { compareStrings } from './text.ts';
import { isArchivePage } from './urls.ts';

/**
 * Old addresses of stories. A story's address is its date and file name, so correcting either
 * moves it; every address it had keeps answering, with a redirect to the one it has now. Old
 * addresses come from the story's `aliases:` and, by themselves, from git: a file renamed or
 * re-dated in a later commit (src/ingest/history.ts). All are site paths.
 *
 * A redirect always leads to a story's address now, and no story's address is ever an old
 * address, so a redirect never leads to another, and none can loop.
 */
export interface Redirect {
  /** The old site path: `/2019/11/18/old-slug/`. */
  from: string;
  /** The story's site path now. */
  to: string;
  /** The story's headline, for the redirect page. */
  title: string;
}

export interface MovedStory {
  /** As messages name it. */
  file: string;
  /** Its site path now. */
  path: string;
  title: string;
  /** From `aliases:`, with the line each is on, when known. */
  aliases: { path: string; line?: number }[];
  /** From git, newest first. */
  former: string[];
}

/** An address from git that cannot redirect, and why: for `npm run check`. */
export interface LostAddress {
  from: string;
  file: string;
  reason: string;
}

const ALIAS_FIX = 'write the old address as a path from the site’s root: /2019/11/18/old-slug/';

/** An `aliases:` entry as a site path (`/2019/11/18/old-slug/`), or what is wrong with it. */
export function aliasPath(value: string): { path: string } | { error: string; fix: string } {
  const text = value.trim();
  const wrong = (error: string) => ({ error: `"${text}" ${error}`, fix: ALIAS_FIX });
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//'))
    return wrong('is a full URL, not an address on this site');
  if (!text.startsWith('/')) return wrong('is not a site-relative path: it must start with /');
  if (/[?#]/.test(text)) return wrong('has a query or a fragment, which no redirect can match');
  if (/[^A-Za-z0-9._~%!*'(),+=:@&/-]/.test(text))
    return wrong('has a character an address cannot carry as it is (a space, a quote, $, ;)');
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return wrong('has a % that is not followed by two hexadecimal digits');
  }
  if (/["$;\s\\{}]/.test(decoded)) return wrong('encodes a space, a quote, $ or ;');
  const parts = text.split('/').slice(1, text.endsWith('/') ? -1 : undefined);
  if (parts.some((part) => part === '' || part === '.' || part === '..'))
    return wrong('has an empty, "." or ".." folder');
  if (parts.length === 0) return wrong('is the home page, never an old address of a story');
  return { path: `/${parts.join('/')}/` };
}

/**
 * Every redirect of the archive, and what stops the build: an alias that is a story's address
 * now (its own: a redirect to itself), one of the archive's own pages, or claimed by two
 * stories. An address from git that a story, an alias or a page of the archive has now is left
 * out and listed as lost: the file's history gives way to what the archive publishes.
 */
export function planRedirects(stories: MovedStory[]): {
  redirects: Redirect[];
  problems: Problem[];
  lost: LostAddress[];
} {
  const live = new Map(stories.map((story) => [story.path, story]));
  const claimed = new Map<string, MovedStory>();
  const problems: Problem[] = [];
  const redirects = new Map<string, Redirect>();
  for (const story of stories) {
    for (const alias of story.aliases) {
      const at = { file: story.file, line: alias.line, field: 'aliases' };
      const owner = live.get(alias.path);
      const other = claimed.get(alias.path);
      if (owner === story)
        problems.push({
          ...at,
          message: `${alias.path} is this story’s own address: it would redirect to itself`,
          fix: 'remove it from aliases: (only addresses the story had before belong there)',
        });
      else if (owner)
        problems.push({
          ...at,
          message: `${alias.path} is the address of ${owner.file}, which is published there`,
          fix: 'remove the alias, or correct the other story’s date or file name first',
        });
      else if (isArchivePage(alias.path))
        problems.push({
          ...at,
          message: `${alias.path} is one of the archive’s own pages (a listing or an index)`,
          fix: 'remove the alias: only a story’s old address can lead to it',
        });
      else if (other && other !== story)
        problems.push({
          ...at,
          message:
            `${alias.path} is also an alias of ${other.file}: an old address leads to one ` +
            'story only',
          fix: 'keep the alias only in the story that had the address',
        });
      else {
        claimed.set(alias.path, story);
        redirects.set(alias.path, { from: alias.path, to: story.path, title: story.title });
      }
    }
  }
  const lost: LostAddress[] = [];
  for (const story of stories) {
    for (const from of story.former) {
      if (from === story.path || redirects.get(from)?.to === story.path) continue;
      const owner = live.get(from);
      const reason = owner
        ? `${owner.file} is published there now`
        : isArchivePage(from)
          ? 'it is one of the archive’s own pages now'
          : redirects.has(from)
            ? `it is an alias of ${claimed.get(from)!.file}`
            : null;
      if (reason) lost.push({ from, file: story.file, reason });
      else redirects.set(from, { from, to: story.path, title: story.title });
    }
  }
  return {
    redirects: [...redirects.values()].sort((a, b) => compareStrings(a.from, b.from)),
    problems,
    lost,
  };
}

/**
 * `_redirects` for Netlify and Cloudflare Pages: a `from to 301` line for each, as URLs with
 * the base. Netlify serves a file that exists at the old address (its redirect page) before a
 * rule unless the rule is forced, `301!`; Cloudflare always applies rules first and refuses
 * the `!`. So the lines are forced only where the build runs on Netlify.
 */
export function redirectsFile(redirects: { from: string; to: string }[], forced = false): string {
  const status = forced ? '301!' : '301';
  return redirects.map(({ from, to }) => `${from} ${to} ${status}\n`).join('');
}

/**
 * The body of an nginx `map $uri …` block (deploy/nginx.conf includes it): each old URL, with
 * and without its trailing slash, to the new one. nginx matches the decoded path.
 */
export function nginxRedirectMap(redirects: { from: string; to: string }[]): string {
  return redirects
    .flatMap(({ from, to }) => {
      const decoded = decodeURIComponent(from);
      return [decoded, decoded.replace(/\/$/, '')].map((url) => `"${url}" "${to}";\n`);
    })
    .join('');
}
