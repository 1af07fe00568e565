import type { SearchSink } from './handover.ts';
import type { IndexedPage, SearchPart } from '#src/search/parts.ts';
import { indexedText, readArticle, type ArticlePage } from './article-pages.ts';

interface Pending {
  part: SearchPart;
  /** Pages of the part not rendered yet. */
  left: number;
  /** What Pagefind reads of each page rendered so far, by file. */
  texts: Map<string, string>;
}

/**
 * Collects article pages as `astro build` renders them (handed over by src/middleware.ts) and
 * calls `complete` as soon as every page of a search part has been rendered, so the part can
 * be indexed while the rest of the site is still being built. That is every part in a cold
 * build. In a warm build most pages are restored from Astro's cache, not rendered, so parts
 * rarely complete here, and the search step reads their pages from the built site instead.
 */
export class SearchCapture implements SearchSink {
  /** Every article page read as it was rendered, by file: the search step does not read it again. */
  readonly pages = new Map<string, ArticlePage>();
  #partOf = new Map<string, Pending>();
  #waiting = true;
  readonly #plan: (pages: IndexedPage[]) => SearchPart[];
  readonly #complete: (part: SearchPart<ArticlePage>, texts: [string, string][]) => void;

  /** `plan` divides the pages into search parts; `complete` is given each part whose pages are all rendered. */
  constructor(plan: (pages: IndexedPage[]) => SearchPart[], complete: (part: SearchPart<ArticlePage>, texts: [string, string][]) => void) {
    this.#plan = plan;
    this.#complete = complete;
  }

  get waiting(): boolean {
    return this.#waiting;
  }

  expect(pages: IndexedPage[]): void {
    this.#waiting = false;
    for (const part of this.#plan(pages)) {
      const pending: Pending = { part, left: part.pages.length, texts: new Map() };
      for (const page of part.pages) this.#partOf.set(page.file, pending);
    }
  }

  wants(file: string): boolean {
    return this.#partOf.has(file) && !this.pages.has(file);
  }

  capture(file: string, html: string): void {
    const pending = this.#partOf.get(file);
    if (!pending || this.pages.has(file)) return;
    let article: ReturnType<typeof readArticle>;
    try {
      article = readArticle(file, html);
    } catch {
      return; // the search step reads the page again from the site, and reports it there
    }
    if (!article) return;
    this.pages.set(file, article.page);
    pending.texts.set(file, indexedText(article.indexed));
    if (--pending.left > 0) return;
    const pages = pending.part.pages.map((page) => this.pages.get(page.file)!);
    const texts = pages.map(({ file }): [string, string] => [file, pending.texts.get(file)!]);
    pending.texts.clear();
    this.#complete({ ...pending.part, pages }, texts);
  }
}
