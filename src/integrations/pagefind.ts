import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

const ARTICLE_PAGES = '[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html';

/**
 * Builds the search index as the last step of `astro build`, with Pagefind's Node API, so a
 * built site is always searchable. Only what article pages mark with `data-pagefind-body`
 * (headline and story text) is indexed.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'dateline-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        try {
          // Only article pages (/YYYY/MM/DD/slug/) carry data-pagefind-body: reading the
          // listing pages too would cost time and index nothing.
          const added = await index.addDirectory({ path: outDir, glob: ARTICLE_PAGES });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          await tagSearchPage(outDir);
          logger.info(`indexed ${added.page_count} stories in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * Pagefind fetches its entry file with a cache-busting tag; by default a new one on every
 * visit. Tagging it with a hash of this build's index lets a returning reader's browser reuse
 * everything until the index really changes.
 */
async function tagSearchPage(outDir: string): Promise<void> {
  const entry = await readFile(join(outDir, 'pagefind', 'pagefind-entry.json'));
  const tag = createHash('sha256').update(entry).digest('hex').slice(0, 16);
  const page = join(outDir, 'search', 'index.html');
  const html = await readFile(page, 'utf8');
  await writeFile(page, html.replace('data-index-tag="DATELINE_INDEX_TAG"', `data-index-tag="${tag}"`));
}
