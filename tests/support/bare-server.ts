import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { freePort } from './serve.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.pagefind': 'application/wasm',
  '.txt': 'text/plain',
};

/**
 * A static host that sends no headers of its own, as GitHub Pages sends none of the site's and
 * an object store none at all: the site under a path, folder URLs answered with their
 * index.html, the site's 404 page for anything else, and only Content-Type and Content-Length.
 * `pages` answers some paths with other HTML, for pages the test makes up.
 */
export async function startBareServer(
  outDir: string,
  base: string,
  pages: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = (status: number, type: string, body: Buffer | string) => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Length': Buffer.byteLength(body),
      });
      response.end(body);
    };
    if (pages[path] !== undefined) return send(200, TYPES['.html']!, pages[path]);
    const file = path.startsWith(base)
      ? normalize(join(outDir, path.slice(base.length), path.endsWith('/') ? 'index.html' : ''))
      : '';
    const found = file.startsWith(outDir + sep) && (await stat(file).catch(() => null))?.isFile();
    if (!found) {
      const { readFile } = await import('node:fs/promises');
      return send(404, TYPES['.html']!, await readFile(join(outDir, '404.html')));
    }
    const { size } = await stat(file);
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
