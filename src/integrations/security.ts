import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildRecord } from '#src/util/build-record.ts';
import { photoSources, type PhotoHost } from '#src/photos/hosts.ts';
import {
  directiveNames,
  foreignImages,
  HEADER_ONLY_DIRECTIVES,
  imageSources,
  metaPolicy,
  missingHashes,
  policyFromHeaders,
} from './csp.ts';

/** `/2019/11/19/slug/` → `/0/0/0/x/`: one page of each kind is enough to see its inline scripts. */
function shape(pathname: string): string {
  return pathname
    .split('/')
    .map((part) => (/^\d+$/.test(part) ? '0' : part.includes('-') || part.length > 12 ? 'x' : part))
    .join('/');
}

/** The nginx configurations shipped in deploy/, which must send the header policy too. */
const NGINX_CONFIGS = ['deploy/nginx.conf', 'deploy/nginx-subpath.conf'];

/**
 * Keeps the Content-Security-Policy honest. Astro writes it into every page as a <meta> element
 * (security.csp in astro.config.mjs) with the hashes of the inline scripts it knows. After each
 * build, one page of each kind, and one of each kind that shows photos, is read as a browser
 * reads it: its policy must come before any script and allow every inline script on the page;
 * its img-src must allow the site and the archive's photo hosts, exactly; and no image may come
 * from anywhere else. The hosts' headers (public/_headers, the nginx configurations) add only
 * what a <meta> cannot carry, the same in each, and never a script-src: no hash is ever copied
 * into them by hand. A page or file that breaks a rule stops the build, saying what to change.
 */
export default function securityIntegration(): AstroIntegration {
  let root = '';
  let hosts: string[] = [];
  return {
    name: 'dateline-security',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        hosts = photoSources(config.image.remotePatterns as PhotoHost[]);
      },
      'astro:build:done': async ({ dir, pages }) => {
        const header = policyFromHeaders(await readFile(join(root, 'public/_headers'), 'utf8'));
        if (!header)
          throw new Error(
            'public/_headers has no Content-Security-Policy line for /*: it must send ' +
              `${HEADER_ONLY_DIRECTIVES[0]}, which a <meta> policy cannot carry`,
          );
        const misplaced = directiveNames(header).filter((n) => !HEADER_ONLY_DIRECTIVES.includes(n));
        if (misplaced.length > 0)
          throw new Error(
            `public/_headers sends ${misplaced.join(', ')} in its Content-Security-Policy: the ` +
              `pages' <meta> policy carries those (security.csp in astro.config.mjs); keep only ` +
              `${HEADER_ONLY_DIRECTIVES.join(', ')} in the header`,
          );
        for (const conf of NGINX_CONFIGS) {
          const nginx = await readFile(join(root, conf), 'utf8');
          if (!nginx.includes(`add_header Content-Security-Policy "${header}" always;`))
            throw new Error(
              `${conf} does not send the Content-Security-Policy header of public/_headers ` +
                `("${header}"): send the same one, so every host adds the same`,
            );
        }

        const out = fileURLToPath(dir);
        const seen = new Set<string>();
        const once = (key: string) => !seen.has(key) && seen.add(key);
        const photoPages = (buildRecord().photos?.pages ?? []).map((path) => ({
          pathname: path.replace(/^\//, ''),
        }));
        const sample = [
          ...[{ pathname: '404.html' }, ...pages].filter(({ pathname }) => once(shape(pathname))),
          ...photoPages.filter(({ pathname }) => once(`photos ${shape(pathname)}`)),
        ];
        for (const { pathname } of sample) {
          const file = pathname.endsWith('.html') ? pathname : join(pathname, 'index.html');
          const html = await readFile(join(out, file), 'utf8').catch(() => null);
          if (html === null) continue;
          const path = `/${pathname}`;
          const { policy, problem } = metaPolicy(html);
          if (problem || policy === null) throw new Error(`${path} has ${problem}`);
          const ignored = directiveNames(policy).filter((n) => HEADER_ONLY_DIRECTIVES.includes(n));
          if (ignored.length > 0)
            throw new Error(
              `security.csp in astro.config.mjs lists ${ignored.join(', ')}, which browsers ` +
                `ignore in a <meta> policy: send it from public/_headers and deploy/ instead`,
            );
          const [missing] = missingHashes(policy, [{ path, html }]);
          if (missing)
            throw new Error(
              `${path} has an inline script its Content-Security-Policy does not allow ` +
                `(${missing.hash}): write it as a <script> Astro bundles, or add its hash to ` +
                `security.csp in astro.config.mjs as the theme script's is`,
            );
          const allowed = imageSources(policy);
          if (allowed.join(' ') !== hosts.join(' '))
            throw new Error(
              `${path} lets images come from ${allowed.join(' ') || "'self' alone"}, not from ` +
                `the archive's photo hosts (${hosts.join(' ') || 'none'}): img-src in ` +
                `astro.config.mjs must be 'self' and photoSources() of the photo hosts`,
            );
          const [foreign] = foreignImages(html).filter(
            (url) => !hosts.some((source) => url.startsWith(source)),
          );
          if (foreign)
            throw new Error(
              `${path} loads an image from ${foreign}, which its Content-Security-Policy ` +
                `blocks: photos must go through the archive's own pipeline (src/photos/)`,
            );
        }
      },
    },
  };
}
