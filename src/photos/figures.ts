import type { Element, ElementContent, Parents, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { splitCredit } from './captions.ts';

/** One photo a story uses, as written, with the line of the story file that names it. */
export interface PhotoUse {
  src: string;
  line?: number;
  /** The frontmatter field, for the lead photo. */
  field?: string;
  /** A photo in the text with no alt text. */
  missingAlt?: boolean;
}

/** An address on another host (`https://…`, `//…`), not a file beside the story. */
export const isRemotePhoto = (src: string) =>
  /^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//');

/**
 * Where rendered HTML leaves a photo for the page to fill in: `<img data-photo="0" alt="…">`,
 * the photo's place among the story's own photos (its `bodyImages`), or a photo host's URL.
 */
export const PHOTO_ATTRIBUTE = 'data-photo';
/** Marks the first photo of a story without a lead photo, near the top: loaded at once. */
export const EAGER_ATTRIBUTE = 'data-eager';

/**
 * The photos of each story rendered on this thread, by file path, until the renderer's caller
 * takes them: Astro's renderer returns a fixed set of metadata, so they travel beside it.
 */
const found = new Map<string, PhotoUse[]>();

/**
 * The photos the last render of `path` found, in the order they appear (taken once). Lines are
 * counted from the first line of the Markdown the renderer was given.
 */
export function takePhotoUses(path: string): PhotoUse[] {
  const uses = found.get(path) ?? [];
  found.delete(path);
  return uses;
}

const isWhitespace = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';
const isElement = (node: ElementContent | undefined, tag: string): node is Element =>
  node?.type === 'element' && node.tagName === tag;
const meaningful = (nodes: ElementContent[]) =>
  nodes.filter((node) => !isWhitespace(node) && !isElement(node, 'br'));

/** A caption's content with its credit, if it ends with one, in `<span class="credit">`. */
export function captionContent(children: ElementContent[]): ElementContent[] {
  const nodes = children.filter(
    (node, index) => !(isWhitespace(node) && (index === 0 || index === children.length - 1)),
  );
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (node.type !== 'text') continue;
    const { caption, credit } = splitCredit(node.value);
    if (!credit) continue;
    const before: ElementContent[] = [
      ...nodes.slice(0, i),
      ...(caption ? [{ type: 'text', value: `${caption} ` } satisfies Text] : []),
    ];
    const span: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['credit'] },
      children: [{ type: 'text', value: credit }, ...nodes.slice(i + 1)],
    };
    return [...before, span];
  }
  return nodes;
}

function figure(img: Element, caption: ElementContent[] | undefined): Element {
  const children: ElementContent[] = [img];
  if (caption && caption.length > 0)
    children.push({
      type: 'element',
      tagName: 'figcaption',
      properties: {},
      children: captionContent(caption),
    });
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['photo'] },
    children,
    position: img.position,
  };
}

/** A paragraph that is a photo alone, or a photo with its italic caption on the next line. */
function lonePhoto(p: Element): { img: Element; caption?: ElementContent[] } | undefined {
  const [first, second, ...rest] = meaningful(p.children);
  if (!isElement(first, 'img') || rest.length > 0) return undefined;
  if (second === undefined) return { img: first };
  return isElement(second, 'em') ? { img: first, caption: second.children } : undefined;
}

/** A paragraph that is only an italic line: the caption of the photo above it. */
function captionParagraph(node: ElementContent | undefined): ElementContent[] | undefined {
  if (!isElement(node, 'p')) return undefined;
  const [only, ...rest] = meaningful(node.children);
  return isElement(only, 'em') && rest.length === 0 ? only.children : undefined;
}

function makeFigures(parent: Parents): void {
  const children = parent.children as ElementContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    if (child.tagName === 'p') {
      const photo = lonePhoto(child);
      if (photo) {
        let caption = photo.caption;
        if (!caption) {
          // The next element, past the line break between them.
          let next = i + 1;
          while (next < children.length && isWhitespace(children[next]!)) next++;
          caption = captionParagraph(children[next]);
          if (caption) children.splice(i + 1, next - i);
        }
        children[i] = figure(photo.img, caption);
        continue;
      }
    }
    // A figure written in raw HTML is styled as the Markdown ones are, its credit set apart.
    if (child.tagName === 'figure') child.properties.className = ['photo'];
    if (child.tagName === 'figcaption') {
      child.children = captionContent(child.children);
      continue;
    }
    makeFigures(child);
  }
}

/**
 * A rehype plugin that turns a story's photos into figures and placeholders. A photo alone in
 * its paragraph becomes a `<figure>`, with the italic line under it as its `<figcaption>`; a
 * credit at the end of a caption (`Photo: Jane Doe/Trend`) gets `<span class="credit">`, in
 * raw `<figcaption>`s too. Every `<img>`, Markdown or raw HTML, becomes a placeholder that the
 * page fills in from Astro's image pipeline (./pictures.ts). Runs after the allow-list, so only
 * what a story may show is left.
 */
export default function rehypePhotos() {
  return (tree: Root, file: VFile) => {
    makeFigures(tree);
    const uses: PhotoUse[] = [];
    const localIndex = new Map<string, number>();
    const frontmatter = (file.data.astro as { frontmatter?: { image?: unknown } } | undefined)
      ?.frontmatter;
    // Among the first few blocks, the first photo is likely on screen when the page opens.
    const topBlocks = new Set(tree.children.filter((node) => node.type === 'element').slice(0, 3));
    let eager = !frontmatter?.image;
    const visit = (node: Parents, top: boolean) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName !== 'img') {
          visit(child, top || topBlocks.has(child));
          continue;
        }
        const src = typeof child.properties.src === 'string' ? child.properties.src.trim() : '';
        const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
        const remote = isRemotePhoto(src);
        uses.push({
          src,
          line: child.position?.start.line,
          // A photo in the text always says what it shows; a decorative one belongs elsewhere.
          missingAlt: alt.trim() === '',
        });
        if (src && !remote && !localIndex.has(src)) localIndex.set(src, localIndex.size);
        const key = remote ? src : String(localIndex.get(src));
        child.properties = {
          [PHOTO_ATTRIBUTE]: key,
          alt,
          ...(eager && (top || topBlocks.has(child)) ? { [EAGER_ATTRIBUTE]: '' } : {}),
        };
        eager = false;
      }
    };
    visit(tree, false);
    if (typeof file.path === 'string') found.set(file.path, uses);
    // Astro's own image step has nothing left to do: the page fills in the placeholders.
    const astro = (file.data.astro ??= {}) as {
      localImagePaths?: string[];
      remoteImagePaths?: string[];
    };
    astro.localImagePaths = [];
    astro.remoteImagePaths = [];
  };
}
