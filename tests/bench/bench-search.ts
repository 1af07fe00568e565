// Measures search as a reader meets it, on a built site, in Chromium with an empty cache: the
// bytes and requests from opening /search/ and pressing Enter until the first results are on
// screen and until the search is complete (every period searched, the filter counts shown), the
// same times with the network throttled to a slow 4G profile, and the known-item score: of
// stories picked with a fixed seed, how many are in the first three results when their exact
// headline is searched, arriving with it in the URL.
//
//   npm run bench:search -- <dist-dir> [query ...] [--known N] [--seed N] [--stories file]
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseCommand, refuse, type CommandSpec } from '#src/cli/args.ts';
import { seededRandom } from './corpora/synthetic.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startPreview } from '../support/serve.ts';

/** Chromium's slow 4G profile, as the issue measures it: 1.6 Mbit/s down, 150 ms round trip. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

export interface QueryFigures {
  query: string;
  firstBytes: number;
  firstRequests: number;
  completeBytes: number;
  completeRequests: number;
  /** Of the bytes before first results, those fetched before Enter (opening /search/). */
  openBytes: number;
  enterToFirstMs: number;
  enterToCompleteMs: number;
  throttledFirstMs: number;
  throttledCompleteMs: number;
}

export interface KnownItemFigures {
  picked: number;
  inFirstThree: number;
  first: number;
  /** Bytes before first results of each known-item visit (page open included). */
  medianBytes: number;
  maxBytes: number;
  missed: string[];
}

// Functions, not strings: the site's security policy forbids evaluating a string as script.
const FIRST = () => document.querySelector('#search-results li') !== null;
/**
 * Installed in every page before its scripts: the moment (epoch ms) the first result is put on
 * screen, to the millisecond, where polling for it would be late by up to its interval and count
 * requests the page starts after its first results (the periods searched ahead).
 */
const MARK_FIRST_SHOWN = () => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('#search-results li') === null) return;
    (window as unknown as { firstShownAt: number }).firstShownAt =
      performance.timeOrigin + performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
};
const firstShownAt = (page: Page) =>
  page.evaluate(() => (window as unknown as { firstShownAt?: number }).firstShownAt ?? Date.now());
const COMPLETE = () =>
  (document.querySelector('#search-status')?.textContent ?? '') !== 'Searching…' &&
  document.querySelector('#search-filters[aria-busy="true"]') === null;

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

/**
 * A fresh browser context, cache empty (and on, as a reader's is): every response it receives,
 * the web worker's included, with its size and when it finished.
 */
async function visit(browser: Browser, throttled: boolean) {
  const context = await browser.newContext();
  await context.addInitScript(MARK_FIRST_SHOWN);
  const page = await context.newPage();
  if (throttled) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  /** Each response: when it finished, and when the browser started its request (epoch ms). */
  const fetched: { url: string; bytes: number; at: number; started: number }[] = [];
  context.on('requestfinished', (request) => {
    const at = Date.now();
    const started = request.timing().startTime;
    void request.sizes().then(
      (sizes) =>
        fetched.push({
          url: request.url(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
          at,
          started: started > 0 ? started : at,
        }),
      // A request that finishes as the context closes is past what is counted.
      () => undefined,
    );
  });
  /** What finished by `until`, or, `by` start, what the page had asked for by then. */
  const counted = (until = Infinity, by: 'at' | 'started' = 'at') =>
    fetched.filter(
      (request) => !new URL(request.url).pathname.endsWith('/search/') && request[by] <= until,
    );
  const sum = (list: { bytes: number }[]) => list.reduce((total, { bytes }) => total + bytes, 0);
  return { context, page, counted, sum };
}

async function measureQuery(browser: Browser, url: string, query: string) {
  const run = async (throttled: boolean) => {
    const v = await visit(browser, throttled);
    await v.page.goto(`${url}/search/`);
    await v.page.waitForFunction(
      () => (document.querySelector('#search-status')?.textContent ?? '') !== '',
    );
    // The root index starts loading as the page opens: let it finish, as a reader typing would.
    await v.page.waitForLoadState('networkidle');
    const opened = Date.now();
    await v.page.locator('#search-query').fill(query);
    const clock = () => v.page.evaluate(() => performance.timeOrigin + performance.now());
    const started = await clock();
    await v.page.locator('#search-query').press('Enter');
    await v.page.waitForFunction(FIRST, undefined, { polling: 20, timeout: 300_000 });
    const shownAt = await firstShownAt(v.page);
    const first = { ms: shownAt - started, at: shownAt };
    await v.page.waitForFunction(COMPLETE, undefined, { polling: 20, timeout: 600_000 });
    const complete = { ms: (await clock()) - started, at: Date.now() };
    await v.page.waitForTimeout(300);
    const figures = {
      // The first results' cost: what the page asked for before they were on screen.
      first: v.counted(first.at, 'started'),
      complete: v.counted(complete.at),
      open: v.counted(opened),
      firstMs: first.ms,
      completeMs: complete.ms,
    };
    if (process.env.DEBUG_BENCH)
      console.error(
        v
          .counted()
          .map(
            ({ url: u, bytes, started: asked }) =>
              `${bytes}\t${asked <= first.at ? 'first' : 'later'}\t${u}`,
          )
          .join('\n'),
      );
    await v.context.close();
    return { ...figures, sum: v.sum };
  };
  const fast = await run(false);
  const slow = await run(true);
  return {
    query,
    firstBytes: fast.sum(fast.first),
    firstRequests: fast.first.length,
    completeBytes: fast.sum(fast.complete),
    completeRequests: fast.complete.length,
    openBytes: fast.sum(fast.open),
    enterToFirstMs: Math.round(fast.firstMs),
    enterToCompleteMs: Math.round(fast.completeMs),
    throttledFirstMs: Math.round(slow.firstMs),
    throttledCompleteMs: Math.round(slow.completeMs),
  } satisfies QueryFigures;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (html: string) =>
  html.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#')
      ? String.fromCodePoint(
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
        )
      : (ENTITIES[name] ?? whole),
  );

/** A story's site path (`/1987/03/03/slug/`) and its headline. */
type KnownStory = [path: string, headline: string];

/** Story pages of a built site, in code-unit order of their paths: `/1987/03/03/slug/`. */
async function storyPaths(outDir: string): Promise<string[]> {
  const files = (await readdir(outDir, { recursive: true })).map(String);
  return files
    .filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file))
    .map((file) => `/${file.slice(0, -'index.html'.length)}`)
    .sort();
}

/**
 * `count` stories picked with `seed`, each with its headline: from the built site's story pages,
 * or from a list of them (an index built without its pages: ./search-index.ts).
 */
async function pickStories(
  outDir: string,
  count: number,
  seed: number,
  listed?: KnownStory[],
): Promise<KnownStory[]> {
  const paths = listed ? listed.map(([path]) => path).sort() : await storyPaths(outDir);
  const headlines = new Map(listed);
  const random = seededRandom(seed);
  const picked = new Set<string>();
  while (picked.size < Math.min(count, paths.length))
    picked.add(paths[Math.floor(random() * paths.length)]!);
  const stories: KnownStory[] = [];
  for (const path of picked) {
    let headline = headlines.get(path);
    if (headline === undefined) {
      const html = await readFile(join(outDir, path, 'index.html'), 'utf8');
      headline = decode(/<h1 class="story-headline">([^<]*)<\/h1>/.exec(html)?.[1] ?? '');
    }
    stories.push([path, headline]);
  }
  return stories;
}

async function knownItems(
  browser: Browser,
  url: string,
  stories: KnownStory[],
): Promise<KnownItemFigures> {
  let inFirstThree = 0;
  let first = 0;
  const bytes: number[] = [];
  const missed: string[] = [];
  for (const [path, headline] of stories) {
    const v = await visit(browser, false);
    await v.page.goto(`${url}/search/?q=${encodeURIComponent(headline)}`);
    await v.page.waitForFunction(FIRST, undefined, { polling: 20, timeout: 300_000 });
    const at = await firstShownAt(v.page);
    const shown = await v.page
      .locator('#search-results li h3 a')
      .evaluateAll((links) =>
        links.slice(0, 3).map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );
    await v.page.waitForTimeout(200);
    bytes.push(v.sum(v.counted(at, 'started')));
    await v.context.close();
    if (shown.includes(path)) inFirstThree++;
    else missed.push(`${headline} (${path})`);
    if (shown[0] === path) first++;
  }
  bytes.sort((a, b) => a - b);
  return {
    picked: stories.length,
    inFirstThree,
    first,
    medianBytes: bytes[Math.floor(bytes.length / 2)] ?? 0,
    maxBytes: bytes.at(-1) ?? 0,
    missed,
  };
}

export async function benchSearch(
  outDir: string,
  queries = ['oil prices', 'bank rate'],
  known = 100,
  seed = 21578,
  listed?: KnownStory[],
) {
  const server = await startPreview(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const figures: QueryFigures[] = [];
    for (const query of queries) figures.push(await measureQuery(browser, server.url, query));
    const knownItem =
      known > 0
        ? await knownItems(browser, server.url, await pickStories(outDir, known, seed, listed))
        : undefined;
    const index = await folderSize(join(outDir, 'pagefind'));
    return { queries: figures, knownItem, indexBytes: index.bytes, indexFiles: index.files };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.main) {
  const spec = {
    name: 'npm run bench:search',
    summary:
      'Measures search on a built site in Chromium: bytes, requests and time to the first ' +
      'results and to the complete answer, unthrottled and on slow 4G, and the known-item score.',
    usage: '<dist-dir> [query ...] [--known N] [--seed N] [--stories file]',
    positionals: true,
    options: {
      known: {
        type: 'string',
        default: '100',
        description: 'stories searched by their exact headline; 0 for none',
      },
      seed: { type: 'string', default: '21578', description: 'seed that picks those stories' },
      stories: {
        type: 'string',
        value: 'file',
        description:
          'pick them from this JSON list of [path, headline] (an index built without its pages)',
      },
    },
    notes: ['The queries are "oil prices", then "bank rate", unless given.'],
  } satisfies CommandSpec;
  const { positionals, values } = parseCommand(spec);
  const [outDir, ...queries] = positionals;
  if (!outDir) refuse(spec, 'name the built site, e.g. dist');
  const known = Number(values.known);
  const seed = Number(values.seed);
  if (!Number.isInteger(known) || known < 0) refuse(spec, '--known takes a whole number');
  if (!Number.isInteger(seed)) refuse(spec, '--seed takes a whole number');
  const listed = values.stories
    ? (JSON.parse(await readFile(values.stories, 'utf8')) as KnownStory[])
    : undefined;
  console.log(
    JSON.stringify(
      await benchSearch(outDir, queries.length ? queries : undefined, known, seed, listed),
      null,
      2,
    ),
  );
}
