import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { cacheKey } from '../lib/cache-key.ts';
import { count } from '../lib/plural.ts';
import { removeTree } from '../lib/remove-tree.ts';
import { replaceFile } from '../lib/replace-file.ts';
import { runAtOnce } from '../lib/run-at-once.ts';
import { planSearchParts, type IndexedPage, type SearchManifest, type SearchPart } from '../lib/search-parts.ts';
import type { PartJob, PartReply } from './search-part-worker.ts';

/** Changes whenever what a part's key covers changes, so older cached parts are not reused. */
const PART_FORMAT = 'dateline-search-part-2';
/** Pagefind's ready-made interfaces: the search page uses its JS API, so these are never loaded. */
const UNUSED_FILES = /^pagefind-(ui|modular-ui|component-ui)\.(js|css)$/;
/**
 * Search parts indexed at the same time, each by its own Pagefind process. Two keep two cores
 * busy: Pagefind reads pages on every core but writes an index on one. Each process holds its
 * part in memory (about 1.2 GB for 16,000 stories), so more would cost memory for little time.
 */
const PARTS_AT_ONCE = 2;

interface ArticlePage extends IndexedPage {
  month: string;
  digest: string;
  /** The page's filter values, `name` and `value`, as Pagefind will record them. */
  filters: [string, string][];
}

/**
 * Builds the search index as the last step of `astro build`, with Pagefind's Node API, so a
 * built site is always searchable. Only what article pages mark with `data-pagefind-body`
 * (headline and story text) is indexed.
 *
 * The index is written in parts by date (src/lib/search-parts.ts), two at a time, each into
 * `/pagefind/<part>/`. A part whose articles are, byte for byte, those the last build
 * indexed is copied from the cache instead of being indexed again, so an edit re-indexes one
 * part. Pagefind reads only the article element (and the page's language), so only that
 * counts: a new neighbour or related story changes the links around an article, not the index.
 */
export default function pagefindIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'dateline-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'dateline-search');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const pages = readArticlePages(outDir);
        const parts = planSearchParts(pages, Number(process.env.DATELINE_SEARCH_PART_STORIES) || undefined);
        const version = pagefindVersion();
        const stageDir = `${cacheDir}-stage`;
        clearStages(stageDir);
        const plan = parts.map((part) => {
          const [key, cached] = [partKey(part, version), join(cacheDir, part.id)];
          return { part, key, cached, target: join(outDir, 'pagefind', part.id), unchanged: readKey(cached) === key };
        });
        for (const { cached, target, unchanged } of plan) if (unchanged) await copyTree(cached, target);
        const changed = plan.filter(({ unchanged }) => !unchanged);
        await runAtOnce(changed, PARTS_AT_ONCE, async ({ part, key, target, cached }) => {
          await indexPart(outDir, stageDir, part, target, logger);
          removeTree(cached);
          await copyTree(target, cached);
          await writeFile(join(cached, '.key'), key);
        });
        const manifest: SearchManifest = { filters: countFilters(pages), parts: [] };
        for (const { part, target } of plan) {
          const entry = await readFile(join(target, 'pagefind-entry.json'));
          manifest.parts.unshift({
            id: part.id,
            path: `/pagefind/${part.id}/`,
            tag: createHash('sha256').update(entry).digest('hex').slice(0, 16),
            stories: part.pages.length,
            from: part.from,
            to: part.to,
            months: [...new Set(part.pages.map((page) => page.month))].sort(),
          });
        }
        await forgetOldParts(cacheDir, new Set(parts.map((part) => part.id)));
        await writeManifest(outDir, manifest);
        logger.info(`indexed ${count(pages.length, 'story', 'stories')} in ${Math.round(performance.now() - started)} ms (${changed.length} of ${parts.length} search parts indexed, the others unchanged)`);
      },
    },
  };
}

/**
 * Every article page, with its publication instant and a digest of what Pagefind reads of it.
 * Read with synchronous calls: tens of thousands of small reads, each waiting on its own, cost
 * more time than they save.
 */
function readArticlePages(outDir: string): ArticlePage[] {
  const pages: ArticlePage[] = [];
  const folders = (path: string, pattern: RegExp) => (existsSync(path) ? readdirSync(path).filter((name) => pattern.test(name)) : []);
  for (const year of folders(outDir, /^\d{4}$/)) {
    for (const month of folders(join(outDir, year), /^\d{2}$/)) {
      for (const day of folders(join(outDir, year, month), /^\d{2}$/)) {
        for (const slug of readdirSync(join(outDir, year, month, day))) {
          const file = `${year}/${month}/${day}/${slug}/index.html`;
          let html: string;
          try {
            html = readFileSync(join(outDir, file), 'utf8');
          } catch {
            continue; // a listing's page/ folder, not a story
          }
          const start = html.search(/<article\b[^>]*\bdata-pagefind-body\b/);
          if (start < 0) continue;
          // What Pagefind reads of the page: the language, and the article it is told to index.
          // Links around it (neighbours, related stories) change often and do not count.
          const indexed = `${/<html\b[^>]*>/.exec(html)?.[0] ?? ''}\n${html.slice(start, html.lastIndexOf('</article>'))}`;
          const article = html.slice(start, html.indexOf('>', start) + 1);
          const published = /\bdata-published="([^"]+)"/.exec(article)?.[1];
          const storyMonth = /\bdata-month="([^"]+)"/.exec(article)?.[1];
          if (!published || !storyMonth) throw new Error(`${file}: the article has no data-published or data-month, which the search index needs`);
          pages.push({
            file,
            published: detached(published),
            month: detached(storyMonth),
            digest: createHash('sha1').update(indexed).digest('base64url'),
            filters: filterValues(indexed).map(([name, value]) => [detached(name), detached(value)]),
          });
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
function detached(text: string): string {
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

function countFilters(pages: ArticlePage[]): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const page of pages) {
    for (const [name, value] of page.filters) {
      const values = (counts[name] ??= {});
      values[value] = (values[value] ?? 0) + 1;
    }
  }
  return counts;
}

function pagefindVersion(): string {
  const manifest = join(process.cwd(), 'node_modules', 'pagefind', 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : 'unknown';
}

function partKey(part: SearchPart<ArticlePage>, version: string): string {
  return cacheKey(PART_FORMAT, version, part.id, part.pages.map((page) => [page.file, page.digest]));
}

function readKey(cached: string): string | null {
  try {
    return readFileSync(join(cached, '.key'), 'utf8');
  } catch {
    return null;
  }
}

async function indexPart(outDir: string, stageDir: string, part: SearchPart<ArticlePage>, target: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  // Pagefind numbers pages in the order it reads them, and reads a folder in a fixed order:
  // the part's pages are linked into a folder of their own (hard links, nothing is copied),
  // so that the same pages always give the same index, byte for byte. The folder's name is
  // this build's own, so a deletion still running from an earlier build cannot touch it.
  const stage = join(stageDir, `${part.id}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    for (const { file } of part.pages) {
      mkdirSync(join(stage, file, '..'), { recursive: true });
      try {
        linkSync(join(outDir, file), join(stage, file));
      } catch {
        copyFileSync(join(outDir, file), join(stage, file));
      }
    }
    const reply = await indexInWorker({ stage, target });
    if ('error' in reply) throw new Error(`Pagefind could not index search part ${part.id}: ${reply.error}`);
    if (reply.pageCount !== part.pages.length) throw new Error(`Pagefind indexed ${reply.pageCount} of the ${part.pages.length} stories of search part ${part.id}`);
  } finally {
    // Thousands of links: deleting them is left to a background process, not waited for.
    removeTree(stage, { background: true });
  }
  for (const name of await readdir(target)) if (UNUSED_FILES.test(name)) await rm(join(target, name));
  logger.info(`search part ${part.id}: ${count(part.pages.length, 'story', 'stories')} indexed in ${Math.round(performance.now() - started)} ms`);
}

/**
 * Indexes one part in a worker thread, which starts a Pagefind process of its own. Pagefind
 * writes an index on one core, so while one part is written the next is read on the other.
 */
function indexInWorker(job: PartJob): Promise<PartReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-part-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the search indexing thread stopped (exit code ${code}) before it answered`)));
  });
}

/** Staging folders earlier builds left, deleted in the background (their names are never reused). */
function clearStages(stageDir: string): void {
  if (!existsSync(stageDir)) return;
  for (const name of readdirSync(stageDir)) removeTree(join(stageDir, name), { background: true });
}

/**
 * Copies a part between the site and the cache as hard links (`cp -al`): thousands of small
 * files, and neither side ever changes a file in place (a new index is written as new files,
 * and an old site or cached part is only ever deleted). Where links cannot be made (another
 * disk), it copies.
 */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(join(to, '..'), { recursive: true });
  if (process.platform !== 'win32') {
    for (const flags of ['-al', '-a']) {
      if (spawnSync('cp', [flags, from, to], { stdio: 'ignore' }).status === 0) return void (await rm(join(to, '.key'), { force: true }));
      removeTree(to);
    }
  }
  await cp(from, to, { recursive: true, filter: (source) => !source.endsWith('.key') });
}

async function forgetOldParts(cacheDir: string, current: Set<string>): Promise<void> {
  if (!existsSync(cacheDir)) return;
  for (const name of await readdir(cacheDir)) if (!current.has(name)) removeTree(join(cacheDir, name));
}

/**
 * Writes `/pagefind/parts.json`, puts the highlighter article pages use at `/pagefind/`, and
 * tags the search page with a hash of the manifest, so a returning reader's browser reuses
 * everything until the index really changes.
 */
async function writeManifest(outDir: string, manifest: SearchManifest): Promise<void> {
  const root = join(outDir, 'pagefind');
  await mkdir(root, { recursive: true });
  const json = JSON.stringify(manifest);
  await writeFile(join(root, 'parts.json'), json);
  const newest = manifest.parts[0];
  if (newest) await copyFile(join(root, newest.id, 'pagefind-highlight.js'), join(root, 'pagefind-highlight.js'));
  const tag = createHash('sha256').update(json).digest('hex').slice(0, 16);
  const page = join(outDir, 'search', 'index.html');
  const html = await readFile(page, 'utf8');
  await replaceFile(page, html.replace('data-index-tag="DATELINE_INDEX_TAG"', `data-index-tag="${tag}"`));
}
