import { createHash } from 'node:crypto';
import { parse } from 'parse5';

/** `sha256-…` for an inline script's text, as Astro's `security.csp` takes it. */
export function sourceHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code).digest('base64')}`;
}

/** `'sha256-…'` for an inline script's text, as a Content-Security-Policy lists it. */
export function scriptHash(code: string): string {
  return `'${sourceHash(code)}'`;
}

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
}

/**
 * The executable inline scripts of a page (not JSON-LD, not external files), found by an HTML
 * parser as a browser would.
 */
export function inlineScripts(html: string): string[] {
  const found: string[] = [];
  const visit = (node: HtmlNode) => {
    if (node.nodeName === 'script') {
      const attribute = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
      if (
        attribute('src') === undefined &&
        !/^application\/(ld\+)?json$/.test(attribute('type') ?? '')
      ) {
        found.push((node.childNodes ?? []).map((child) => child.value ?? '').join(''));
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as HtmlNode);
  return found;
}

/** The policy in a `_headers` file: the Content-Security-Policy line for `/*`. */
export function policyFromHeaders(headers: string): string | undefined {
  return /^\s+Content-Security-Policy:\s*(.+)$/m.exec(headers)?.[1]?.trim();
}

/** Inline scripts of the given pages that the policy does not allow, with the hash to add. */
export function missingHashes(
  policy: string,
  pages: { path: string; html: string }[],
): { path: string; hash: string }[] {
  const allowed = new Set(/script-src ([^;]+)/.exec(policy)?.[1]?.split(/\s+/) ?? []);
  return pages.flatMap(({ path, html }) =>
    inlineScripts(html)
      .map(scriptHash)
      .filter((hash) => !allowed.has(hash))
      .map((hash) => ({ path, hash })),
  );
}

/** Directives a `<meta>` policy cannot carry: browsers ignore them there (CSP 3, section 6.2). */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

/** The names of a policy's directives: `default-src`, `script-src`, … */
export function directiveNames(policy: string): string[] {
  return policy
    .split(';')
    .map((part) => part.trim().split(/\s+/)[0]!.toLowerCase())
    .filter(Boolean);
}

/**
 * A page's `<meta http-equiv="Content-Security-Policy">` read as a browser reads it: the policy
 * of the first one in `<head>`, in force for what follows it only, so it must come before every
 * script. `problem` says what is wrong with where it is, if anything.
 */
export function metaPolicy(html: string): { policy: string | null; problem?: string } {
  let policy: string | null = null;
  let problem: string | undefined;
  let scriptSeen = false;
  const visit = (node: HtmlNode, inHead: boolean) => {
    const attribute = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
    if (node.nodeName === 'script' && !/^application\/(ld\+)?json$/.test(attribute('type') ?? ''))
      scriptSeen = true;
    if (
      node.nodeName === 'meta' &&
      attribute('http-equiv')?.toLowerCase() === 'content-security-policy'
    ) {
      if (!inHead) problem ??= 'a Content-Security-Policy <meta> outside <head>, which is ignored';
      else if (policy === null) {
        policy = attribute('content') ?? '';
        if (scriptSeen)
          problem ??= 'a script before its Content-Security-Policy <meta>, which it does not cover';
      }
    }
    for (const child of node.childNodes ?? []) visit(child, inHead || node.nodeName === 'head');
  };
  visit(parse(html) as unknown as HtmlNode, false);
  if (policy === null) problem ??= 'no Content-Security-Policy <meta> in <head>';
  return { policy, problem };
}

/**
 * Addresses of images a page loads from elsewhere: `<img src>`, `srcset` candidates and
 * `<source srcset>`. Every photo of the archive is served from the site itself (src/photos/), so
 * there should be none.
 */
export function foreignImages(html: string): string[] {
  const found: string[] = [];
  const visit = (node: HtmlNode) => {
    if (node.nodeName === 'img' || node.nodeName === 'source') {
      for (const { name, value } of node.attrs ?? []) {
        if (name === 'src') found.push(value.trim());
        if (name === 'srcset')
          found.push(...value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
      }
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as HtmlNode);
  return found.filter((url) => /^[a-z][a-z\d+.-]*:|^\/\//i.test(url));
}

/** What the policy's img-src allows besides the site itself (default-src, if it has none). */
export function imageSources(policy: string): string[] {
  const directive =
    /(?:^|;)\s*img-src ([^;]+)/.exec(policy) ?? /(?:^|;)\s*default-src ([^;]+)/.exec(policy);
  return (directive?.[1] ?? '').split(/\s+/).filter((source) => source && source !== "'self'");
}
