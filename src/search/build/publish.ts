import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { searchIndexPath } from '#src/domain/urls.ts';
import { removeTree } from '#src/util/remove-tree.ts';
import { replaceFile } from '#src/util/replace-file.ts';
import { INDEX_TAG_PLACEHOLDER, type SearchManifest, type SearchPart } from '#src/search/parts.ts';
import type { Shard } from './headlines.ts';
import { HOLDING_FILTERS, type Holding } from '#src/search/periods.ts';
import { countFilters, type ArticlePage } from './pages.ts';
import { placeCountryExceptions } from '#src/search/countries.ts';

/** What the search step puts into the site, from the cache. */
export interface Published {
  /** The root index: Pagefind's code, WebAssembly and highlighter, and one record. */
  root: string;
  headlines: { shards: Shard[]; common: string[] };
  parts: { part: SearchPart<ArticlePage>; cached: string }[];
}

/**
 * Pagefind's entry file keeps its name; its hash tells a returning reader's browser when the
 * bundle changed.
 */
async function entryTag(folder: string): Promise<string> {
  const entry = await readFile(join(folder, 'pagefind-entry.json'));
  return createHash('sha256').update(entry).digest('hex').slice(0, 16);
}

/** The languages a bundle has an index for, as its entry file lists them. */
async function languagesOf(folder: string): Promise<string[]> {
  const entry = JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, unknown>;
  };
  return Object.keys(entry.languages).sort();
}

/**
 * Puts the cached index into the site: the root at `/pagefind/`, the headline shards at
 * `/pagefind/headlines/<shard>/`, the parts at `/pagefind/<part>/`, and writes
 * `/pagefind/parts.json` with the build's own counts of every filter value.
 */
export async function publishParts(outDir: string, index: Published): Promise<void> {
  const site = join(outDir, 'pagefind');
  removeTree(site);
  await copyTree(index.root, site);
  // The root's one page is named by its fragment file: `en_1a2b3c4.pf_fragment`.
  const [fragment] = await readdir(join(site, 'fragment'));
  const pages = index.parts.flatMap(({ part }) => part.pages);
  const filters = countFilters(pages);
  const placeCountries = placeCountryExceptions(
    pages.flatMap((page) => {
      const place = page.filters.find(([name]) => name === 'place')?.[1];
      const country = page.filters.find(([name]) => name === 'country')?.[1];
      return place !== undefined && country !== undefined ? [[place, country] as const] : [];
    }),
    Object.keys(filters.country ?? {}),
  );
  const manifest: SearchManifest = {
    filters,
    ...(Object.keys(placeCountries).length > 0 ? { placeCountries } : {}),
    root: {
      path: searchIndexPath(),
      tag: await entryTag(site),
      page: fragment!.replace(/\.pf_fragment$/, ''),
    },
    headlines: { shards: [], common: index.headlines.common },
    parts: [],
  };
  for (const [i, shard] of index.headlines.shards.entries()) {
    const target = join(site, 'headlines', String(i));
    await copyTree(shard.folder, target);
    manifest.headlines.shards.push({
      path: searchIndexPath(`headlines/${i}/`),
      tag: await entryTag(target),
      languages: shard.languages,
    });
  }
  for (const { part, cached } of index.parts) {
    const target = join(site, part.id);
    await copyTree(cached, target);
    manifest.parts.unshift({
      id: part.id,
      path: searchIndexPath(`${part.id}/`),
      tag: await entryTag(target),
      stories: part.pages.length,
      from: part.from,
      to: part.to,
      months: [...new Set(part.pages.map((page) => page.month))].sort(),
      languages: await languagesOf(target),
    });
  }
  const json = JSON.stringify(manifest);
  await writeFile(join(site, 'parts.json'), json);
  await writeFile(join(site, 'holding.json'), JSON.stringify(holdingOf(index.parts)));
  await tagSearchPage(outDir, createHash('sha256').update(json).digest('hex').slice(0, 16));
}

/** Which parts hold each value of each filter but the year (../periods.ts `Holding`). */
function holdingOf(parts: Published['parts']): Holding {
  const holding: Holding = {};
  // Indexes into the manifest's list, which is newest first.
  parts.forEach(({ part }, i) => {
    const index = parts.length - 1 - i;
    for (const [name, value] of part.pages.flatMap((page) => page.filters)) {
      if (!(HOLDING_FILTERS as readonly string[]).includes(name)) continue;
      const list = ((holding[name] ??= {})[value] ??= []);
      if (list.at(-1) !== index) list.push(index);
    }
  });
  return holding;
}

/**
 * The one change the search step makes to a page it did not render: the search page asks for
 * `parts.json?v=<tag>`, the manifest's own hash, so a returning reader's browser reuses it until
 * the index really changes, on hosts that cache it without asking. The hash exists only once
 * the index is written, after the page was rendered with a placeholder in its place.
 */
async function tagSearchPage(outDir: string, tag: string): Promise<void> {
  const page = join(outDir, 'search', 'index.html');
  const html = await readFile(page, 'utf8');
  const placeholder = `data-index-tag="${INDEX_TAG_PLACEHOLDER}"`;
  if (!html.includes(placeholder))
    throw new Error(`search/index.html has no ${placeholder} to hold the index's tag`);
  await replaceFile(page, html.replace(placeholder, `data-index-tag="${tag}"`));
}

/** Deletes cached parts the archive no longer has (`current` holds every name to keep). */
export async function forgetOldParts(cacheDir: string, current: Set<string>): Promise<void> {
  if (!existsSync(cacheDir)) return;
  for (const name of await readdir(cacheDir))
    if (!current.has(name)) removeTree(join(cacheDir, name));
}

/**
 * Copies a part from the cache into the site as hard links (`cp -al`): thousands of small
 * files, and neither side ever changes a file in place (a new index is written as new files,
 * and an old site or cached part is only ever deleted). Where links cannot be made (another
 * disk), it copies.
 */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(join(to, '..'), { recursive: true });
  if (process.platform !== 'win32') {
    for (const flags of ['-al', '-a']) {
      if (spawnSync('cp', [flags, from, to], { stdio: 'ignore' }).status === 0)
        return void (await rm(join(to, '.key'), { force: true }));
      removeTree(to);
    }
  }
  await cp(from, to, { recursive: true, filter: (source) => !source.endsWith('.key') });
}
