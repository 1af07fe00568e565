import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  directiveNames,
  HEADER_ONLY_DIRECTIVES,
  inlineScripts,
  metaPolicy,
  missingHashes,
  policyFromHeaders,
  scriptHash,
} from '#src/integrations/csp.ts';
import { THEME_SCRIPT } from '#src/site/theme.ts';

describe('Content-Security-Policy', () => {
  it('hashes inline scripts the way browsers do, and ignores data blocks and files', () => {
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    expect(
      inlineScripts(
        '<script>a()</script><script type="application/ld+json">{}</script><script ' +
          'src="/x.js"></script><script type="module">b()</script>',
      ),
    ).toEqual(['a()', 'b()']);
    // Markup inside an attribute or as escaped text is not a script.
    expect(
      inlineScripts(
        `<link title="${'</script><script>alert(1)</script>'}">` +
          '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>',
      ),
    ).toEqual([]);
  });

  it('names the hash a new inline script needs', () => {
    const policy = `script-src 'self' ${scriptHash(THEME_SCRIPT)}`;
    expect(
      missingHashes(policy, [{ path: '/', html: `<script>${THEME_SCRIPT}</script>` }]),
    ).toEqual([]);
    expect(missingHashes(policy, [{ path: '/x/', html: '<script>evil()</script>' }])).toEqual([
      { path: '/x/', hash: scriptHash('evil()') },
    ]);
  });

  it('reads a page’s <meta> policy as a browser does: in <head>, before any script', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`;
    expect(metaPolicy(`<html><head>${meta}<script>a()</script></head></html>`)).toEqual({
      policy: "script-src 'self'",
      problem: undefined,
    });
    expect(metaPolicy(`<html><head><script>a()</script>${meta}</head></html>`).problem).toMatch(
      /a script before/,
    );
    expect(
      metaPolicy(`<html><head><script type="application/ld+json">{}</script>${meta}</head>`)
        .problem,
    ).toBeUndefined();
    expect(metaPolicy(`<html><body>${meta}</body></html>`).problem).toMatch(/outside <head>/);
    expect(metaPolicy('<html><head></head><body></body></html>').problem).toMatch(
      /no Content-Security-Policy/,
    );
  });

  it('has the hosts send only what a <meta> policy cannot carry, each the same', async () => {
    const header = policyFromHeaders(await readFile('public/_headers', 'utf8'))!;
    expect(directiveNames(header)).toEqual(['frame-ancestors']);
    expect(directiveNames(header).every((name) => HEADER_ONLY_DIRECTIVES.includes(name))).toBe(
      true,
    );
    for (const conf of ['deploy/nginx.conf', 'deploy/nginx-subpath.conf']) {
      const nginx = await readFile(conf, 'utf8');
      expect(nginx).toContain(`add_header Content-Security-Policy "${header}" always;`);
      expect(nginx).not.toMatch(/script-src|sha256-/);
    }
    expect(await readFile('public/_headers', 'utf8')).not.toMatch(/script-src|sha256-/);
  });
});
