import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { ContentError, type Problem } from './problems.ts';
import { collisionProblems, readStory } from './check.ts';
import { findUnreadableStories } from './scan.ts';
import { createRenderPool } from './render-pool.ts';
import { count } from './plural.ts';
import { replaceFile } from './replace-file.ts';
import type { AstroConfig } from 'astro';

/**
 * Astro hands its content entry types (how to read `.md`, …) to every loader, and its glob
 * loader reads files through them, but the public LoaderContext type leaves them out. The
 * build tests fail loudly if a new Astro stops passing them.
 */
interface EntryType {
  getEntryInfo: (args: { contents: string; fileUrl: URL }) => Promise<{ data: Record<string, unknown>; body?: string; slug?: string; rawData?: string }>;
  [other: string]: unknown;
}
type GlobContext = LoaderContext & { entryTypes: Map<string, EntryType> };

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Kept in a file of its own in Astro's cache folder, not in Astro's store: any change to the
 * store has the whole store written again (about 1 s for the Reuters archive), and this record
 * changes with every edit, after the store was already saved once.
 */
const VALIDATED = 'dateline-validated-stories.json';
interface ValidatedStories {
  /** Digest of the code that read and validated them. */
  version: string;
  /** Story id to the digest of the file Astro stored. */
  digests: Record<string, string>;
}

/** The record as the last build left it; a damaged one counts as none: every story is read. */
function parseRecord(text: string): ValidatedStories | null {
  try {
    const record = JSON.parse(text) as ValidatedStories | null;
    return record && typeof record.version === 'string' && typeof record.digests === 'object' ? record : null;
  } catch {
    return null;
  }
}

/**
 * A digest of the code that reads and validates stories: `src/lib/`, the schema, the installed
 * packages (YAML, Zod, dates) and Node. Astro clears its store when its config or the content
 * config changes, but not when these do; a story found valid by other code is read again.
 */
async function validatorVersion(root: string): Promise<string> {
  const hash = createHash('sha256').update(process.version);
  const lib = join(root, 'src/lib');
  const sources = (await readdir(lib, { recursive: true })).map(String).filter((name) => name.endsWith('.ts')).sort().map((name) => join(lib, name));
  for (const file of [...sources, join(root, 'src/content.config.ts'), join(root, 'package-lock.json')]) {
    hash.update(file.slice(root.length)).update('\0').update(await readFile(file).catch(() => '')).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Astro's glob loader over `**\/*.md`, with Dateline's own frontmatter reading (dates stay text,
 * so offsets survive; errors carry line numbers), Markdown rendered on worker threads, and every
 * problem in every file collected and reported at once, before anything is rendered into pages.
 */
export function articleLoader(options: { base: string; schema: z.ZodObject }): Loader {
  return {
    name: 'dateline-articles',
    load: async (loaderContext) => {
      const context = loaderContext as GlobContext;
      // Imported here so that tools which only need the schema (npm run check) start fast.
      const { glob } = await import('astro/loaders');
      const idOfEntry = (entry: string) => entry.replace(/\.md$/, '');
      // The Markdown source is not kept in Astro's store once rendered: pages use the HTML, and
      // the store, written whole after every change, is a third smaller without it.
      const inner = glob({ pattern: '**/*.md', base: options.base, generateId: ({ entry }) => idOfEntry(entry), retainBody: false });
      const problems: Problem[] = [];
      const root = fileURLToPath(context.config.root);
      const baseDir = resolve(root, options.base);
      const invalidFiles = new Set<string>();
      const idOf = (path: string) => idOfEntry(relative(baseDir, path).split(sep).join('/'));
      const markdown = context.entryTypes.get('.md');
      if (!markdown) throw new Error('Astro has no Markdown entry type; is @astrojs/markdown-remark installed?');

      // Stories this code found valid in the last successful build, by content digest. Astro
      // skips an unchanged file by its digest only after asking for its data, so without this
      // every build parses every story's frontmatter (3.4 s of a warm Reuters build). Astro's
      // own digest is not enough: its store can be saved, by a timer, during a build that then
      // fails on an invalid story, and that story must fail again on the next build.
      const version = await validatorVersion(root);
      const recordFile = fileURLToPath(new URL(VALIDATED, context.config.cacheDir));
      const lastRecord = await readFile(recordFile, 'utf8').catch(() => 'null');
      const known = parseRecord(lastRecord);
      const validated = known?.version === version ? known.digests : {};
      // Where earlier builds kept the record.
      if (context.meta.has('validated-stories')) context.meta.delete('validated-stories');
      let [unchanged, read] = [0, 0];

      const entryTypes = new Map(context.entryTypes);
      const storyEntryType: EntryType = {
        ...markdown,
        getEntryInfo: async ({ contents, fileUrl }) => {
          const path = fileURLToPath(fileUrl);
          const id = idOf(path);
          const digest = validated[id];
          if (digest !== undefined && context.store.get(id)?.digest === digest && context.generateDigest(contents) === digest) {
            unchanged++;
            return { data: {}, body: undefined, slug: undefined, rawData: '' };
          }
          read++;
          const file = displayPath(path);
          const { parsed, problems: found } = readStory(file, basename(path, '.md'), contents, options.schema);
          if (found.length > 0) {
            invalidFiles.add(path);
            problems.push(...found);
          }
          return { data: parsed.data, body: parsed.body, slug: undefined, rawData: '' };
        },
        getRenderFunction: async (config: AstroConfig) => {
          const render = createRenderPool({
            image: config.image,
            syntaxHighlight: config.markdown.syntaxHighlight,
            shikiConfig: config.markdown.shikiConfig,
            gfm: config.markdown.gfm,
            smartypants: config.markdown.smartypants,
          });
          return (entry: { body?: string; filePath?: string; data: Record<string, unknown> }) =>
            render({ body: entry.body ?? '', filePath: entry.filePath, frontmatter: entry.data });
        },
      };
      entryTypes.set('.md', storyEntryType);

      const logger = Object.create(context.logger) as LoaderContext['logger'];
      logger.error = (message: string) => {
        const unreadable = /^Error reading (.+?): (.*)$/s.exec(message);
        const unrenderable = /^Error rendering (.+?): (.*)$/s.exec(message);
        if (unrenderable) {
          problems.push({
            file: displayPath(join(baseDir, unrenderable[1]!)),
            message: `the story's Markdown cannot be rendered: ${/call stack/i.test(unrenderable[2]!) ? 'it is nested too deeply' : unrenderable[2]!.split('\n').find((line) => line.trim() && !/^Failed to parse/.test(line))?.trim() ?? 'the renderer failed'}`,
            fix: 'simplify the Markdown: very deep nesting of quotes or lists is the usual cause',
          });
        } else if (unreadable) {
          problems.push({
            file: displayPath(join(baseDir, unreadable[1]!)),
            message: `the file cannot be read (${unreadable[2]})`,
            fix: 'check that the file exists, is readable (permissions) and is not a broken link',
          });
        } else {
          context.logger.error(message);
        }
      };

      for (const unreadable of await findUnreadableStories(baseDir)) {
        problems.push({
          file: displayPath(unreadable.path),
          message: `the story cannot be read: ${unreadable.reason}`,
          fix: 'replace it with a regular Markdown file, or delete it if the story is gone',
        });
      }

      const parseData: LoaderContext['parseData'] = async (props) =>
        props.filePath && invalidFiles.has(props.filePath) ? (props.data as never) : context.parseData(props);

      await inner.load({ ...context, entryTypes, logger, parseData } as GlobContext);

      const validStories = [...context.store.values()]
        .map((entry) => ({ id: entry.id, path: resolve(root, entry.filePath ?? entry.id), date: String(entry.data.date) }))
        .filter((story) => !invalidFiles.has(story.path))
        .map((story) => ({ ...story, file: displayPath(story.path) }));
      problems.push(...collisionProblems(validStories));
      if (problems.length > 0) {
        // Kept, an invalid story's unchecked data would outlive this build in Astro's store.
        for (const path of invalidFiles) context.store.delete(idOf(path));
        problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
        throw new ContentError(problems);
      }
      const digests: Record<string, string> = {};
      for (const entry of context.store.values()) if (entry.digest !== undefined) digests[entry.id] = String(entry.digest);
      const record = JSON.stringify({ version, digests } satisfies ValidatedStories);
      if (record !== lastRecord) await replaceFile(recordFile, record);
      context.logger.info(`${count(read, 'story', 'stories')} read, ${count(unchanged, 'story', 'stories')} unchanged since the last build`);
    },
  };
}
