import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Problem } from '#src/domain/problems.ts';
import type { CheckedPhoto, PhotoRules, RemotePhoto } from '#src/photos/check.ts';

export interface StoryJob {
  id: number;
  /** The file as messages name it. */
  file: string;
  /** Its absolute path. */
  path: string;
  /** Its name without `.md` (a folder story's folder name), which becomes the slug. */
  slug: string;
  contents: string;
  /** Whether to render the Markdown too, when the frontmatter is valid. */
  render: boolean;
}
export type Rendered = {
  html: string;
  metadata: Record<string, unknown> & {
    imagePaths: string[];
    /** Photos on photo hosts the story shows (lead and text), with their sizes. */
    remotePhotos?: RemotePhoto[];
  };
};
export interface StoryReply {
  id: number;
  /** The frontmatter as written, dates as text. */
  frontmatter: Record<string, unknown>;
  /**
   * The fields as the schema reads them (defaults filled in, dates in canonical form), for a
   * valid story: what Astro's own parse of them gives too, but where the story has photos.
   */
  data?: Record<string, unknown>;
  /** Everything wrong with the story; none for a valid one. */
  problems: Problem[];
  /** The story's HTML, when it was asked for and the story is valid. */
  rendered?: Rendered;
  /**
   * The photos beside the story that its text shows, in the order its placeholders number them
   * (src/photos/figures.ts), for Astro's image() to resolve.
   */
  bodyImages: string[];
  /** Every photo file it uses, as checked, for the next build to see whether one changed. */
  checkedPhotos: CheckedPhoto[];
}

/** Markdown options every renderer shares (syntax highlighting, GFM, …), as Astro passes them. */
export type SharedMarkdownOptions = Record<string, unknown>;

/** What every worker is started with: the pool's settings but whether to keep it alive. */
export type WorkerData = Omit<PoolSettings, 'keepAlive'>;

/** What the pool is started with. */
export interface PoolSettings {
  markdown: SharedMarkdownOptions;
  /** The rules photos are checked by. */
  photos: PhotoRules;
  /** The site's base path, which links to the archive's own pages are written under. */
  base: string;
  /**
   * Keep idle workers (`astro dev`): starting one, with its Markdown pipeline, was most of the
   * time between saving a story and seeing it.
   */
  keepAlive?: boolean;
}

/**
 * Reads, checks and renders stories on worker threads, one per core, so that a build uses every
 * core while the main thread reads files and fills Astro's store. Workers start on the first
 * story and, unless kept alive, stop after a moment with nothing to do, so a finished build
 * keeps no idle threads.
 */
export function createStoryPool(settings: PoolSettings, size = availableParallelism()) {
  const workers: Worker[] = [];
  const waiting = new Map<
    number,
    { resolve: (value: StoryReply) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  let nextWorker = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const stop = () => {
    for (const worker of workers.splice(0)) void worker.terminate();
  };
  const start = () => {
    for (let i = 0; i < size; i++) {
      // The main thread's stack size, so a story nested too deeply fails the same way on any
      // thread.
      const worker = new Worker(new URL('./worker.ts', import.meta.url), {
        workerData: {
          markdown: settings.markdown,
          base: settings.base,
          photos: settings.photos,
        } satisfies WorkerData,
        resourceLimits: { stackSizeMb: 1 },
      });
      worker.on('message', (reply: StoryReply) => {
        const pending = waiting.get(reply.id);
        if (!pending) return;
        waiting.delete(reply.id);
        pending.resolve(reply);
        if (waiting.size === 0) {
          // Idle workers must not keep a finished command alive.
          for (const idle of workers) idle.unref();
          if (!settings.keepAlive) idleTimer = setTimeout(stop, 2000).unref();
        }
      });
      // A worker that fails or ends takes its stories with it: every story waiting fails, so
      // the build stops with the reason instead of waiting forever. A worker already stopped
      // has nothing to say about the ones running now.
      const fail = (error: Error) => {
        if (!workers.includes(worker)) return;
        for (const pending of waiting.values()) pending.reject(error);
        waiting.clear();
        stop();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`a story worker stopped (exit code ${code})`)));
      workers.push(worker);
    }
  };

  return (job: Omit<StoryJob, 'id'>): Promise<StoryReply> => {
    clearTimeout(idleTimer);
    if (workers.length === 0) start();
    for (const busy of workers) busy.ref();
    const id = nextId++;
    const worker = workers[nextWorker++ % workers.length]!;
    return new Promise<StoryReply>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies StoryJob);
    });
  };
}
