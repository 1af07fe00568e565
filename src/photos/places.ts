import { escapeXml } from '#src/formats/xml.ts';
import { EAGER_ATTRIBUTE, PHOTO_ATTRIBUTE } from './figures.ts';

/**
 * Where a photo is shown, and so which renditions it needs. Every width is one more encode of
 * every photo of the archive (`npm run bench:photos` measures it), so each place has as few as it
 * can.
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
  /**
   * Screens wider than the modern format's widest rendition get the share JPEG, which every photo
   * has anyway, instead of one more modern rendition: a JPEG a little heavier for a desktop at two
   * device pixels, one encode fewer for every photo of the archive.
   */
  shareIsWidest?: boolean;
  /**
   * How wide the `<img>` is shown, when narrower than the share JPEG it falls back to (which
   * browsers without the modern format scale down): a listing's thumbnail has no JPEG of its own.
   */
  imgWidth?: number;
}

/**
 * The text column (40rem, 640 CSS pixels; the screen less its margins on a phone), which the
 * lead photo shares. 800 covers a desktop screen and a phone at two device pixels per CSS
 * pixel, the share JPEG (1,200) a desktop at two. Phones get at most 800 by 600 pixels' worth: a
 * third device pixel costs about half as many bytes again and is hard to see in a photo, and a
 * portrait 800 wide has twice the pixels of a landscape.
 */
export const COLUMN: Place = {
  widths: [800],
  sizes: '(min-width: 42rem) 40rem, calc(100vw - 2rem)',
  phone: {
    media: '(max-width: 41.99rem)',
    maxWidth: 800,
    maxPixels: 800 * 600,
    sizes: 'calc(100vw - 2rem)',
  },
  shareIsWidest: true,
};

/** Listings: a lead photo small beside the headline, 7rem wide. */
export const THUMBNAIL: Place = { widths: [224], sizes: '7rem', imgWidth: 224 };

/** The modern format every place gets; browsers that cannot show it take the fallback. */
export const MODERN_FORMAT = 'webp';

/**
 * og:image, JSON-LD, feeds and every place's fallback: one JPEG every social site, search engine,
 * feed reader and browser reads, 1,200 pixels wide as social sites recommend.
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

/** A picture's image as a candidate or an `<img>`: its URL and its size in pixels. */
export interface Sized {
  src: string;
  width: number;
  height: number;
}

/**
 * A source's `srcset`: the modern renditions, then the share JPEG where the place takes it as
 * its widest and it is wider than they are (a photo no wider than them has no more to give).
 */
export function srcsetFor(place: Place, modern: Rendition, share: Sized, widths: number[]) {
  const widest = place.shareIsWidest && share.width > Math.max(...widths);
  return widest
    ? `${modern.srcSet.attribute}, ${share.src} ${share.width}w`
    : modern.srcSet.attribute;
}

/** The `<img>`: the share JPEG, said to be as wide as the place shows it. */
export function imgFor(place: Place, share: Sized): Sized {
  if (place.imgWidth === undefined || place.imgWidth >= share.width) return share;
  const height = Math.round((place.imgWidth / share.width) * share.height);
  return { src: share.src, width: place.imgWidth, height };
}

/** What this module needs of one rendition from Astro's getImage(). */
export interface Rendition {
  src: string;
  srcSet: { attribute: string };
  attributes: Record<string, unknown>;
}

export interface PictureParts {
  /** In the order browsers should consider them: the first that matches and they can show wins. */
  sources: { type: string; srcset: string; media?: string; sizes: string }[];
  /** For browsers without the modern format, and the size the page keeps for the photo. */
  img: Sized;
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
  const { src, width, height } = parts.img;
  const sources = parts.sources.map(
    ({ type, srcset, media, sizes }) =>
      `<source type="${type}"${attribute('media', media)}` +
      `${attribute('srcset', srcset)}${attribute('sizes', sizes)}>`,
  );
  const loading = parts.priority || parts.eager ? 'eager' : 'lazy';
  // Taller than wide: its height, not the column, sets its size (the stylesheet's `.tall`).
  const tall = height > width;
  const img =
    `<img src="${escapeXml(src)}"${attribute('alt', parts.alt)}` +
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
