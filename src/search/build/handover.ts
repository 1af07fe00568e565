import type { IndexedPage } from '#src/search/parts.ts';
import { forget, shared } from '#src/util/shared.ts';

/**
 * Where `astro build` hands story pages to the search step as it renders them: the search
 * middleware (./middleware.ts, in the pages' module graph) to the capture (./capture.ts,
 * in the integration's). See src/util/shared.ts for why they meet there.
 */
export interface SearchSink {
  /** Whether the sink still waits for the list of story pages the build will have. */
  readonly waiting: boolean;
  /** Every story page the build will have, with what the index needs to know of it. */
  expect(pages: IndexedPage[]): void;
  /** Whether the search step wants this page's HTML (`2019/11/19/slug/index.html`). */
  wants(file: string): boolean;
  capture(file: string, html: string): void;
}

const NAME = 'search-sink';
const slot = () => shared<{ sink?: SearchSink }>(NAME, () => ({}));

/** The sink of the build under way; none outside `astro build`. */
export const searchSink = (): SearchSink | undefined => slot().sink;

export function setSearchSink(sink: SearchSink | undefined): void {
  if (sink) slot().sink = sink;
  else forget(NAME);
}
