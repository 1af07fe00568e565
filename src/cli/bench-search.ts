// Measures search as a reader meets it, on a built site: the bytes the first query transfers,
// the time from pressing Enter to the first results, and the index size on disk.
//
//   npm run bench:search -- <dist-dir> [query ...]
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startPreview } from './serve.ts';

export interface SearchFigures {
  query: string;
  /** Bytes over the wire for the first query, page itself excluded. */
  firstQueryBytes: number;
  firstQueryRequests: number;
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

export async function benchSearch(outDir: string, queries = ['oil prices', 'bank rate']): Promise<SearchFigures> {
  const server = await startPreview(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Pagefind fetches most of its index from a web worker: count the context's requests, not the page's.
    const fetched: { url: string; bytes: number }[] = [];
    page.context().on('requestfinished', (request) => {
      void request.sizes().then((sizes) => fetched.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize }));
    });
    const status = () => page.locator('#search-status').textContent();
    const timeQuery = async (query: string) => {
      await page.locator('#search-query').fill(query);
      const started = await page.evaluate(() => performance.now());
      await page.locator('#search-query').press('Enter');
      await page.waitForFunction((q) => (document.querySelector('#search-status')?.textContent ?? '').includes(`“${q}”`) && document.querySelector('#search-results li'), query);
      return (await page.evaluate(() => performance.now())) - started;
    };
    // A first visit: nothing cached. Everything but the page's own HTML counts.
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
    await status();
    const enterToResultsMs = await timeQuery(queries[0]!);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    const counted = fetched.filter(({ url }) => !url.endsWith('/search/'));
    const bytes = counted.reduce((sum, { bytes }) => sum + bytes, 0);
    const requests = counted.length;
    if (process.env.DEBUG_BENCH) console.error(counted);
    const secondQueryMs = await timeQuery(queries[1] ?? queries[0]!);
    const index = await folderSize(join(outDir, 'pagefind'));
    return {
      query: queries[0]!,
      firstQueryBytes: bytes,
      firstQueryRequests: requests,
      enterToResultsMs: Math.round(enterToResultsMs),
      secondQueryMs: Math.round(secondQueryMs),
      indexBytes: index.bytes,
      indexFiles: index.files,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [outDir, ...queries] = positionals;
  if (!outDir) {
    console.error('usage: npm run bench:search -- <dist-dir> [query ...]');
    process.exit(2);
  }
  console.log(JSON.stringify(await benchSearch(outDir, queries.length ? queries : undefined), null, 2));
}
