import { describe, expect, it } from 'vitest';
import {
  COLUMN,
  fillPlaceholders,
  imgFor,
  phoneWidth,
  pictureHtml,
  placeholders,
  srcsetFor,
  THUMBNAIL,
  widthsFor,
} from '#src/photos/places.ts';
import { photoHosts } from '#src/photos/hosts.ts';

const rendition = (src: string, width: number) => ({
  src,
  srcSet: { attribute: `${src} ${width}w` },
  attributes: { width, height: width / 2 },
});

describe('the renditions a photo gets', () => {
  it('are never wider than the photo', () => {
    expect(widthsFor(COLUMN, 4000)).toEqual([800]);
    expect(widthsFor(COLUMN, 600)).toEqual([600]);
    expect(widthsFor(THUMBNAIL, 100)).toEqual([100]);
  });

  it('give a phone at most 800 pixels across and 800 × 600 in all', () => {
    expect(phoneWidth(COLUMN, 3000, 2000)).toBe(800);
    expect(phoneWidth(COLUMN, 4000, 3000)).toBe(800);
    expect(phoneWidth(COLUMN, 1200, 1800)).toBe(565);
    expect(phoneWidth(COLUMN, 2000, 2000)).toBe(692);
    expect(phoneWidth(COLUMN, 500, 400)).toBe(500);
    expect(phoneWidth(THUMBNAIL, 3000, 2000)).toBeUndefined();
  });
});

describe('the share JPEG', () => {
  const share = { src: '/s.jpeg', width: 1200, height: 800 };

  it('is the column’s widest candidate, where the photo is wider than its WebP', () => {
    const modern = rendition('/m.webp', 800);
    expect(srcsetFor(COLUMN, modern, share, [800])).toBe('/m.webp 800w, /s.jpeg 1200w');
    const small = { src: '/s.jpeg', width: 700, height: 400 };
    expect(srcsetFor(COLUMN, rendition('/m.webp', 700), small, [700])).toBe('/m.webp 700w');
    expect(srcsetFor(THUMBNAIL, rendition('/t.webp', 224), share, [224])).toBe('/t.webp 224w');
  });

  it('is every place’s <img>, said to be as wide as the place shows it', () => {
    expect(imgFor(COLUMN, share)).toEqual(share);
    expect(imgFor(THUMBNAIL, share)).toEqual({ src: '/s.jpeg', width: 224, height: 149 });
    const tiny = { src: '/s.jpeg', width: 200, height: 100 };
    expect(imgFor(THUMBNAIL, tiny)).toEqual(tiny);
  });
});

describe('a photo’s HTML', () => {
  it('carries width, height, alt and how early to load, after its sources', () => {
    const html = pictureHtml({
      sources: [
        {
          type: 'image/webp',
          srcset: '/a-800.webp 800w',
          media: '(max-width: 41.99rem)',
          sizes: '100vw',
        },
        { type: 'image/webp', srcset: '/a.webp 800w, /a.jpg 1200w', sizes: '40rem' },
      ],
      img: { src: '/a.jpg', width: 1200, height: 600 },
      alt: 'A "quoted" <alt>',
      priority: true,
    });
    expect(html).toBe(
      '<picture><source type="image/webp" media="(max-width: 41.99rem)" srcset="/a-800.webp ' +
        '800w" sizes="100vw"><source type="image/webp" srcset="/a.webp 800w, /a.jpg 1200w" ' +
        'sizes="40rem">' +
        '<img src="/a.jpg" alt="A &quot;quoted&quot; &lt;alt&gt;" width="1200" height="600" ' +
        'loading="eager" decoding="sync" fetchpriority="high"></picture>',
    );
  });

  it('is loaded lazily below the fold, at once when near the top', () => {
    const parts = { sources: [], img: { src: '/a.jpg', width: 800, height: 400 }, alt: 'A' };
    expect(pictureHtml(parts)).toContain('loading="lazy" decoding="async">');
    expect(pictureHtml({ ...parts, eager: true })).toContain('loading="eager" decoding="async">');
    expect(pictureHtml({ ...parts, eager: true })).not.toContain('fetchpriority');
  });
});

describe('placeholders', () => {
  it('are read back with their alt text as written', () => {
    const html =
      '<p><img data-photo="0" alt="A &#x26; B &#x22;C&#x22;"></p>' +
      '<img data-photo="https://h.example/x.jpg?a=1&#x26;b=2" alt="R" data-eager="">';
    expect(placeholders(html)).toEqual([
      { key: '0', alt: 'A & B "C"', eager: false },
      { key: 'https://h.example/x.jpg?a=1&b=2', alt: 'R', eager: true },
    ]);
  });

  it('are each filled in, in order, and HTML without any is left alone', async () => {
    const html = '<p><img data-photo="1" alt="A"></p><img data-photo="0" alt="B" data-eager="">';
    expect(await fillPlaceholders(html, async (p) => `[${p.key}|${p.alt}|${p.eager}]`)).toBe(
      '<p>[1|A|false]</p>[0|B|true]',
    );
    const plain = '<p>No photo.</p>';
    expect(await fillPlaceholders(plain, async () => 'x')).toBe(plain);
  });
});

describe('photo hosts', () => {
  it('are URL prefixes, https only (or this machine, for tests)', () => {
    expect(photoHosts('https://photos.example.org/wire/ https://cdn.example.net')).toEqual([
      { protocol: 'https', hostname: 'photos.example.org', pathname: '/wire/**' },
      { protocol: 'https', hostname: 'cdn.example.net', pathname: '/**' },
    ]);
    expect(photoHosts('http://127.0.0.1:8123/wire')).toEqual([
      { protocol: 'http', hostname: '127.0.0.1', port: '8123', pathname: '/wire/**' },
    ]);
    expect(photoHosts('')).toEqual([]);
    expect(() => photoHosts('http://photos.example.org/')).toThrow(
      'DATELINE_PHOTO_HOSTS: http://photos.example.org/ is not https',
    );
    expect(() => photoHosts('photos.example.org')).toThrow('is not a URL');
  });

  it('come from src/archive.config.ts as a list, named so in a problem', () => {
    expect(photoHosts(['https://photos.example.org/wire'])).toEqual([
      { protocol: 'https', hostname: 'photos.example.org', pathname: '/wire/**' },
    ]);
    expect(() => photoHosts(['ftp://photos.example.org/'])).toThrow(
      'photoHosts in src/archive.config.ts: ftp://photos.example.org/ is not https',
    );
  });
});
