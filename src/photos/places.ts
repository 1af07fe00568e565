import { escapeXml } from '#src/formats/xml.ts';
import { EAGER_ATTRIBUTE, PHOTO_ATTRIBUTE } from './figures.ts';

/**
 * Where a photo is shown, and so which renditions it needs. Every width is one more encode of
 * every photo of the archive (BENCHMARKS.md, "Photos"), so each place has as few as it can.
 */
export interface Place {
  /** Widths of the modern format, for the `srcset`. */
  widths: number[];
  /** How wide the photo is on the page, for the browser to choose among them. */
  sizes: string;
  /**
   * Narrow screens get this source instead: one rendition, no wider than `maxWidth` and of no
   * more than `maxPixels`, so that a tall photo costs a phone no more than a wide one.
   */
  phone?: { media: string; maxWidth: number; maxPixels: number; sizes: string };
  /** The fallback's width, for browsers without the modern format; the share width when none. */
  fallbackWidth?: number;
}

/**
 * The text column (40rem, 640 CSS pixels; the screen less its margins on a phone), which the
 * lead photo shares. 800 covers a desktop screen and a phone at two device pixels per CSS
 * pixel, 1280 a desktop at two. Phones get at most 800 by 600 pixels' worth: a third device
 * pixel costs about half as many bytes again and is hard to see in a photo, and a portrait
 * 800 wide has twice the pixels of a landscape. The fallback is the share rendition.
 */
export const COLUMN: Place = {
  widths: [800, 1280],
  sizes: '(min-width: 42rem) 40rem, calc(100vw - 2rem)',
  phone: {
    media: '(max-width: 41.99rem)',
    maxWidth: 800,
    maxPixels: 800 * 600,
    sizes: 'calc(100vw - 2rem)',
  },
};

/** Listings: a lead photo small beside the headline, 7rem wide. */
export const THUMBNAIL: Place = { widths: [224], sizes: '7rem', fallbackWidth: 224 };

/** The modern format every place gets; browsers that cannot show it take the fallback. */
export const MODERN_FORMAT = 'webp';

/**
 * og:image, JSON-LD, feeds and the column's fallback: one JPEG every social site, search engine
 * and feed reader reads, 1,200 pixels wide as they recommend.
 */
export const SHARE_WIDTH = 1200;

/** The fallback's format: JPEG, which every reader reads. */
export const FALLBACK_FORMAT = 'jpeg';

/**
 * What shows through where a PNG, GIF or WebP is transparent, in its JPEG: white, the page's
 * own paper in print and in most feed readers.
 */
export const FALLBACK_BACKGROUND = '#ffffff';

/** The widths a photo `width` pixels wide gets for a place: none wider than the photo. */
export function widthsFor(place: Place, width: number): number[] {
  return [...new Set(place.widths.map((w) => Math.min(w, width)))];
}

/** The width of a photo's phone rendition, if its place has one. */
export function phoneWidth(place: Place, width: number, height: number): number | undefined {
  if (!place.phone) return undefined;
  const { maxWidth, maxPixels } = place.phone;
  return Math.min(maxWidth, width, Math.floor(Math.sqrt((maxPixels * width) / height)));
}

/** What this module needs of one rendition from Astro's getImage(). */
export interface Rendition {
  src: string;
  srcSet: { attribute: string };
  attributes: Record<string, unknown>;
}

export interface PictureParts {
  /** In the order browsers should consider them: the first that matches and they can show wins. */
  sources: { type: string; rendition: Rendition; media?: string; sizes: string }[];
  fallback: Rendition;
  alt: string;
  /** The lead photo: fetched first, before the page's other images. */
  priority?: boolean;
  /** On screen when the page opens, but not the page's main photo. */
  eager?: boolean;
}

const attribute = (name: string, value: unknown) =>
  value === undefined || value === null ? '' : ` ${name}="${escapeXml(String(value))}"`;

/**
 * A `<picture>`: a `<source>` per modern format with its `srcset` and `sizes`, and an `<img>` in
 * the fallback format with the photo's width and height (so the page keeps the photo's place
 * before it arrives), its alt text, and how early to load it.
 */
export function pictureHtml(parts: PictureParts): string {
  const { width, height } = parts.fallback.attributes;
  const sources = parts.sources.map(
    ({ type, rendition, media, sizes }) =>
      `<source type="${type}"${attribute('media', media)}` +
      `${attribute('srcset', rendition.srcSet.attribute)}${attribute('sizes', sizes)}>`,
  );
  const loading = parts.priority || parts.eager ? 'eager' : 'lazy';
  // Taller than wide: its height, not the column, sets its size (the stylesheet's `.tall`).
  const tall = Number(height) > Number(width);
  const img =
    `<img src="${escapeXml(parts.fallback.src)}"${attribute('alt', parts.alt)}` +
    `${attribute('width', width)}${attribute('height', height)}${attribute('loading', loading)}` +
    `${attribute('decoding', parts.priority ? 'sync' : 'async')}` +
    `${parts.priority ? ' fetchpriority="high"' : ''}${tall ? ' class="tall"' : ''}>`;
  return `<picture>${sources.join('')}${img}</picture>`;
}

/** A placeholder the story's text left for a photo (./figures.ts). */
export interface Placeholder {
  /** The photo's place among the story's own photos, or a photo host's URL. */
  key: string;
  alt: string;
  eager: boolean;
}

const PLACEHOLDER = new RegExp(
  `<img ${PHOTO_ATTRIBUTE}="([^"]*)" alt="([^"]*)"( ${EAGER_ATTRIBUTE}="")?>`,
  'g',
);
/** The character references rehype writes in attributes, read back. */
const unescape = (text: string) =>
  text.replace(/&(#x22|quot|#x27|apos|#x3C|lt|#x26|amp);/g, (_, name: string) =>
    /22|quot/.test(name) ? '"' : /27|apos/.test(name) ? "'" : /3C|lt/.test(name) ? '<' : '&',
  );

/** The placeholders of a story's rendered HTML, in order. */
export function placeholders(html: string): Placeholder[] {
  return [...html.matchAll(PLACEHOLDER)].map((match) => ({
    key: unescape(match[1]!),
    alt: unescape(match[2]!),
    eager: match[3] !== undefined,
  }));
}

/** Fills in a story's photos: each placeholder becomes whatever `render` makes of it. */
export async function fillPlaceholders(
  html: string,
  render: (photo: Placeholder) => Promise<string>,
): Promise<string> {
  const found = placeholders(html);
  if (found.length === 0) return html;
  const rendered = await Promise.all(found.map(render));
  let index = 0;
  return html.replace(PLACEHOLDER, () => rendered[index++]!);
}
