import type { IndexedPage } from '#src/search/parts.ts';

/**
 * Where `astro build` hands article pages to the search step as it renders them
 * (src/middleware.ts to src/integrations/search-capture.ts). Both run in the build's process,
 * in modules Astro loads apart, so they meet on a global.
 */
const SINK = Symbol.for('dateline.search-sink');

export interface SearchSink {
  /** Whether the sink still waits for the list of article pages the build will have. */
  readonly waiting: boolean;
  /** Every article page the build will have, with when it was published. */
  expect(pages: IndexedPage[]): void;
  /** Whether the search step wants this page's HTML (`2019/11/19/slug/index.html`). */
  wants(file: string): boolean;
  capture(file: string, html: string): void;
}

/** The file a page's URL path is written to, as the sink names pages: `/2019/11/19/slug/` → `2019/11/19/slug/index.html`. */
export function pageFile(path: string): string {
  return `${path.slice(1)}index.html`;
}

type WithSink = typeof globalThis & { [SINK]?: SearchSink };

export function searchSink(): SearchSink | undefined {
  return (globalThis as WithSink)[SINK];
}

export function setSearchSink(sink: SearchSink | undefined): void {
  (globalThis as WithSink)[SINK] = sink;
}
