import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/**
 * Every page of a built site fetched from a server, and every internal address on it: `href`,
 * `src`, `srcset` and form `action`s, absolute URLs of the site in `content=` attributes and
 * structured data (canonical, Open Graph, JSON-LD), and every URL the sitemaps and feeds list.
 * Absolute URLs of the site (`siteHref`, with its path) are fetched from the server instead. What
 * does not answer 200 is a failure, with the page that named it.
 */
export async function walkSite(
  server: string,
  outDir: string,
  siteHref: string,
): Promise<{ pages: number; urls: number; failures: string[] }> {
  const base = new URL(siteHref).pathname;
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(html|xml|json)$/.test(e.name))
    .map((e) => relative(outDir, join(e.parentPath, e.name)))
    .filter((file) => !file.startsWith('pagefind/'));
  const named = new Map<string, string>();
  const name = (url: string, by: string) => {
    if (!named.has(url)) named.set(url, by);
  };
  const local = (raw: string, page: string): string | null => {
    const value = raw.replaceAll('&amp;', '&').trim();
    if (value === '' || value.startsWith('#') || /^(mailto|tel|data|javascript):/i.test(value))
      return null;
    if (value.startsWith(siteHref)) return `${base}${value.slice(siteHref.length)}`;
    if (/^[a-z]+:|^\/\//i.test(value)) return null;
    // Relative to the page: as a browser would resolve it.
    return new URL(value, `http://site${page}`).pathname + new URL(value, 'http://site/').search;
  };
  let pages = 0;
  for (const file of files) {
    const path = `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const text = (await readFile(join(outDir, file), 'utf8')).replaceAll('&quot;', '"');
    if (file.endsWith('.html')) {
      pages++;
      name(path, '(the page itself)');
      const attributes = /\s(href|src|action|content)="([^"]*)"/g;
      for (const [, attribute, value] of text.matchAll(attributes)) {
        if (attribute === 'content' && !value!.startsWith(siteHref)) continue;
        const url = local(value!, path);
        if (url) name(url.split('#')[0]!, path);
      }
      for (const [, set] of text.matchAll(/\ssrcset="([^"]*)"/g))
        for (const candidate of set!.split(','))
          name(local(candidate.trim().split(/\s+/)[0]!, path) ?? '', path);
    }
    // Structured data, sitemaps and feeds name the site's pages by absolute URL; a JSON feed's
    // HTML escapes its quotes (`src=\"…\"`), and no URL holds a backslash.
    for (const [url] of text.matchAll(/https?:\/\/[^\s"'<>)\]}\\]+/g)) {
      if (!url.startsWith(siteHref)) continue;
      const found = local(url.replace(/[.,;]+$/, ''), path);
      if (found) name(found, path);
    }
  }
  named.delete('');
  const failures: string[] = [];
  const urls = [...named.keys()];
  for (let i = 0; i < urls.length; i += 16) {
    await Promise.all(
      urls.slice(i, i + 16).map(async (url) => {
        const response = await fetch(`${server}${url}`).catch((error: Error) => error);
        if (response instanceof Error) failures.push(`${url} (on ${named.get(url)}): ${response}`);
        else if (response.status !== 200)
          failures.push(`${url} (on ${named.get(url)}): ${response.status}`);
        if (!(response instanceof Error)) await response.arrayBuffer();
      }),
    );
  }
  return { pages, urls: urls.length, failures };
}
