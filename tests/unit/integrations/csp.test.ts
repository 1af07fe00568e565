import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  inlineScripts,
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

  it('allows the theme script, and names the hash a new inline script needs', async () => {
    const policy = policyFromHeaders(await readFile('public/_headers', 'utf8'))!;
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' /);
    expect(
      missingHashes(policy, [{ path: '/', html: `<script>${THEME_SCRIPT}</script>` }]),
    ).toEqual([]);
    expect(missingHashes(policy, [{ path: '/x/', html: '<script>evil()</script>' }])).toEqual([
      { path: '/x/', hash: scriptHash('evil()') },
    ]);
    expect(await readFile('deploy/nginx.conf', 'utf8')).toContain(
      `add_header Content-Security-Policy "${policy}" always;`,
    );
  });
});
