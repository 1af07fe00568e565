import { open, realpath, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { inferRemoteSize, isRemoteAllowed } from 'astro/assets/utils';
import sharp from 'sharp';
import type { Problem } from '#src/domain/problems.ts';
import type { PhotoHost } from './hosts.ts';
import { isRemotePhoto, type PhotoUse } from './figures.ts';

/** The largest photo read, in pixels (README, "Photos"): decoding more costs seconds and memory. */
export const MAX_PIXELS = 40_000_000;

/** File types Astro's pipeline turns into photos; SVG is a drawing, not processed. */
export const PHOTO_TYPES = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tiff'];

/** What photos a story may use: files in the content folder, and the archive's photo hosts. */
export interface PhotoRules {
  /** The content folder, absolute. */
  contentDir: string;
  /** Astro's `image.domains` and `image.remotePatterns`. */
  domains: string[];
  remotePatterns: PhotoHost[];
}

/** A photo file as checked: what the next build needs to know it is still the same file. */
export type CheckedPhoto = [path: string, size: number, mtimeMs: number];

/** A photo on a photo host, with the size its host's first bytes say it has. */
export interface RemotePhoto {
  url: string;
  width: number;
  height: number;
  format?: string;
}

const FIX_PATH =
  'put the photo beside the story (a folder story: content/YYYY/MM/<slug>/index.md with the ' +
  'photo in that folder) and write its path from there, e.g. ./photo.jpg';

/** The first and last bytes of a file, where a photo says what it is and how it ends. */
async function ends(path: string, size: number): Promise<{ head: Buffer; tail: Buffer }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(16, size));
    const tail = Buffer.alloc(Math.min(4096, size));
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, size - tail.length);
    return { head, tail };
  } finally {
    await handle.close();
  }
}

/**
 * Whether a photo ends as a whole file of its format does: a JPEG's end-of-image marker, PNG's
 * IEND chunk, the length WebP's RIFF header announces, GIF's trailer. A false answer is only a
 * suspicion (a camera may append data after the picture), settled by decoding.
 */
export function endsWhole(format: string, head: Buffer, tail: Buffer, size: number): boolean {
  switch (format) {
    case 'jpeg':
      // FF D9 never occurs inside a JPEG's compressed data (FF is always escaped there).
      return tail.includes(Buffer.from([0xff, 0xd9]));
    case 'png':
      return tail.includes(Buffer.from('IEND'));
    case 'webp':
      return head.length >= 8 && head.readUInt32LE(4) + 8 <= size;
    case 'gif':
      return tail.at(-1) === 0x3b;
    default:
      return false;
  }
}

/**
 * Whether the picture decodes to its end. Astro's image service reads with `failOn: 'none'`, so
 * a photo cut short in a copy would be published grey below the cut. Decoded small: a JPEG is
 * then read at an eighth of its size, but still to its last byte.
 */
async function decodesWhole(path: string): Promise<boolean> {
  try {
    await sharp(path, { failOn: 'truncated', limitInputPixels: MAX_PIXELS })
      .resize(64)
      .raw()
      .toBuffer();
    return true;
  } catch {
    return false;
  }
}

/**
 * Everything wrong with the photos a story uses, each problem naming the story, the line and the
 * fix: a photo without alt text, missing, outside the content folder, not a photo, cut short,
 * too large, or on a host the archive does not take photos from. Reads each photo's header and
 * last bytes, not the picture, unless its ending looks wrong; a remote photo's first bytes.
 */
export async function checkPhotos(
  file: string,
  storyPath: string,
  uses: PhotoUse[],
  rules: PhotoRules,
): Promise<{ problems: Problem[]; photos: CheckedPhoto[]; remote: RemotePhoto[] }> {
  const problems: Problem[] = [];
  const photos: CheckedPhoto[] = [];
  const remote: RemotePhoto[] = [];
  const problem = (use: PhotoUse, message: string, fix: string) =>
    problems.push({ file, line: use.line, field: use.field, message, fix });
  const contentRoot = await realpath(rules.contentDir).catch(() => rules.contentDir);

  for (const use of uses) {
    const { src } = use;
    if (use.missingAlt)
      problem(
        use,
        `the photo ${src || '(no path)'} has no alt text`,
        'describe what the photo shows between the brackets: ![Pickers load cotton onto a ' +
          'truck](./cotton.jpg)',
      );
    if (src === '') {
      problem(use, 'a photo has no path', 'write the path of the photo, e.g. ./photo.jpg');
      continue;
    }
    if (isRemotePhoto(src)) {
      const hosts = { domains: rules.domains, remotePatterns: rules.remotePatterns };
      if (!isRemoteAllowed(src, hosts)) {
        const host = URL.canParse(src) ? new URL(src).host : src;
        problem(
          use,
          `the photo ${src} is on ${host}, which is not one of the archive's photo hosts`,
          `download the photo and put it beside the story, or add the host to ` +
            `DATELINE_PHOTO_HOSTS if the archive takes photos from it`,
        );
        continue;
      }
      // Read once here, from the photo's first bytes, so that pages need not ask the host.
      const size = await inferRemoteSize(src, hosts).catch(() => undefined);
      if (!size?.width || !size.height) {
        problem(
          use,
          `the photo host did not send a photo at ${src}`,
          'check the address, and that the photo host is up; or download the photo and put it ' +
            'beside the story',
        );
      } else if (size.width * size.height > MAX_PIXELS) {
        problem(
          use,
          `the photo ${src} is ${size.width} × ${size.height}, over the limit of ` +
            `${MAX_PIXELS / 1e6} megapixels`,
          'ask the photo host for a smaller rendition, 4,000 pixels on the long side at most',
        );
      } else if (!remote.some((photo) => photo.url === src)) {
        remote.push({ url: src, width: size.width, height: size.height, format: size.format });
      }
      continue;
    }
    if (src.startsWith('/')) {
      problem(use, `the photo ${src} is written from the site's root`, FIX_PATH);
      continue;
    }
    let path: string;
    try {
      path = resolve(dirname(storyPath), decodeURI(src.split(/[?#]/)[0]!));
    } catch {
      problem(use, `the photo path ${src} cannot be read as a path`, FIX_PATH);
      continue;
    }
    const type = extname(path).slice(1).toLowerCase();
    if (!PHOTO_TYPES.includes(type)) {
      problem(
        use,
        `${src} is not a photo file (.${type || 'no extension'})`,
        'use a JPEG, PNG, WebP, AVIF, GIF or TIFF photo; an SVG drawing is not a photo',
      );
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      problem(
        use,
        `the photo ${src} does not exist (looked for ${relative(process.cwd(), path)})`,
        'check the spelling and the folder; the path is read from the story’s own folder',
      );
      continue;
    }
    // Links are followed first: a link inside the content folder may lead out of it.
    const inside = relative(contentRoot, await realpath(path).catch(() => path));
    if (inside.startsWith('..') || isAbsolute(inside)) {
      problem(
        use,
        `the photo ${src} is outside the content folder`,
        `${FIX_PATH}; photos several stories share go in a folder inside the content folder`,
      );
      continue;
    }
    if (!info.isFile()) {
      problem(use, `${src} is not a file`, 'point the path at the photo itself');
      continue;
    }
    const meta = await sharp(path, { limitInputPixels: false })
      .metadata()
      .catch(() => undefined);
    if (!meta?.width || !meta.height) {
      problem(
        use,
        `${src} is not a photo that can be read (the file is damaged or is not an image)`,
        'export the photo again as JPEG, PNG or WebP, and replace the file',
      );
      continue;
    }
    const pixels = meta.width * meta.height;
    if (pixels > MAX_PIXELS) {
      problem(
        use,
        `the photo ${src} is ${meta.width} × ${meta.height} (` +
          `${(pixels / 1e6).toFixed(1)} megapixels), over the limit of ${MAX_PIXELS / 1e6}`,
        'export it smaller: 4,000 pixels on the long side is more than any screen shows',
      );
      continue;
    }
    const { head, tail } = await ends(path, info.size);
    if (!endsWhole(meta.format, head, tail, info.size) && !(await decodesWhole(path))) {
      problem(
        use,
        `the photo ${src} is cut short (its ${meta.format.toUpperCase()} data ends before ` +
          `the picture does)`,
        'copy the photo again from its source; the file was not copied whole',
      );
      continue;
    }
    if (!photos.some(([checked]) => checked === path)) photos.push([path, info.size, info.mtimeMs]);
  }
  return { problems, photos, remote };
}
