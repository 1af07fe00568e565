import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'tinyglobby';
import {
  compareProblems,
  ContentError,
  formatProblem,
  type Problem,
} from '#src/domain/problems.ts';
import { collisionProblems, storyIdOf, sameStoryProblems } from './read-story.ts';
import { planRedirects } from '#src/domain/redirects.ts';
import { storyPath } from '#src/domain/urls.ts';
import { findUnreadableStories } from './scan.ts';
import { createStoryPool, type StoryReply } from './pool.ts';
import { readStoryPlaces, type StoryPlaceEntry } from './places/story-places.ts';
import { compareStrings, stories } from '#src/domain/text.ts';
import { slugOf } from '#src/domain/urls.ts';
import type { CheckedPhoto } from '#src/photos/check.ts';
import { buildRecord } from '#src/util/build-record.ts';
import { replaceFile } from '#src/util/replace-file.ts';
import { runAtOnce } from '#src/util/run-at-once.ts';
import { reportProgress } from '#src/util/progress.ts';
import { STORY_READER } from './version.ts';
import { devState, hasPhotos, readingStory, setProblems, storiesChanged } from './dev-state.ts';

const STORIES_IN_FLIGHT = 64;
/** How long a saved story is left to settle before it is read again (see watchStories). */
const SETTLE_MS = 60;

/** Astro's store has this at run time; the loader context's type leaves it out. */
type AssetStore = { addAssetImports?: (assets: string[], filePath?: string) => void };

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Kept in a file of its own in Astro's cache folder, not in Astro's store: any change to the
 * store has the whole store written again (seconds, for a big archive), and this record
 * changes with every edit, after the store was already saved once.
 */
const VALIDATED = 'dateline-validated-stories.json';
interface ValidatedStories {
  /** Digest of the code that read and validated them. */
  version: string;
  /** Story id to the digest of the file Astro stored. */
  digests: Record<string, string>;
  /** Story id to the photo files it uses, as they were when checked. */
  photos?: Record<string, CheckedPhoto[]>;
}

/**
 * Whether every photo file a story uses is still the file that was checked: a photo replaced
 * under the same name must be checked again although the story's text did not change.
 */
function photosUnchanged(photos: CheckedPhoto[] | undefined): boolean {
  return (photos ?? []).every(([path, size, mtimeMs]) => {
    const info = statSync(path, { throwIfNoEntry: false });
    return info?.size === size && info.mtimeMs === mtimeMs;
  });
}

/** The record as the last build left it; a damaged one counts as none: every story is read. */
function parseRecord(text: string): ValidatedStories | null {
  try {
    const record = JSON.parse(text) as ValidatedStories | null;
    return record && typeof record.version === 'string' && typeof record.digests === 'object'
      ? record
      : null;
  } catch {
    return null;
  }
}

/**
 * What a stored validation depends on: the reader's explicit version (src/ingest/version.ts),
 * the installed packages (YAML, Zod, remark) and Node. Astro clears its store when its config
 * or the content config changes, but not when these do; a story found valid by other code is
 * read again.
 */
async function validatorVersion(root: string): Promise<string> {
  const lock = await readFile(join(root, 'package-lock.json')).catch(() => '');
  return createHash('sha256')
    .update(`${STORY_READER.version}\0${process.version}\0`)
    .update(lock)
    .digest('hex');
}

/**
 * Reads every `**\/*.md` under the content folder, as Astro's glob loader would, with the same
 * ids, digests and store entries. Dateline reads the frontmatter itself (dates stay text, so
 * offsets survive; errors carry line numbers), collects every problem in every file and reports
 * them at once, before anything is rendered into pages. Files are read on the main thread,
 * synchronously, because Astro's loader spent more time waiting on its tens of thousands of
 * small reads than on anything else; frontmatter, schema and Markdown run on worker threads.
 * Stories are checked against `articleSchema` (./schema.ts).
 */
export function articleLoader(options: { base: string }): Loader {
  return {
    name: 'dateline-articles',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const cacheDir = fileURLToPath(context.config.cacheDir);
      const baseDir = resolve(root, options.base);
      const { markdown, image } = context.config;
      const readStoryFile = createStoryPool({
        markdown: {
          image,
          syntaxHighlight: markdown.syntaxHighlight,
          shikiConfig: markdown.shikiConfig,
          gfm: markdown.gfm,
          smartypants: markdown.smartypants,
        },
        photos: {
          contentDir: baseDir,
          domains: image.domains,
          remotePatterns: image.remotePatterns,
        },
        base: context.config.base,
        keepAlive: context.watcher !== undefined,
      });

      // Stories this code found valid in the last successful build, by content digest, so an
      // unchanged story is not parsed again. Astro's own digest is not enough: its store can be
      // saved, by a timer, during a build that then fails on an invalid story, and that story
      // must fail again on the next build.
      const version = await validatorVersion(root);
      const recordFile = fileURLToPath(new URL(VALIDATED, context.config.cacheDir));
      const lastRecord = await readFile(recordFile, 'utf8').catch(() => 'null');
      const known = parseRecord(lastRecord);
      const validated = known?.version === version ? known.digests : {};
      const checkedPhotos = known?.version === version ? (known.photos ?? {}) : {};
      /** The photo files of every valid story, as this build checked or found them. */
      const photosById = new Map<string, CheckedPhoto[]>();

      let [unchanged, read] = [0, 0];
      /**
       * The story's fields as the collection's schema reads them. Astro's parseData builds the
       * whole schema again for every story (its image() is bound to the story's file), which
       * cost more of the main thread than anything else in reading an archive while the workers
       * waited. A story without photos has nothing for image() to resolve, and the worker has
       * already read its fields with the same schema; only a story with photos goes through
       * parseData.
       */
      const storedData = async (id: string, path: string, story: StoryReply) => {
        const { bodyImages } = story;
        if (story.data && story.data.image === undefined && bodyImages.length === 0)
          return story.data;
        return context.parseData({
          id,
          data: { ...story.frontmatter, ...(bodyImages.length > 0 ? { bodyImages } : {}) },
          filePath: path,
        });
      };

      /**
       * Reads one story into the store; false, with its problems added, if it is not a valid
       * story. `current` says whether this read is still the newest of the file when it is
       * done: in `astro dev`, two quick saves are read side by side and may finish out of order.
       */
      const sync = async (
        entry: string,
        problems: Problem[],
        current = () => true,
        beforeStoring?: (story: StoryPlaceEntry) => Promise<void>,
      ): Promise<boolean> => {
        const path = join(baseDir, entry);
        const id = storyIdOf(entry);
        const file = displayPath(path);
        let contents: string;
        try {
          contents = readFileSync(path, 'utf8');
        } catch (error) {
          problems.push({
            file,
            message: `the file cannot be read (${(error as Error).message})`,
            fix: 'check that the file exists, is readable (permissions) and is not a broken link',
          });
          return false;
        }
        const digest = context.generateDigest(contents);
        const existing = context.store.get(id);
        const stored = existing?.digest === digest && existing.filePath !== undefined;
        // As Astro's glob loader does: images a story uses are built even when it is not rendered
        // again.
        if (stored && existing.assetImports?.length)
          (context.store as AssetStore).addAssetImports?.(existing.assetImports, existing.filePath);
        if (stored && validated[id] === digest && photosUnchanged(checkedPhotos[id])) {
          if (checkedPhotos[id]) photosById.set(id, checkedPhotos[id]);
          unchanged++;
          return true;
        }
        read++;
        const story = await readStoryFile({
          file,
          path,
          slug: slugOf(id),
          contents,
          render: !stored,
        });
        if (story.problems.length > 0) {
          problems.push(...story.problems);
          return false;
        }
        if (story.checkedPhotos.length > 0) photosById.set(id, story.checkedPhotos);
        else photosById.delete(id);
        if (stored) return true;
        // The text's photos, for Astro's image() to resolve (src/content.config.ts).
        const data = await storedData(id, path, story);
        // The schema has checked the fields; parseData's type is only its input's.
        await beforeStoring?.({ file, path, data: data as StoryPlaceEntry['data'] });
        if (!current()) return true;
        context.store.set({
          id,
          data,
          filePath: relative(root, path).split(sep).join('/'),
          digest,
          rendered: story.rendered,
          assetImports: story.rendered?.metadata.imagePaths,
        });
        // In `astro dev` the pages show a story with photos once Astro's store holds it.
        if (context.watcher && hasPhotos({ id, data })) devState().awaited.add(digest);
        return true;
      };

      const watchStories = (watcher: NonNullable<typeof context.watcher>) => {
        watcher.add(baseDir);
        devState().stories = () => [...context.store.values()];
        const entryOf = (path: string) => relative(baseDir, path).split(sep).join('/');
        const isStory = (entry: string) =>
          entry.endsWith('.md') &&
          !entry.startsWith('../') &&
          !entry.split('/').some((part) => part.startsWith('.'));
        const newest = new Map<string, number>();
        let reads = 0;
        const onChange = async (changed: string) => {
          const entry = entryOf(changed);
          if (!isStory(entry)) return;
          // Marked before anything is awaited: a page asked for while the story is read again
          // waits for it if the story had a problem (src/integrations/dev-overlay.ts).
          const done = readingStory(displayPath(changed));
          try {
            await readAgain(changed, entry);
          } finally {
            done();
          }
        };
        const readAgain = async (changed: string, entry: string) => {
          const read = ++reads;
          newest.set(entry, read);
          // An editor that writes a file in place empties it first, and the watcher reports a
          // file at most every 50 ms: the change it reports may be the empty file. So the file
          // is read a moment later; a later change takes over from this one.
          await new Promise((settle) => setTimeout(settle, SETTLE_MS));
          if (newest.get(entry) !== read) return;
          devState().contentChangedAt = Date.now();
          const found: Problem[] = [];
          // Its place is read before the pages can see the story.
          const readPlace = async (story: StoryPlaceEntry) =>
            void found.push(...(await readStoryPlaces([story], cacheDir)));
          try {
            const stored = await sync(entry, found, () => newest.get(entry) === read, readPlace);
            if (stored) {
              context.logger.info(`Reloaded ${displayPath(changed)}`);
              if (newest.get(entry) === read) storiesChanged();
            }
            // A stored story may still bring warnings (a place read through a misspelling).
            if (stored || newest.get(entry) === read) {
              if (found.length > 0)
                context.logger.error(
                  found.map(formatProblem).join('\n\n') +
                    (stored
                      ? ''
                      : '\n    (the site keeps the story as it was last read without problems)'),
                );
              setProblems(displayPath(changed), found);
            }
          } catch (error) {
            context.logger.error(
              `Could not read ${displayPath(changed)} again: ${(error as Error).message}`,
            );
          }
        };
        // A photo saved again is checked again, with every story that shows it.
        const onPhoto = (changed: string) => {
          for (const [id, photos] of photosById)
            if (photos.some(([path]) => path === changed)) {
              const story = context.store.get(id)?.filePath;
              if (story) void onChange(resolve(root, story));
            }
        };
        watcher.on('change', (changed) =>
          (isStory(entryOf(changed)) ? onChange : onPhoto)(changed),
        );
        watcher.on('add', onChange);
        watcher.on('unlink', (deleted) => {
          const entry = entryOf(deleted);
          if (isStory(entry)) {
            context.store.delete(storyIdOf(entry));
            storiesChanged();
          } else onPhoto(deleted);
        });
      };

      const problems: Problem[] = [];
      const invalidIds = new Set<string>();
      const unreadablePaths = new Set<string>();
      for (const unreadable of await findUnreadableStories(baseDir)) {
        unreadablePaths.add(unreadable.path);
        problems.push({
          file: displayPath(unreadable.path),
          message: `the story cannot be read: ${unreadable.reason}`,
          fix: 'replace it with a regular Markdown file, or delete it if the story is gone',
        });
      }
      // The files Astro's glob loader would find: tinyglobby with the same options.
      const entries = existsSync(baseDir)
        ? await glob('**/*.md', { cwd: baseDir, expandDirectories: false })
        : [];
      if (entries.length === 0) context.logger.warn(`No stories found in ${displayPath(baseDir)}`);
      const untouched = new Set(context.store.keys());
      // `slug.md` and `slug/index.md` would be one story twice: neither is read.
      const seen = new Set<string>();
      const twinIds = new Set(entries.map(storyIdOf).filter((id) => seen.has(id) || !seen.add(id)));
      problems.push(
        ...sameStoryProblems(
          entries
            .filter((entry) => twinIds.has(storyIdOf(entry)))
            .map((entry) => ({ entry, file: displayPath(join(baseDir, entry)) })),
        ),
      );
      let done = 0;
      // A few dozen stories in flight keep every worker busy. All of them at once would queue
      // every file and every rendered page between threads: gigabytes for a big archive.
      await runAtOnce(entries, STORIES_IN_FLIGHT, async (entry) => {
        const id = storyIdOf(entry);
        untouched.delete(id);
        if (twinIds.has(id)) {
          invalidIds.add(id);
          return;
        }
        // Already reported; reading a link to a pipe would wait forever.
        const valid = !unreadablePaths.has(join(baseDir, entry)) && (await sync(entry, problems));
        if (!valid) invalidIds.add(id);
        reportProgress('stories read', ++done, entries.length, (line) => context.logger.info(line));
      });
      for (const id of untouched) context.store.delete(id);

      // `astro dev`: a story saved, added or deleted is read again on its own. Set up before
      // problems are reported: a sync that fails in dev must not leave saves unwatched.
      if (context.watcher) {
        watchStories(context.watcher);
        // For the search page's note on an index older than the stories (src/search/dev-note.ts).
        devState().contentChangedAt = entries.reduce(
          (newest, entry) =>
            Math.max(
              newest,
              statSync(join(baseDir, entry), { throwIfNoEntry: false })?.mtimeMs ?? 0,
            ),
          0,
        );
      }

      const validStories = [...context.store.values()]
        .filter((entry) => !invalidIds.has(entry.id))
        .map((entry) => {
          const path = resolve(root, entry.filePath ?? entry.id);
          const data = entry.data as StoryPlaceEntry['data'] & { date: string };
          return { id: entry.id, path, date: String(data.date), file: displayPath(path), data };
        });
      problems.push(...collisionProblems(validStories));
      // Aliases that cannot be (a story's address, an archive page, claimed twice) stop the build
      // here, before anything is rendered; git's old addresses are added by src/site/archive.ts.
      const moved = planRedirects(
        validStories.map((story) => {
          const data = context.store.get(story.id)!.data;
          return {
            file: story.file,
            path: storyPath(story.id, story.date),
            title: String(data.title),
            aliases: ((data.aliases as string[] | undefined) ?? []).map((path) => ({ path })),
            former: [],
          };
        }),
      );
      problems.push(...moved.problems);
      // Where each story was filed, read once for the whole build: the pages take it from here.
      problems.push(...(await readStoryPlaces(validStories, cacheDir)));
      if (problems.length > 0) {
        // Kept, an invalid story's old data would outlive this build in Astro's store.
        for (const id of invalidIds) context.store.delete(id);
        problems.sort(compareProblems);
        throw new ContentError(problems);
      }
      const digests: Record<string, string> = {};
      for (const entry of context.store.values())
        if (entry.digest !== undefined) digests[entry.id] = String(entry.digest);
      const photos = Object.fromEntries(
        [...photosById].filter(([id]) => id in digests).sort(([a], [b]) => compareStrings(a, b)),
      );
      const record = JSON.stringify({ version, digests, photos } satisfies ValidatedStories);
      if (record !== lastRecord) await replaceFile(recordFile, record);
      buildRecord().stories = { read, unchanged };
      context.logger.info(
        `${stories(read)} read, ${stories(unchanged)} unchanged since the last build`,
      );
    },
  };
}
