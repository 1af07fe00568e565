import { basename } from 'node:path';

/**
 * `npm run build` builds beside the site, in `dist.building-<id>`, and moves the site it
 * replaces to `dist.previous-<id>` before deleting it. The id is the build's pid and a random
 * part: the pid says whether the build still runs, the random part keeps names unique where
 * pids repeat (a fresh container gives the build the same pid every time).
 */
export type SiteFolderKind = 'building' | 'previous';

export function siteFolder(site: string, kind: SiteFolderKind, id: string): string {
  return `${site}.${kind}-${id}`;
}

/** What a folder beside the site is, from its name; null for anything else. */
export function parseSiteFolder(
  site: string,
  name: string,
): { kind: SiteFolderKind; pid: number } | null {
  const prefix = `${basename(site)}.`;
  if (!name.startsWith(prefix)) return null;
  const match = /^(building|previous)-(\d+)(?:-[0-9a-f]+)?$/.exec(name.slice(prefix.length));
  return match ? { kind: match[1] as SiteFolderKind, pid: Number(match[2]) } : null;
}
