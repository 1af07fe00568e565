import { relative } from 'node:path';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Element, Nodes, Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * What raw HTML in a story may keep: GitHub's allow-list (no script, style, iframe, event
 * handlers, javascript: or data: URLs) plus the elements news copy uses: figures, captions,
 * abbreviations, citations, marks and times.
 */
export const STORY_HTML: Schema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'figure',
    'figcaption',
    'abbr',
    'caption',
    'cite',
    'mark',
    'time',
  ],
  attributes: {
    ...defaultSchema.attributes,
    abbr: ['title'],
    time: ['dateTime'],
    td: [...(defaultSchema.attributes?.td ?? []), 'colSpan', 'rowSpan'],
    th: [...(defaultSchema.attributes?.th ?? []), 'colSpan', 'rowSpan', 'scope'],
  },
  // Heading ids come from rehype-slug after sanitising; they need no prefix.
  clobberPrefix: '',
  clobber: [],
};

const allowedTags = new Set(STORY_HTML.tagNames);
const UNSAFE_URL = /^\s*(javascript|data|vbscript):/i;
const strip = new Set(STORY_HTML.strip);

function allowedAttributes(tag: string): Set<string> {
  const list = [...(STORY_HTML.attributes?.[tag] ?? []), ...(STORY_HTML.attributes?.['*'] ?? [])];
  return new Set(list.map((entry) => (Array.isArray(entry) ? String(entry[0]) : String(entry))));
}

/** What sanitising will take out, described for the editor. */
export function findUnsafe(tree: Nodes): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const element = node as Element;
      if (!allowedTags.has(element.tagName)) {
        found.push(`<${element.tagName}>`);
        if (strip.has(element.tagName)) return;
      } else {
        const allowed = allowedAttributes(element.tagName);
        for (const [name, value] of Object.entries(element.properties ?? {})) {
          if (!allowed.has(name)) found.push(`the ${name} attribute of <${element.tagName}>`);
          else if (
            (name === 'href' || name === 'src') &&
            typeof value === 'string' &&
            UNSAFE_URL.test(value)
          ) {
            found.push(
              `a ${value.trim().split(':')[0]!.toLowerCase()}: URL in <${element.tagName}>`,
            );
          }
        }
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}

/**
 * URL schemes in lower case. Schemes are case-insensitive, but the allow-list is not: a bare
 * `HTTPS://…` in capitals, common in wire copy, lost its link.
 */
function lowerCaseSchemes(node: Nodes): void {
  if (node.type === 'element') {
    for (const name of ['href', 'src'] as const) {
      const value = node.properties?.[name];
      if (typeof value === 'string')
        node.properties[name] = value.replace(
          /^(\s*)([a-z][a-z\d+.-]*):/i,
          (_, space: string, scheme: string) => `${space}${scheme.toLowerCase()}:`,
        );
    }
  }
  if ('children' in node) for (const child of node.children) lowerCaseSchemes(child as Nodes);
}

/**
 * Images whose address is unsafe, taken out whole: without its address an image is nothing to
 * show, and a photo with no address stops the build (src/photos/check.ts).
 */
function dropUnsafeImages(node: Nodes): void {
  if (!('children' in node)) return;
  node.children = node.children.filter(
    (child) =>
      !(
        child.type === 'element' &&
        child.tagName === 'img' &&
        typeof child.properties?.src === 'string' &&
        UNSAFE_URL.test(child.properties.src)
      ),
  ) as typeof node.children;
  for (const child of node.children) dropUnsafeImages(child as Nodes);
}

/**
 * A rehype plugin: removes unsafe HTML from a story and warns, naming the file, for each removal.
 */
export default function rehypeSafeHtml() {
  return (tree: Root, file: VFile): Root => {
    lowerCaseSchemes(tree);
    const removed = findUnsafe(tree);
    dropUnsafeImages(tree);
    if (removed.length > 0) {
      const path = file.path ? relative(process.cwd(), file.path) || file.path : 'a story';
      console.warn(`[dateline] ${path}: removed unsafe HTML: ${[...new Set(removed)].join(', ')}`);
    }
    return sanitize(tree, STORY_HTML) as Root;
  };
}
