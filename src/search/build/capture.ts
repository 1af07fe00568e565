import type { IndexedPage, SearchPart } from '#src/search/parts.ts';
import type { SearchSink } from './handover.ts';
import { articlePage, indexedPart, indexedText, type ArticlePage } from './pages.ts';

interface Pending {
  part: SearchPart;
  /** Pages of the part not rendered yet. */
  left: number;
  /** What Pagefind reads of each page rendered so far, by file. */
  texts: Map<string, string>;
}

/**
 * Collects story pages as `astro build` renders them (handed over by ./middleware.ts) and
 * calls `complete` as soon as every page of a search part has been rendered, so the part can
 * be indexed while the rest of the site is still being built. That is every part in a cold
 * build. In a warm build most pages are restored from Astro's cache, not rendered, so parts
 * rarely complete here, and the search step reads their pages from the built site instead.
 */
export class SearchCapture implements SearchSink {
  /** Every story page read as it was rendered, by file: the search step does not read it again. */
  readonly pages = new Map<string, ArticlePage>();
  /** Every story page the build has, as the build described them; empty until `expect`. */
  expected: IndexedPage[] = [];
  #partOf = new Map<string, Pending>();
  #facts = new Map<string, IndexedPage>();
  #waiting = true;
  readonly #plan: (pages: IndexedPage[]) => SearchPart[];
  readonly #complete: (part: SearchPart<ArticlePage>, texts: [string, string][]) => void;

  /**
   * `plan` divides the pages into search parts; `complete` is given each part whose pages are all
   * rendered.
   */
  constructor(
    plan: (pages: IndexedPage[]) => SearchPart[],
    complete: (part: SearchPart<ArticlePage>, texts: [string, string][]) => void,
  ) {
    this.#plan = plan;
    this.#complete = complete;
  }

  get waiting(): boolean {
    return this.#waiting;
  }

  expect(pages: IndexedPage[]): void {
    this.#waiting = false;
    this.expected = pages;
    for (const part of this.#plan(pages)) {
      const pending: Pending = { part, left: part.pages.length, texts: new Map() };
      for (const page of part.pages) {
        this.#partOf.set(page.file, pending);
        this.#facts.set(page.file, page);
      }
    }
  }

  wants(file: string): boolean {
    return this.#partOf.has(file) && !this.pages.has(file);
  }

  capture(file: string, html: string): void {
    const pending = this.#partOf.get(file);
    if (!pending || this.pages.has(file)) return;
    const indexed = indexedPart(html);
    // A page with no article to index is left to the search step, which reports it.
    if (indexed === null) return;
    this.pages.set(file, articlePage(this.#facts.get(file)!, indexed));
    pending.texts.set(file, indexedText(indexed));
    if (--pending.left > 0) return;
    const pages = pending.part.pages.map((page) => this.pages.get(page.file)!);
    const texts = pages.map(({ file }): [string, string] => [file, pending.texts.get(file)!]);
    pending.texts.clear();
    this.#complete({ ...pending.part, pages }, texts);
  }
}
