import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useChromium } from '../support/browser.ts';
import { PHOTO_STORY, RTL_PHOTO_STORY, SHARED_PHOTO_STORY } from '../support/photo-stories.ts';

const site = inject('siteUrl');
const out = inject('outDir');
const browser = useChromium();
let pages: Map<string, string>;

beforeAll(async () => {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  pages = new Map();
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.html'))) {
    const file = join(entry.parentPath, entry.name);
    pages.set(`/${relative(out, file)}`, await readFile(file, 'utf8'));
  }
});

const page = (url: string) => pages.get(`${url}index.html`)!;
const body = (html: string) => html.split('<div class="story-body">')[1]!.split('</div>')[0]!;
/** Every URL a piece of HTML asks for an image at: `src` and each `srcset` candidate. */
const imageUrls = (html: string) =>
  [...html.matchAll(/<(?:img|source) [^>]+>/g)].flatMap(([tag]) =>
    [...tag.matchAll(/\s(src|srcset)="([^"]+)"/g)].flatMap(([, name, value]) =>
      name === 'src' ? [value!] : value!.split(', ').map((candidate) => candidate.split(' ')[0]!),
    ),
  );

describe('a story with photos', () => {
  it('shows its lead photo under the headline, with the caption and the credit apart', () => {
    const html = page(PHOTO_STORY);
    const article = html.split('<article')[1]!;
    expect(article).toMatch(
      /^[^>]*><h1 class="story-headline">[^<]+<\/h1><figure class="photo lead-photo"><picture>/,
    );
    const lead = article.split('<figure class="photo lead-photo">')[1]!.split('</figure>')[0]!;
    expect(lead).toContain(
      'alt="Visitors walk between rows of red and purple carpets hung from the ceiling"',
    );
    expect(lead).toContain(
      '<figcaption>The gallery on its opening morning. <span class="credit">Photo: ' +
        'Jane Doe/AzerNews</span></figcaption>',
    );
  });

  it('makes figures of the text’s photos, with captions and credits, raw figures too', () => {
    const text = body(page(PHOTO_STORY));
    const captions = [...text.matchAll(/<figcaption>(.*?)<\/figcaption>/gs)].map((m) => m[1]);
    expect(captions).toEqual([
      'A weaver from Mary shows how a carpet is knotted. <span class="credit">Photo: Jane ' +
        'Doe/AzerNews</span>',
      'Schoolchildren on a guided tour. <span class="credit">Photos: Aman Orazov</span>',
      'Ogulgerek Amanova wove her first carpet fifty years ago. <span class="credit">Credit: ' +
        'AzerNews archive</span>',
    ]);

    expect(text.match(/<figure class="photo">/g)).toHaveLength(4);
    expect(text).toContain('alt="A master weaver in a traditional cap"');
    // A photo from the archive's shared folder, in two stories, is one set of renditions.
    const shared = (html: string) =>
      /<img src="([^"]+)" alt="Cranes at the port of Aktau"/.exec(html)![1];
    expect(shared(page(SHARED_PHOTO_STORY))).toBe(shared(page(PHOTO_STORY)));
  });

  it('loads the lead photo first and the text’s photos lazily', () => {
    const imgs = [...page(PHOTO_STORY).matchAll(/<img [^>]+>/g)].map((m) => m[0]);
    expect(imgs[0]).toMatch(/ loading="eager" decoding="sync" fetchpriority="high">$/);
    for (const img of imgs.slice(1))
      expect(img).toMatch(/ loading="lazy" decoding="async"( class="tall")?>$/);
    // Without a lead photo, a photo near the top is loaded at once, though not first.
    const [first] = page(SHARED_PHOTO_STORY).match(/<img [^>]+>/)!;
    expect(first).toMatch(/ loading="eager" decoding="async">$/);
  });

  it('offers WebP for the text column and a phone, with the share JPEG for the rest', () => {
    const lead = page(PHOTO_STORY)
      .split('<figure class="photo lead-photo">')[1]!
      .split('</figure>')[0]!;
    const sources = [...lead.matchAll(/<source ([^>]+)>/g)].map((m) => m[1]);
    expect(sources).toEqual([
      expect.stringMatching(
        /^type="image\/webp" media="\(max-width: 41\.99rem\)" srcset="\/_astro\/lead\.[\w-]+\.webp 800w" sizes="calc\(100vw - 2rem\)"$/,
      ),
      expect.stringMatching(
        /^type="image\/webp" srcset="\/_astro\/lead\.[\w-]+\.webp 800w, \/_astro\/lead\.[\w-]+\.jpeg 1200w" sizes="\(min-width: 42rem\) 40rem, calc\(100vw - 2rem\)"$/,
      ),
    ]);
    expect(lead).toMatch(/<img src="\/_astro\/lead\.[\w-]+\.jpeg" [^>]*width="1200" height="800"/);
    // One JPEG: the widest candidate is the fallback, and the one social sites get.
    const jpegs = new Set(lead.match(/\/_astro\/lead\.[\w-]+\.jpeg/g));
    expect(jpegs.size).toBe(1);
    const og = /<meta property="og:image" content="([^"]+)"/.exec(page(PHOTO_STORY))![1]!;
    expect(new URL(og).pathname).toBe([...jpegs][0]);
  });
});

describe('every image of the site', () => {
  it('has its width and height, and alt text', () => {
    const imgs = [...pages].flatMap(([url, html]) =>
      [...html.matchAll(/<img [^>]+>/g)].map((m) => `${url}: ${m[0]}`),
    );
    expect(imgs.length).toBeGreaterThan(20);
    for (const img of imgs) expect(img).toMatch(/ alt="[^"]*" width="\d+" height="\d+"/);
  });

  it('is a file of the site of the size the page says, and no original is kept', async () => {
    // A thumbnail's <img> is the share JPEG, said to be as wide as the listing shows it.
    const thumbnail = (width: number, height: number, meta: Metadata) =>
      width === 224 &&
      meta.width! > width &&
      Math.abs((meta.height! * width) / meta.width! - height) < 1;
    const used = new Set(
      [...pages.values()].flatMap(imageUrls).filter((url) => url.startsWith('/_astro/')),
    );
    const built = (await readdir(join(out, '_astro'))).filter((f) => /\.(jpe?g|png|webp)$/.test(f));
    expect(new Set(built.map((f) => `/_astro/${f}`))).toEqual(used);
    for (const [, html] of pages)
      for (const [, src, width, height] of html.matchAll(
        /<img src="([^"]+)" alt="[^"]*" width="(\d+)" height="(\d+)"/g,
      )) {
        const meta = await sharp(join(out, src!)).metadata();
        if (thumbnail(Number(width), Number(height), meta)) continue;
        expect([meta.width, meta.height], src).toEqual([Number(width), Number(height)]);
      }
  });
});

describe('listings', () => {
  it('show a story’s lead photo small beside its headline, hidden from screen readers', () => {
    const month = page('/2019/10/');
    const item = month.split('<li>').find((li) => li.includes(`href="${PHOTO_STORY}"`))!;
    expect(item).toMatch(
      new RegExp(
        `^<a class="thumb" href="${PHOTO_STORY}" tabindex="-1" aria-hidden="true"><picture>` +
          `<source type="image/webp" srcset="/_astro/lead\\.[\\w-]+\\.webp 224w" sizes="7rem">` +
          `<img src="/_astro/lead\\.[\\w-]+\\.jpeg" alt="" width="224" height="149" ` +
          `loading="lazy" decoding="async"></picture></a>`,
      ),
    );
    // Its JPEG, for browsers without WebP, is the story page's own: no encode of its own.
    const jpeg = (html: string) => /<img src="(\/_astro\/lead\.[\w-]+\.jpeg)"/.exec(html)![1];
    expect(jpeg(item)).toBe(jpeg(page(PHOTO_STORY).split('lead-photo')[1]!));
    const plain = month.split('<li>').find((li) => li.includes(`href="${SHARED_PHOTO_STORY}"`))!;
    expect(plain).not.toContain('thumb');
  });
});

/** What a phone or a desktop downloads of the lead photo: the rendition it chose. */
async function chosen(options: { width: number; dpr: number }): Promise<string> {
  const tab = await browser().newPage({
    viewport: { width: options.width, height: 844 },
    deviceScaleFactor: options.dpr,
  });
  await tab.goto(site + PHOTO_STORY);
  await tab.waitForFunction(
    () => document.querySelector<HTMLImageElement>('.lead-photo img')!.complete,
  );
  const src = await tab.evaluate(
    () => document.querySelector<HTMLImageElement>('.lead-photo img')!.currentSrc,
  );
  await tab.close();
  return src;
}

/** The widths each of a page's `srcset` candidates is offered at, by URL. */
function offered(html: string): Map<string, number> {
  const widths = new Map<string, number>();
  for (const [, srcset] of html.matchAll(/srcset="([^"]+)"/g))
    for (const candidate of srcset!.split(', ')) {
      const [url, width] = candidate.split(' ');
      widths.set(url!, Number.parseInt(width!));
    }
  return widths;
}

describe('in Chromium', () => {
  it('downloads the phone rendition on a 390-pixel phone, a sharper one on a desktop', async () => {
    const widths = offered(page(PHOTO_STORY));
    const width = async (w: number, dpr: number) =>
      widths.get(new URL(await chosen({ width: w, dpr })).pathname);
    expect(await width(390, 2)).toBe(800);
    expect(await width(390, 3)).toBe(800);
    expect(await width(1280, 1)).toBe(800);
    expect(await width(1280, 2)).toBe(1200);
  });

  it('does not move the text while photos arrive, however late they come', async () => {
    for (const [w, h] of [
      [390, 844],
      [1280, 800],
    ] as const) {
      const tab = await browser().newPage({ viewport: { width: w, height: h } });
      // Photos held back, as on a slow network: the page lays itself out without them first.
      await tab.route(/\/_astro\/.+\.(webp|jpeg)$/, async (route) => {
        await new Promise((wait) => setTimeout(wait, 400));
        await route.continue();
      });
      await tab.addInitScript(() => {
        (window as unknown as { shift: number }).shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[])
            (window as unknown as { shift: number }).shift += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await tab.goto(site + PHOTO_STORY, { waitUntil: 'domcontentloaded' });
      // Down the page, each photo on screen before it arrives.
      await tab.evaluate(async () => {
        for (const img of document.images) {
          img.scrollIntoView({ block: 'center' });
          await img.decode().catch(() => undefined);
        }
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      });
      expect(await tab.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
      await tab.close();
    }
  });

  it('sets captions and credits apart in both themes, each readable on its paper', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const tab = await browser().newPage({ colorScheme: scheme });
      await tab.goto(site + PHOTO_STORY);
      const looks = await tab.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        const caption = style('.story-body figcaption');
        const credit = style('.story-body figcaption .credit');
        const text = style('.story-body p');
        return {
          paper: getComputedStyle(document.body).backgroundColor,
          caption: [caption.color, caption.fontSize, caption.fontFamily],
          credit: [credit.fontSize, credit.borderInlineStartWidth],
          text: [text.fontSize, text.fontFamily],
        };
      });
      expect(looks.paper).toBe(scheme === 'dark' ? 'rgb(22, 23, 26)' : 'rgb(253, 252, 249)');
      // The caption is smaller than the text, in the interface face; the credit smaller still,
      // behind a rule.
      expect(parseFloat(looks.caption[1]!)).toBeLessThan(parseFloat(looks.text[0]!));
      expect(looks.caption[2]).not.toBe(looks.text[1]);
      expect(parseFloat(looks.credit[0]!)).toBeLessThan(parseFloat(looks.caption[1]!));
      expect(looks.credit[1]).toBe('2px');
      await tab.close();
    }
  });

  it('prints each photo whole, with its caption, and no listing thumbnails', async () => {
    const tab = await browser().newPage();
    await tab.goto(site + PHOTO_STORY);
    // Printed as a reader prints it, the photos below the fold not loaded yet: all five are in.
    const pdf = (await tab.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Subtype \/Image\b/g)).toHaveLength(5);
    await tab.emulateMedia({ media: 'print' });
    const printed = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLImageElement>('.photo img')].map((img) => ({
        loaded: img.complete && img.naturalWidth > 0,
        height: img.getBoundingClientRect().height,
        breaks: getComputedStyle(img.closest('figure')!).breakInside,
        caption: img.closest('figure')!.querySelector('figcaption')
          ? getComputedStyle(img.closest('figure')!.querySelector('figcaption')!).display
          : 'none',
      })),
    );
    expect(printed).toHaveLength(5);
    for (const photo of printed) {
      expect(photo.loaded).toBe(true);
      expect(photo.breaks).toBe('avoid');
      // 9 cm, at 96 CSS pixels an inch.
      expect(photo.height).toBeLessThanOrEqual(341);
    }
    expect(printed.filter((photo) => photo.caption === 'block')).toHaveLength(4);
    await tab.goto(`${site}/2019/10/`);
    await tab.emulateMedia({ media: 'print' });
    expect(await tab.locator('.thumb').first().isVisible()).toBe(false);
    await tab.close();
  });

  it('sets a right-to-left story’s captions on the right, the credit’s rule too', async () => {
    const tab = await browser().newPage({ viewport: { width: 390, height: 844 } });
    await tab.goto(site + RTL_PHOTO_STORY);
    const sides = await tab.evaluate(() =>
      [...document.querySelectorAll('figure.photo')].map((figure) => {
        const box = figure.getBoundingClientRect();
        const caption = figure.querySelector('figcaption')!;
        const range = document.createRange();
        range.selectNodeContents(caption);
        const text = range.getBoundingClientRect();
        const credit = getComputedStyle(caption.querySelector('.credit')!);
        return {
          right: Math.round(box.right - text.right),
          left: Math.round(text.left - box.left),
          align: getComputedStyle(caption).textAlign,
          rule: [credit.borderRightWidth, credit.borderLeftWidth],
        };
      }),
    );
    expect(sides).toHaveLength(2);
    for (const side of sides) {
      expect(side.right).toBeLessThanOrEqual(1);
      expect(side.left).toBeGreaterThan(20);
      expect(side.align).toBe('start');
      expect(side.rule).toEqual(['2px', '0px']);
    }
    await tab.close();
  });
});
