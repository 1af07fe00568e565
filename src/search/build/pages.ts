import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from '#src/domain/text.ts';
import type { IndexedPage } from '#src/search/parts.ts';

/**
 * A story's page as the search step holds it: what the build knows of it, and a digest of what
 * Pagefind reads.
 */
export interface ArticlePage extends IndexedPage {
  /** A digest of what Pagefind reads of the page: a search part's cache key is made of these. */
  digest: string;
}

const INDEXED_ARTICLE = /<article\b[^>]*\bdata-pagefind-body\b/;

/**
 * What Pagefind reads of a page, up to the article's end tag: an `<html>` tag in the story's own
 * language, and its article. Pagefind indexes and stems a page by its `<html lang>`; a story page
 * is in the site's language around an article in the story's (`<article lang="ru">`), so the
 * article's language is the one given. Links around the article (neighbours, related stories)
 * change often and do not count. Null for a page with no article to index.
 */
export function indexedPart(html: string): string | null {
  const start = html.search(INDEXED_ARTICLE);
  if (start < 0) return null;
  const article = /^<article\b[^>]*>/.exec(html.slice(start, start + 2000))?.[0] ?? '';
  const lang =
    /\slang="([^"]+)"/.exec(article)?.[1] ?? /<html\b[^>]*\slang="([^"]+)"/.exec(html)?.[1];
  const tag = lang ? `<html lang="${lang}">` : '<html>';
  return `${tag}\n${html.slice(start, html.lastIndexOf('</article>'))}`;
}

/**
 * What Pagefind is given of a page: its `<html>` tag and its article, closed. A copy, not a
 * cut of the page: V8 keeps a cut-out string as a view of the whole string it came from, so a
 * cut would keep every rendered page in memory until its search part is indexed.
 */
export function indexedText(indexed: string): string {
  return Buffer.from(`${indexed}</article>`, 'utf8').toString('utf8');
}

export function articlePage(page: IndexedPage, indexed: string): ArticlePage {
  return { ...page, digest: createHash('sha1').update(indexed).digest('base64url') };
}

/**
 * A story's page as the built site holds it, for a page restored from the last build rather
 * than rendered in this one. Read with a synchronous call: tens of thousands of small reads,
 * each waiting on its own, cost more time than they save.
 */
export function readArticlePage(outDir: string, page: IndexedPage): ArticlePage {
  const indexed = indexedPart(readFileSync(join(outDir, page.file), 'utf8'));
  if (indexed === null)
    throw new Error(`${page.file} has no article marked data-pagefind-body to index`);
  return articlePage(page, indexed);
}

/** How many stories have each value of each filter, names and values in code-unit order. */
export function countFilters(pages: IndexedPage[]): Record<string, Record<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const page of pages) {
    for (const [name, value] of page.filters) {
      let values = counts.get(name);
      if (!values) counts.set(name, (values = new Map()));
      values.set(value, (values.get(value) ?? 0) + 1);
    }
  }
  const sorted = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => compareStrings(a, b));
  return Object.fromEntries(
    sorted(counts).map(([name, values]) => [name, Object.fromEntries(sorted(values))]),
  );
}
