import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

export interface RenderJob {
  id: number;
  body: string;
  filePath?: string;
  frontmatter: Record<string, unknown>;
}
export type Rendered = { html: string; metadata: Record<string, unknown> & { imagePaths: string[] } };
export type RenderReply = ({ id: number } & Rendered) | { id: number; error: string };

/** Markdown options every renderer shares (syntax highlighting, GFM, …), as Astro passes them. */
export type SharedMarkdownOptions = Record<string, unknown>;

/**
 * Renders story Markdown on worker threads, so a build renders stories on every core while the
 * main thread reads files and checks frontmatter. One worker per core, not one fewer: the main
 * thread spends much of a sync waiting for file reads (BENCHMARKS.md, "Sixth pass"). Workers
 * start on the first story and stop after a moment with nothing to do, so `astro dev` and
 * finished builds keep no idle threads.
 */
export function createRenderPool(shared: SharedMarkdownOptions, size = availableParallelism()) {
  const workers: Worker[] = [];
  const waiting = new Map<number, { resolve: (value: Rendered) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let nextWorker = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  const stop = () => {
    for (const worker of workers.splice(0)) void worker.terminate();
  };
  const start = () => {
    for (let i = 0; i < size; i++) {
      // The main thread's stack size, so a story nested too deeply fails the same way on any thread.
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: shared, resourceLimits: { stackSizeMb: 1 } });
      worker.on('message', (reply: RenderReply) => {
        const pending = waiting.get(reply.id);
        if (!pending) return;
        waiting.delete(reply.id);
        if ('error' in reply) pending.reject(new Error(reply.error));
        else pending.resolve({ html: reply.html, metadata: reply.metadata });
        if (waiting.size === 0) {
          // Idle workers must not keep a finished command alive.
          for (const idle of workers) idle.unref();
          idleTimer = setTimeout(stop, 2000).unref();
        }
      });
      worker.on('error', (error) => {
        for (const pending of waiting.values()) pending.reject(error);
        waiting.clear();
        stop();
      });
      workers.push(worker);
    }
  };

  return (job: Omit<RenderJob, 'id'>): Promise<Rendered> => {
    clearTimeout(idleTimer);
    if (workers.length === 0) start();
    for (const busy of workers) busy.ref();
    const id = nextId++;
    const worker = workers[nextWorker++ % workers.length]!;
    return new Promise<Rendered>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies RenderJob);
    });
  };
}
