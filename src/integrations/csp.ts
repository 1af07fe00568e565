import { createHash } from 'node:crypto';
import { parse } from 'parse5';

/** `'sha256-…'` for an inline script's text, as a Content-Security-Policy lists it. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
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
