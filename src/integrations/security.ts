import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { missingHashes, policyFromHeaders } from './csp.ts';

/** `/2019/11/19/slug/` → `/0/0/0/x/`: one page of each kind is enough to see its inline scripts. */
function shape(pathname: string): string {
  return pathname
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? '0' : part.includes('-') || part.length > 12 ? 'x' : part))
    .join('/');
}

/**
 * Keeps the Content-Security-Policy honest: after each build, every inline script on every
 * kind of page must be allowed by the policy in public/_headers, and deploy/nginx.conf must
 * send that same policy. A page that breaks the rule stops the build, naming the hash to add.
 */
export default function securityIntegration(): AstroIntegration {
  let root = '';
  return {
    name: 'dateline-security',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, pages }) => {
        const out = fileURLToPath(dir);
        const policy = policyFromHeaders(await readFile(join(root, 'public/_headers'), 'utf8'));
        if (!policy) throw new Error('public/_headers has no Content-Security-Policy line for /*');
        const nginx = await readFile(join(root, 'deploy/nginx.conf'), 'utf8');
        if (!nginx.includes(`add_header Content-Security-Policy "${policy}" always;`)) {
          throw new Error(
            'deploy/nginx.conf does not send the Content-Security-Policy of public/_headers: ' +
              'copy the policy across so both hosts enforce the same one',
          );
        }
        const seen = new Set<string>();
        const sample = [{ pathname: '404.html' }, ...pages].filter(
          ({ pathname }) => !seen.has(shape(pathname)) && seen.add(shape(pathname)),
        );
        const checked = await Promise.all(
          sample.map(async ({ pathname }) => {
            const file = pathname.endsWith('.html') ? pathname : join(pathname, 'index.html');
            return {
              path: `/${pathname}`,
              html: await readFile(join(out, file), 'utf8').catch(() => ''),
            };
          }),
        );
        const missing = missingHashes(policy, checked);
        if (missing.length > 0) {
          const hashes = [...new Set(missing.map((m) => m.hash))];
          throw new Error(
            `Inline scripts that the Content-Security-Policy does not allow (on ` +
              `${missing[0]!.path} and others): add ${hashes.join(' ')} to script-src in ` +
              `public/_headers and deploy/nginx.conf`,
          );
        }
      },
    },
  };
}
