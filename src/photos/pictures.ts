// Astro's getImage as Astro's own content runtime imports it, not through `astro:assets`: that
// module's code holds the build's output folder (`outDir`, in vite-plugin-assets.js), and the
// incremental build hashes the code of every module a page imports to decide whether the page
// may be reused, while its config hash leaves `outDir` out on purpose. Dateline builds into a
// fresh folder every time (src/cli/build.ts), so every page importing `astro:assets` looked
// changed and none was ever reused. The same class of bug as withastro/astro#17642 (a per-build
// value baked into a hashed module); tests/site/incremental.test.ts shows photo pages reused.
import { getImage } from 'virtual:astro:get-image';
import type { ImageMetadata } from 'astro';
import { absolute } from '#src/site/origin.ts';
import { escapeXml } from '#src/formats/xml.ts';
import {
  COLUMN,
  FALLBACK_BACKGROUND,
  FALLBACK_FORMAT,
  MODERN_FORMAT,
  phoneWidth,
  pictureHtml,
  fillPlaceholders,
  imgFor,
  SHARE_WIDTH,
  srcsetFor,
  THUMBNAIL,
  widthsFor,
  type Place,
  type Placeholder,
  type Rendition,
  type Sized,
} from './places.ts';
import type { RemotePhoto } from './check.ts';

export type { RemotePhoto };

/** A photo as the collection holds it: what Astro's image() made of a path, or a remote one. */
export type Photo = ImageMetadata | RemotePhoto;

const isRemote = (photo: Photo): photo is RemotePhoto => 'url' in photo;

/**
 * The photo's fields, read without marking it used outside the image pipeline: Astro copies an
 * original into the site when a page reads a field of it, and `clone` is the one way in that it
 * does not count (astro/dist/assets/utils/proxy.js).
 */
function fieldsOf(photo: Photo): { width: number; height: number; format?: string; id: string } {
  if (isRemote(photo)) return { ...photo, id: photo.url };
  const plain = (photo as ImageMetadata & { clone?: ImageMetadata }).clone ?? photo;
  return { width: plain.width, height: plain.height, format: plain.format, id: plain.src };
}

/**
 * What a page's key needs to know of a photo: its built file's name, which carries a hash of its
 * content, so a photo replaced under the same name changes every page that shows it.
 */
export const photoKey = (photo: Photo) => fieldsOf(photo).id;

/** getImage's options for a photo: a remote photo's size is given, a local one's is known. */
function source(photo: Photo) {
  if (!isRemote(photo)) return { src: photo };
  return { src: photo.url, width: photo.width, height: photo.height };
}

/** The share rendition: feeds, social sites, and every place's fallback and widest candidate. */
async function shareRendition(photo: Photo) {
  const size = fieldsOf(photo);
  const w = Math.min(SHARE_WIDTH, size.width);
  const opaque = size.format === 'jpeg' || size.format === 'jpg';
  return getImage({
    ...source(photo),
    width: w,
    height: Math.round((w / size.width) * size.height),
    format: FALLBACK_FORMAT,
    ...(opaque ? {} : { background: FALLBACK_BACKGROUND }),
  });
}

/** A rendition's URL and its size in pixels, as numbers (Astro gives attributes). */
const sized = (image: Rendition): Sized => ({
  src: image.src,
  width: Number(image.attributes.width),
  height: Number(image.attributes.height),
});

/** A photo's `<picture>` for a place on the page, from Astro's image pipeline. */
export async function picture(
  photo: Photo,
  place: Place,
  options: { alt: string; priority?: boolean; eager?: boolean },
): Promise<string> {
  const size = fieldsOf(photo);
  const widths = widthsFor(place, size.width);
  const phone = phoneWidth(place, size.width, size.height);
  const [modern, narrow, shareImage] = await Promise.all([
    getImage({ ...source(photo), widths, format: MODERN_FORMAT }),
    // Usually one of the wide source's renditions, the same file: no encode of its own.
    phone === undefined
      ? undefined
      : getImage({ ...source(photo), widths: [phone], format: MODERN_FORMAT }),
    shareRendition(photo),
  ]);
  const share = sized(shareImage);
  const type = `image/${MODERN_FORMAT}`;
  const sources = [
    ...(narrow
      ? [
          {
            type,
            srcset: narrow.srcSet.attribute,
            media: place.phone!.media,
            sizes: place.phone!.sizes,
          },
        ]
      : []),
    { type, srcset: srcsetFor(place, modern, share, widths), sizes: place.sizes },
  ];
  return pictureHtml({ sources, img: imgFor(place, share), ...options });
}

/** The lead photo under the headline: fetched before anything else on the page. */
export const leadPicture = (photo: Photo, alt: string) =>
  picture(photo, COLUMN, { alt, priority: true });

/** A listing's small photo beside a headline, which says the rest (alt=""). */
export const thumbnailPicture = (photo: Photo) => picture(photo, THUMBNAIL, { alt: '' });

/** The photo social sites, search engines and feed readers get, with an absolute URL. */
export interface SharedPhoto {
  url: string;
  width: number;
  height: number;
  type: string;
}

export async function sharedPhoto(photo: Photo): Promise<SharedPhoto> {
  const image = await shareRendition(photo);
  const { src, width, height } = sized(image);
  return { url: absolute(src), width, height, type: `image/${image.options.format}` };
}

/** The photo a placeholder names: its place among the story's own photos, or a remote one. */
function photoLookup(own: Photo[], remote: RemotePhoto[]): (key: string) => Photo {
  return (key) => {
    const photo = /^\d+$/.test(key) ? own[Number(key)] : remote.find((r) => r.url === key);
    // The loader checked every photo: one missing here is a bug, not a story's mistake.
    if (photo === undefined) throw new Error(`photo ${key} was not resolved by the collection`);
    return photo;
  };
}

/** A story's HTML with its photos filled in as `<picture>`s, for its page. */
export function storyHtml(html: string, own: Photo[], remote: RemotePhoto[]): Promise<string> {
  const find = photoLookup(own, remote);
  return fillPlaceholders(html, (placeholder: Placeholder) =>
    picture(find(placeholder.key), COLUMN, { alt: placeholder.alt, eager: placeholder.eager }),
  );
}

/**
 * A story's HTML for feeds: each photo one plain `<img>` (feed readers drop `<picture>` and
 * `srcset`), the share rendition the page already has, so feeds cost no encode of their own.
 */
export function feedHtml(html: string, own: Photo[], remote: RemotePhoto[]): Promise<string> {
  const find = photoLookup(own, remote);
  return fillPlaceholders(html, async (placeholder: Placeholder) => {
    const shared = await sharedPhoto(find(placeholder.key));
    return (
      `<img src="${escapeXml(shared.url)}" alt="${escapeXml(placeholder.alt)}" ` +
      `width="${shared.width}" height="${shared.height}">`
    );
  });
}
