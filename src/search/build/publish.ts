import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { searchIndexPath } from '#src/domain/urls.ts';
import { removeTree } from '#src/util/remove-tree.ts';
import { replaceFile } from '#src/util/replace-file.ts';
import { INDEX_TAG_PLACEHOLDER, type SearchManifest, type SearchPart } from '#src/search/parts.ts';
import { countFilters, type ArticlePage } from './pages.ts';

/**
 * Puts the cached parts into the site at `/pagefind/<part>/` and writes `/pagefind/parts.json`,
 * newest part first, with the build's own counts of every filter value.
 */
export async function publishParts(
  outDir: string,
  parts: { part: SearchPart<ArticlePage>; cached: string }[],
): Promise<void> {
  const pages = parts.flatMap(({ part }) => part.pages);
  const manifest: SearchManifest = { filters: countFilters(pages), parts: [] };
  for (const { part, cached } of parts) {
    const target = join(outDir, 'pagefind', part.id);
    await copyTree(cached, target);
    const entry = await readFile(join(target, 'pagefind-entry.json'));
    manifest.parts.unshift({
      id: part.id,
      path: searchIndexPath(`${part.id}/`),
      // Pagefind's entry file keeps its name; its hash tells a returning reader's browser when it
      // changed.
      tag: createHash('sha256').update(entry).digest('hex').slice(0, 16),
      stories: part.pages.length,
      from: part.from,
      to: part.to,
      months: [...new Set(part.pages.map((page) => page.month))].sort(),
    });
  }
  const root = join(outDir, 'pagefind');
  await mkdir(root, { recursive: true });
  const json = JSON.stringify(manifest);
  await writeFile(join(root, 'parts.json'), json);
  // The highlighter story pages load when they are reached from a search result.
  const newest = manifest.parts[0];
  if (newest)
    await copyFile(
      join(root, newest.id, 'pagefind-highlight.js'),
      join(root, 'pagefind-highlight.js'),
    );
  await tagSearchPage(outDir, createHash('sha256').update(json).digest('hex').slice(0, 16));
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

/** Deletes cached parts the archive no longer has. */
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
