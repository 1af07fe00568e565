import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { nginxRedirectMap, redirectsFile } from '#src/domain/redirects.ts';
import { siteFacts } from '#src/site/facts.ts';
import { count } from '#src/domain/text.ts';

/** Cloudflare Pages applies at most this many lines of `_redirects`. */
const CLOUDFLARE_LIMIT = 2_000;

/**
 * Writes, beside the site, the files hosts read to answer old addresses of stories with a 301:
 * `_redirects` (Netlify, Cloudflare Pages) and `_redirects.nginx.map` (deploy/nginx.conf
 * includes it), from what the archive handed over (src/site/facts.ts). Every old address also
 * has a page of its own (src/pages/[...moved].astro), for the hosts that read neither. Under a
 * base, public/_headers's paths get it too.
 */
export default function redirectsIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'dateline-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { redirects } = siteFacts();
        // Netlify's build machines say so (NETLIFY=true); there a rule must be forced to win over
        // the redirect page at the same address.
        const forced = process.env.NETLIFY === 'true';
        await writeFile(join(out, '_redirects'), redirectsFile(redirects, forced));
        // Written even when empty: nginx will not start if a file it includes is missing.
        await writeFile(join(out, '_redirects.nginx.map'), nginxRedirectMap(redirects));
        if (redirects.length > 0)
          logger.info(`old addresses of stories, each sent on to its story: ${redirects.length}`);
        if (redirects.length > CLOUDFLARE_LIMIT)
          logger.warn(
            `${count(redirects.length, 'old address', 'old addresses')}: Cloudflare Pages ` +
              `answers only the first ${CLOUDFLARE_LIMIT} of _redirects with a 301; the rest ` +
              `reach their stories through their redirect pages`,
          );
        if (base !== '/') {
          const headers = join(out, '_headers');
          const text = await readFile(headers, 'utf8').catch(() => null);
          if (text !== null) await writeFile(headers, text.replace(/^\/(?=\S*$)/gm, base));
        }
      },
    },
  };
}
