import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';
import { devState } from '#src/ingest/dev-state.ts';

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
        base = config.base;
        devState().outDir = outDir;
      },
      'astro:server:setup': ({ server }) => {
        devState().listeners.add(() =>
          server.environments.client.hot.send({ type: 'full-reload', path: '*' }),
        );
        const prefix = `${base}pagefind/`;
        const root = join(outDir, 'pagefind');
        const serve = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
          const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (!path.startsWith(prefix)) return next();
          const file = normalize(join(root, path.slice(prefix.length)));
          if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile())
            return next();
          response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
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
