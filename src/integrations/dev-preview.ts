import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';
import { isRunnableDevEnvironment, type RunnableDevEnvironment, type ViteDevServer } from 'vite';
import { devState, storeHeldAwaited } from '#src/ingest/dev-state.ts';
import { devRevisionPath } from '#src/domain/urls.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.pagefind': 'application/wasm',
};

/**
 * `astro dev` as a writer's preview. Search works, from the last build's index: the built
 * site's `pagefind/` is served as it is (the index holds site paths, so any base fits), and the
 * search page says when it is older than the stories (src/search/dev-note.ts). A story
 * saved with a problem reloads the page, which then shows the problem in Astro's overlay
 * (./dev-overlay.ts).
 */
export default function devPreviewIntegration(): AstroIntegration {
  let outDir = '';
  // Where `astro dev` keeps its content store (Astro's dotAstroDir).
  let store = '';
  let base = '/';
  return {
    name: 'dateline-dev-preview',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware, updateConfig }) => {
        // The command decides, not MODE, DEV or NODE_ENV, which the machine's environment can set.
        updateConfig({
          vite: { define: { 'import.meta.env.DATELINE_DEV': JSON.stringify(command === 'dev') } },
        });
        if (command === 'dev')
          addMiddleware({ entrypoint: new URL('./dev-overlay.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        store = fileURLToPath(new URL('.astro/data-store.json', config.root));
        base = config.base;
        devState().outDir = outDir;
      },
      'astro:server:setup': ({ server }) => {
        dropNeedlessReloads(server, store);
        const reload = () =>
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        devState().listeners.add(reload);
        // The archive is forgotten when the next request comes, not at once: forgotten while a
        // page is evaluating it, the evaluation would finish and be kept.
        let stale = false;
        const forgetIfStale = () => {
          if (!stale) return;
          stale = false;
          for (const environment of Object.values(server.environments))
            if (isRunnableDevEnvironment(environment)) {
              forgetArchive(environment.runner.evaluatedModules);
              // Astro's own signal: its dev server forgets every page's getStaticPaths.
              environment.hot.send('astro:content-changed', {});
            }
        };
        devState().storyListeners.add(() => {
          stale = true;
          reload();
        });
        const prefix = `${base}pagefind/`;
        const root = join(outDir, 'pagefind');
        // The base ends in a slash; the revision's path starts with one.
        const revision = `${base}${devRevisionPath.slice(1)}`;
        const serve = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
          forgetIfStale();
          const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (path === revision) {
            response.setHeader('Content-Type', 'text/plain');
            response.setHeader('Cache-Control', 'no-store');
            return response.end(String(devState().revision));
          }
          if (!path.startsWith(prefix)) return next();
          const file = normalize(join(root, path.slice(prefix.length)));
          if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile())
            return next();
          response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
          return undefined;
        };
        // Astro puts its own base and trailing-slash handlers first once every hook has run;
        // they would answer /pagefind/parts.json with a redirect. This one goes before them.
        server.httpServer?.once('listening', () =>
          server.middlewares.stack.unshift({ route: '', handle: serve }),
        );
      },
    },
  };
}

/**
 * Drops the browser reloads that would show the writer nothing new, each of which loads the
 * page again under their eyes and cuts short whatever they clicked:
 *
 * - a reload sent while no browser is connected: Vite's websocket server keeps it (its
 *   `bufferedMessage`) for the first browser that connects. Astro sends one when it first
 *   writes its content store, soon after the server starts. No upstream issue names it.
 * - Astro's reload once it has written its content store after a save (a second or more after
 *   it on a big archive, sometimes twice when its file watcher echoes the write): the pages
 *   read the stories from the loader's memory and have reloaded already, unless the store
 *   holds a story with photos saved since, which the pages show only from the store.
 *
 * A page that shows an older revision of the stories reloads itself once loaded (DevReload).
 */
function dropNeedlessReloads(server: ViteDevServer, store: string): void {
  // Astro's reload for its store comes in the same task as its word to the server environments
  // that the store changed (invalidateDataStore in astro/dist/content): so it is told apart.
  let storeWritten = false;
  const hots = new Set(
    Object.entries(server.environments)
      .filter(([name]) => name !== 'client')
      .map(([, environment]) => environment.hot),
  );
  for (const serverHot of hots) {
    const sendToServer = serverHot.send.bind(serverHot) as (...args: unknown[]) => void;
    serverHot.send = ((...args: unknown[]) => {
      if (args[0] === 'astro:content-changed' && !storeWritten) {
        storeWritten = true;
        queueMicrotask(() => (storeWritten = false));
      }
      sendToServer(...args);
    }) as typeof serverHot.send;
  }
  const hot = server.environments.client.hot;
  const send = hot.send.bind(hot) as (...args: unknown[]) => void;
  hot.send = ((...args: unknown[]) => {
    const [payload] = args;
    const reload = (payload as { type?: unknown } | undefined)?.type === 'full-reload';
    if (reload && storeWritten && !storeHeldAwaited(() => readFileSync(store, 'utf8'))) return;
    if (reload && server.ws.clients.size === 0) return;
    send(...args);
  }) as typeof hot.send;
}

const ARCHIVE = fileURLToPath(new URL('../site/archive.ts', import.meta.url));

/**
 * Makes the dev server evaluate the archive again, and every module that imports it, on the
 * next page: a story just saved is then in it (src/site/archive.ts reads it from the loader),
 * without waiting for Astro to write its whole content store and read it back.
 */
function forgetArchive(modules: RunnableDevEnvironment['runner']['evaluatedModules']): void {
  const seen = new Set<string>();
  const forget = (id: string) => {
    const node = modules.getModuleById(id);
    if (!node || seen.has(id)) return;
    seen.add(id);
    modules.invalidateModule(node);
    for (const importer of node.importers) forget(importer);
  };
  for (const node of modules.getModulesByFile(ARCHIVE) ?? []) forget(node.id);
}
