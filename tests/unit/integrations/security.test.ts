import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import security from '#src/integrations/security.ts';
import { foreignImages, imageSources } from '#src/integrations/csp.ts';
import { photoHosts, photoSources } from '#src/photos/hosts.ts';
import { projectRoot } from '../../support/build.ts';

const work = await mkdtemp(join(tmpdir(), 'dateline-security-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const PHOTO_HOST = 'https://photos.example.org/wire/';

/** A page as Astro writes it: its policy a <meta> element in <head>, then its body. */
const page = (imgSrc: string, body: string) =>
  `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="` +
  `default-src 'self'; img-src ${imgSrc}; script-src 'self'"></head><body>${body}</body></html>`;

/** A project with the archive's own headers, and a built site of the given pages. */
async function project(name: string, pages: Record<string, string>, imgSrc = "'self'") {
  const root = join(work, name);
  await cp(join(projectRoot, 'deploy'), join(root, 'deploy'), { recursive: true });
  await cp(join(projectRoot, 'public/_headers'), join(root, 'public/_headers'));
  const notFound = { '404.html': page(imgSrc, '<p>Not found</p>') };
  for (const [path, html] of Object.entries({ ...notFound, ...pages })) {
    await mkdir(join(root, 'dist', path, '..'), { recursive: true });
    await writeFile(join(root, 'dist', path), html);
  }
  return root;
}

/** Runs the security integration's hooks over a built site, as `astro build` does. */
async function check(root: string, pathnames: string[], hosts: string[] = []): Promise<void> {
  const { hooks } = security();
  const hook = (name: string) => hooks[name as keyof typeof hooks] as (o: unknown) => unknown;
  await hook('astro:config:done')({
    config: { root: pathToFileURL(`${root}/`), image: { remotePatterns: photoHosts(hosts) } },
  });
  await hook('astro:build:done')({
    dir: pathToFileURL(`${join(root, 'dist')}/`),
    pages: pathnames.map((pathname) => ({ pathname })),
  });
}

const STORY = '2019/11/21/story/index.html';

describe('the security check after a build', () => {
  it('passes pages whose photos are the site’s own', async () => {
    const root = await project('own', {
      [STORY]: page(
        "'self'",
        '<picture><source srcset="/_astro/a.webp 800w, /_astro/b.webp 1280w">' +
          '<img src="/_astro/a.jpeg" alt="A"></picture>',
      ),
    });
    await expect(check(root, ['2019/11/21/story/'])).resolves.toBeUndefined();
  });

  it('fails a page that loads an image from a host that is not a photo host', async () => {
    const root = await project(
      'foreign',
      {
        [STORY]: page(`'self' ${PHOTO_HOST}`, '<img src="https://else.example.org/a.jpg" alt="A">'),
      },
      `'self' ${PHOTO_HOST}`,
    );
    await expect(check(root, ['2019/11/21/story/'], [PHOTO_HOST])).rejects.toThrow(
      '/2019/11/21/story/ loads an image from https://else.example.org/a.jpg, which its ' +
        'Content-Security-Policy blocks',
    );
  });

  it('passes a page whose img-src is the site and the photo hosts, exactly', async () => {
    const root = await project(
      'hosts',
      { [STORY]: page(`'self' ${PHOTO_HOST}`, `<img src="${PHOTO_HOST}a.jpg" alt="A">`) },
      `'self' ${PHOTO_HOST}`,
    );
    await expect(check(root, ['2019/11/21/story/'], [PHOTO_HOST])).resolves.toBeUndefined();
  });

  it('fails a policy that allows images from a host that is not a photo host', async () => {
    const root = await project('widened', {
      [STORY]: page("'self' https://photos.example.org", '<p>Text.</p>'),
    });
    await expect(check(root, ['2019/11/21/story/'])).rejects.toThrow(
      '/2019/11/21/story/ lets images come from https://photos.example.org, not from the ' +
        "archive's photo hosts (none)",
    );
  });

  it('fails a policy that leaves out a photo host', async () => {
    const root = await project('narrow', { [STORY]: page("'self'", '<p>Text.</p>') });
    await expect(check(root, ['2019/11/21/story/'], [PHOTO_HOST])).rejects.toThrow(
      `/404.html lets images come from 'self' alone, not from the archive's photo hosts ` +
        `(${PHOTO_HOST})`,
    );
  });
});

describe('images in a page', () => {
  it('from elsewhere are found in img, srcset and source, as a browser reads them', () => {
    expect(
      foreignImages(
        '<img src="/_astro/a.jpeg" srcset="/_astro/a.webp 800w, https://x.example/b.webp 1280w">' +
          '<picture><source srcset="//cdn.example/c.webp"></picture>' +
          '<p title="<img src=https://y.example/d.jpg>">text</p>',
      ),
    ).toEqual(['https://x.example/b.webp', '//cdn.example/c.webp']);
  });

  it('may come from what img-src (else default-src) allows besides the site', () => {
    expect(imageSources("default-src 'self'; img-src 'self'")).toEqual([]);
    expect(imageSources("default-src 'self' https://a.example")).toEqual(['https://a.example']);
  });

  it('from photo hosts are allowed by the prefixes the archive names, no more', () => {
    const hosts = photoHosts(['https://photos.example.org/wire', 'http://127.0.0.1:8123/']);
    expect(photoSources(hosts)).toEqual([
      'https://photos.example.org/wire/',
      'http://127.0.0.1:8123/',
    ]);
  });
});
