import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import security from '#src/integrations/security.ts';
import { foreignImages, imageSources, policyFromHeaders } from '#src/integrations/csp.ts';
import { projectRoot } from '../../support/build.ts';

const work = await mkdtemp(join(tmpdir(), 'dateline-security-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/** A project with the archive's own headers, and a built site of the given pages. */
async function project(name: string, pages: Record<string, string>, headers?: string) {
  const root = join(work, name);
  await cp(join(projectRoot, 'deploy'), join(root, 'deploy'), { recursive: true });
  await mkdir(join(root, 'public'), { recursive: true });
  const shipped = await readFile(join(projectRoot, 'public/_headers'), 'utf8');
  await writeFile(join(root, 'public/_headers'), headers ?? shipped);
  for (const [path, html] of Object.entries({ '404.html': '<p>Not found</p>', ...pages })) {
    await mkdir(join(root, 'dist', path, '..'), { recursive: true });
    await writeFile(join(root, 'dist', path), html);
  }
  return root;
}

/** Runs the security integration's hooks over a built site, as `astro build` does. */
async function check(root: string, pathnames: string[]): Promise<void> {
  const { hooks } = security();
  const hook = (name: string) => hooks[name as keyof typeof hooks] as (o: unknown) => unknown;
  await hook('astro:config:done')({ config: { root: pathToFileURL(`${root}/`) } });
  await hook('astro:build:done')({
    dir: pathToFileURL(`${join(root, 'dist')}/`),
    pages: pathnames.map((pathname) => ({ pathname })),
  });
}

describe('the security check after a build', () => {
  it('passes pages whose photos are the site’s own', async () => {
    const root = await project('own', {
      '2019/11/21/story/index.html':
        '<picture><source srcset="/_astro/a.webp 800w, /_astro/b.webp 1280w">' +
        '<img src="/_astro/a.jpeg" alt="A"></picture>',
    });
    await expect(check(root, ['2019/11/21/story/'])).resolves.toBeUndefined();
  });

  it('fails a page that loads an image from another host', async () => {
    const root = await project('foreign', {
      '2019/11/21/story/index.html':
        '<p>Text.</p><img src="https://photos.example.org/a.jpg" alt="A">',
    });
    await expect(check(root, ['2019/11/21/story/'])).rejects.toThrow(
      'A page loads an image from elsewhere, which the Content-Security-Policy blocks ' +
        '(/2019/11/21/story/ loads https://photos.example.org/a.jpg)',
    );
  });

  it('fails a policy that lets pages load images from a photo host', async () => {
    const shipped = await readFile(join(projectRoot, 'public/_headers'), 'utf8');
    const widened = shipped.replace("img-src 'self'", "img-src 'self' https://photos.example.org");
    const root = await project('widened', {}, widened);
    await writeFile(
      join(root, 'deploy/nginx.conf'),
      (await readFile(join(root, 'deploy/nginx.conf'), 'utf8')).replace(
        "img-src 'self'",
        "img-src 'self' https://photos.example.org",
      ),
    );
    await expect(check(root, [])).rejects.toThrow(
      'public/_headers lets pages load images from https://photos.example.org',
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

  it('may come from the site alone under the shipped policy', async () => {
    const policy = policyFromHeaders(await readFile(join(projectRoot, 'public/_headers'), 'utf8'))!;
    expect(imageSources(policy)).toEqual([]);
    expect(imageSources("default-src 'self' https://a.example")).toEqual(['https://a.example']);
  });
});
