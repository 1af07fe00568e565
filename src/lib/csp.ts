import { createHash } from 'node:crypto';

/** `'sha256-…'` for an inline script's text, as a Content-Security-Policy lists it. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
}

/** The executable inline scripts of a page (not JSON-LD, not external files). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\bsrc=/.test(attributes!) && !/type="application\/(ld\+)?json"/.test(attributes!))
    .map(([, , code]) => code!);
}

/** The policy in a `_headers` file: the Content-Security-Policy line for `/*`. */
export function policyFromHeaders(headers: string): string | undefined {
  return /^\s+Content-Security-Policy:\s*(.+)$/m.exec(headers)?.[1]?.trim();
}

/** Inline scripts of the given pages that the policy does not allow, with the hash to add. */
export function missingHashes(policy: string, pages: { path: string; html: string }[]): { path: string; hash: string }[] {
  const allowed = new Set(/script-src ([^;]+)/.exec(policy)?.[1]?.split(/\s+/) ?? []);
  return pages.flatMap(({ path, html }) => inlineScripts(html).map(scriptHash).filter((hash) => !allowed.has(hash)).map((hash) => ({ path, hash })));
}
