import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IndexedPage } from '#src/search/parts.ts';

export interface ArticlePage extends IndexedPage {
  month: string;
  /** A digest of what Pagefind reads of the page: the search part's cache key is made of these. */
  digest: string;
  /** The page's filter values, `name` and `value`, as Pagefind will record them. */
  filters: [string, string][];
}

/**
 * An article page as the search step sees it, with `indexed`: what Pagefind reads of it, the
 * page's `<html>` tag and its article. Links around the article (neighbours, related stories)
 * change often and do not count. Null for a page with no article to index.
 */
export function readArticle(file: string, html: string): { page: ArticlePage; indexed: string } | null {
  const indexed = indexedPart(html);
  if (indexed === null) return null;
  const start = indexed.search(INDEXED_ARTICLE);
  const article = indexed.slice(start, indexed.indexOf('>', start) + 1);
  const published = /\bdata-published="([^"]+)"/.exec(article)?.[1];
  const storyMonth = /\bdata-month="([^"]+)"/.exec(article)?.[1];
  if (!published || !storyMonth) throw new Error(`${file}: the article has no data-published or data-month, which the search index needs`);
  return {
    page: {
      file,
      published: detached(published),
      month: detached(storyMonth),
      digest: createHash('sha1').update(indexed).digest('base64url'),
      filters: filterValues(indexed).map(([name, value]) => [detached(name), detached(value)]),
    },
    indexed,
  };
}

const INDEXED_ARTICLE = /<article\b[^>]*\bdata-pagefind-body\b/;

/** What Pagefind reads of a page, up to the article's end tag: its `<html>` tag and its article. Null without one. */
export function indexedPart(html: string): string | null {
  const start = html.search(INDEXED_ARTICLE);
  if (start < 0) return null;
  return `${/<html\b[^>]*>/.exec(html)?.[0] ?? ''}\n${html.slice(start, html.lastIndexOf('</article>'))}`;
}

/**
 * What Pagefind is given of a page: its `<html>` tag and its article, closed. A copy, not a
 * cut of the page: a cut would keep the whole page in memory until its search part is indexed.
 */
export function indexedText(indexed: string): string {
  return detached(`${indexed}</article>`);
}

/**
 * Every article page of a built site. Pages in `known` (read as they were rendered) are not
 * read again. Read with synchronous calls: tens of thousands of small reads, each waiting on
 * its own, cost more time than they save.
 */
export function readArticlePages(outDir: string, known: ReadonlyMap<string, ArticlePage>): ArticlePage[] {
  const pages: ArticlePage[] = [];
  const folders = (path: string, pattern: RegExp) => (existsSync(path) ? readdirSync(path).filter((name) => pattern.test(name)) : []);
  for (const year of folders(outDir, /^\d{4}$/)) {
    for (const month of folders(join(outDir, year), /^\d{2}$/)) {
      for (const day of folders(join(outDir, year, month), /^\d{2}$/)) {
        for (const slug of readdirSync(join(outDir, year, month, day))) {
          const file = `${year}/${month}/${day}/${slug}/index.html`;
          const seen = known.get(file);
          if (seen) {
            pages.push(seen);
            continue;
          }
          let html: string;
          try {
            html = readFileSync(join(outDir, file), 'utf8');
          } catch {
            continue; // a listing's page/ folder, not a story
          }
          const article = readArticle(file, html);
          if (article) pages.push(article.page);
        }
      }
    }
  }
  return pages;
}

/**
 * A copy of a string cut from a page. V8 keeps a cut-out string as a view of the whole page it
 * came from, so keeping one date per story kept every article page in memory: 1.3 GB more
 * peak memory for 100,000 stories.
 */
export function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

const FILTER_TAG = /<([a-z][\w-]*)\b[^>]*\bdata-pagefind-filter="([^"]*)"[^>]*>/g;

/**
 * The filter values of an article, read as Pagefind reads them: `name[attribute]` takes the
 * attribute's value, a bare `name` the element's text. The search page lists them, with their
 * counts, before Pagefind's own filter files are loaded; a browser test checks the two agree.
 */
function filterValues(article: string): [string, string][] {
  const found = new Map<string, [string, string]>();
  for (const match of article.matchAll(FILTER_TAG)) {
    const [tag, element, spec] = match as unknown as [string, string, string];
    for (const filter of spec.split(',')) {
      const [, name, attribute] = /^\s*([\w-]+)(?:\[([\w-]+)\])?\s*$/.exec(filter) ?? [];
      if (!name) continue;
      const start = match.index + tag.length;
      const raw = attribute ? new RegExp(`\\s${attribute}="([^"]*)"`).exec(tag)?.[1] : article.slice(start, article.indexOf(`</${element}>`, start)).replace(/<[^>]*>/g, '');
      const value = decodeEntities(raw ?? '').replace(/\s+/g, ' ').trim();
      if (value) found.set(`${name}\n${value}`, [name, value]);
    }
  }
  return [...found.values()];
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) =>
    body[0] === '#' ? String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1))) : (named[body.toLowerCase()] ?? entity),
  );
}

/** How many stories have each value of each filter. */
export function countFilters(pages: ArticlePage[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const page of pages) {
    for (const [name, value] of page.filters) {
      const values = (counts[name] ??= {});
      values[value] = (values[value] ?? 0) + 1;
    }
  }
  return counts;
}
