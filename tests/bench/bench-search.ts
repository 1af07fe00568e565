// Measures search as a reader meets it, on a built site: the bytes the first query transfers
// (typed on the search page, and arriving with it in the URL), the time from pressing Enter to
// the first results, and the index size on disk.
//
//   npm run bench:search -- <dist-dir> [query ...]
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCommand, refuse, type CommandSpec } from '#src/cli/args.ts';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startPreview } from '../support/serve.ts';

export interface SearchFigures {
  query: string;
  /**
   * Bytes over the wire, page HTML excluded, from opening the search page and typing the query
   * until the first results are on screen.
   */
  firstQueryBytes: number;
  firstQueryRequests: number;
  /** The same, until the network is idle: with the filter counts that follow the results. */
  firstQueryBytesIdle: number;
  /**
   * Bytes until the first results, for a reader arriving with the query in the URL (`/search/?q=…`,
   * as the header's search box sends).
   */
  arrivingBytes: number;
  /** Milliseconds from Enter to the first result on screen. */
  enterToResultsMs: number;
  /** Milliseconds from Enter to results for a second, different query (index warm). */
  secondQueryMs: number;
  indexBytes: number;
  indexFiles: number;
}

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = 0;
  let files = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

export async function benchSearch(
  outDir: string,
  queries = ['oil prices', 'bank rate'],
): Promise<SearchFigures> {
  const server = await startPreview(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const query = queries[0]!;
  const resultsShown = (q: string) =>
    `(document.querySelector('#search-status')?.textContent ?? ` +
    `'').includes(${JSON.stringify(`“${q}”`)}) && document.querySelector('#search-results li') ` +
    `!== null`;

  /**
   * A first visit in a fresh browser context, nothing cached: what each request weighed and when it
   * finished.
   */
  const visit = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const fetched: { url: string; bytes: number; at: number }[] = [];
    // Pagefind fetches most of its index from a web worker: count the context's requests, not the
    // page's.
    context.on('requestfinished', (request) => {
      const at = Date.now();
      void request.sizes().then((sizes) =>
        fetched.push({
          url: request.url(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          at,
        }),
      );
    });
    const counted = (until = Infinity) =>
      fetched.filter(({ url, at }) => !new URL(url).pathname.endsWith('/search/') && at <= until);
    const sum = (list: { bytes: number }[]) => list.reduce((total, { bytes }) => total + bytes, 0);
    return { context, page, counted, sum };
  };

  try {
    // Opening the search page, then typing the query.
    const typed = await visit();
    const { page } = typed;
    const timeQuery = async (q: string) => {
      await page.locator('#search-query').fill(q);
      const started = await page.evaluate(() => performance.now());
      await page.locator('#search-query').press('Enter');
      await page.waitForFunction(resultsShown(q));
      return { ms: (await page.evaluate(() => performance.now())) - started, at: Date.now() };
    };
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(
      () => (document.querySelector('#search-status')?.textContent ?? '') !== '',
    );
    const first = await timeQuery(query);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const untilResults = typed.counted(first.at);
    if (process.env.DEBUG_BENCH)
      console.error(
        typed
          .counted()
          .map(({ url, bytes, at }) => `${bytes}\t${at <= first.at ? 'before' : 'after'}\t${url}`)
          .join('\n'),
      );
    const firstQueryBytesIdle = typed.sum(typed.counted());
    const second = await timeQuery(queries[1] ?? query);
    await typed.context.close();

    // Arriving with the query in the URL.
    const arriving = await visit();
    await arriving.page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    await arriving.page.waitForFunction(resultsShown(query));
    const arrivedAt = Date.now();
    await arriving.page.waitForTimeout(300);
    const arrivingBytes = arriving.sum(arriving.counted(arrivedAt));
    await arriving.context.close();

    const index = await folderSize(join(outDir, 'pagefind'));
    return {
      query,
      firstQueryBytes: typed.sum(untilResults),
      firstQueryRequests: untilResults.length,
      firstQueryBytesIdle,
      arrivingBytes,
      enterToResultsMs: Math.round(first.ms),
      secondQueryMs: Math.round(second.ms),
      indexBytes: index.bytes,
      indexFiles: index.files,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) {
  const spec = {
    name: 'npm run bench:search',
    summary: 'Measures search on a built site in Chromium: bytes and time to the first results.',
    usage: '<dist-dir> [query ...]',
    positionals: true,
    options: {},
    notes: ['The queries are "oil prices", then "bank rate", unless given.'],
  } satisfies CommandSpec;
  const { positionals } = parseCommand(spec);
  const [outDir, ...queries] = positionals;
  if (!outDir) refuse(spec, 'name the built site, e.g. dist');
  console.log(
    JSON.stringify(await benchSearch(outDir, queries.length ? queries : undefined), null, 2),
  );
}
