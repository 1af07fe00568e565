import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { metaPolicy } from '#src/integrations/csp.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, removeAll, runScript, SITE_URL } from '../support/build.ts';
import { makePhoto, truncate } from '../support/photos.ts';

const story = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2019-11-19T10:00:00+04:00\nsource: Trend\n${extra}---\n\n${body}\n`;
const lead = (src: string, alt?: string) =>
  `image:\n  src: ${src}\n${alt === undefined ? '' : `  alt: ${alt}\n`}`;

async function write(dir: string, path: string, contents: string | Buffer) {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), contents);
}

// Astro colours its log when CI is set, even into a pipe.
// eslint-disable-next-line no-control-regex -- the escape that starts a colour
const plain = (output: string) => output.replace(/\x1b\[[0-9;]*m/g, '');

describe('a story with a bad photo', () => {
  let content: string;
  let outside: string;
  beforeAll(async () => {
    content = await mkdtemp(join(tmpdir(), 'dateline-bad-photos-'));
    outside = await mkdtemp(join(tmpdir(), 'dateline-outside-'));
    const good = await makePhoto(join(content, 'photos/good.jpg'), {
      seed: 1,
      width: 600,
      height: 400,
    });
    const png = await makePhoto(join(outside, 'elsewhere.png'), {
      seed: 2,
      width: 300,
      height: 200,
      format: 'png',
    });
    await write(
      content,
      '2019/11/missing-photo/index.md',
      story('Missing', 'Text.', lead('./gone.jpg', 'A')),
    );
    await makePhoto(join(outside, 'photo.jpg'), { seed: 3, width: 300, height: 200 });
    await write(
      content,
      '2019/11/outside-photo.md',
      story(
        'Outside',
        `Text.\n\n![A port](${join(outside, 'photo.jpg').replace(/^\//, '../../../'.repeat(8))})`,
      ),
    );
    await write(
      content,
      '2019/11/no-alt/index.md',
      story('No alt', 'Text.', lead('../../../photos/good.jpg')),
    );
    await write(
      content,
      '2019/11/empty-alt.md',
      story('Empty alt', 'Text.', lead('../../photos/good.jpg', '""')),
    );
    await write(
      content,
      '2019/11/foreign-host.md',
      story('Foreign host', 'Text.\n\n![A port](https://photos.example.org/port.jpg)'),
    );
    await write(content, '2019/11/not-a-photo/notes.jpg', 'These are notes, not a photo.\n');
    await write(
      content,
      '2019/11/not-a-photo/index.md',
      story('Not a photo', 'Text.\n\n![A port](./notes.jpg)'),
    );
    await truncate(join(content, '2019/11/cut-short/photo.jpg'), good, 0.6);
    await truncate(join(content, '2019/11/cut-short/photo.png'), png, 0.6);
    await write(
      content,
      '2019/11/cut-short/index.md',
      story('Cut short', 'Text.\n\n![A port](./photo.jpg)\n\n![A ship](./photo.png)'),
    );
    await sharp({
      create: { width: 8000, height: 5001, channels: 3, background: { r: 9, g: 99, b: 199 } },
    })
      .jpeg()
      .toFile(join(content, 'photos/huge.jpg'));
    await write(
      content,
      '2019/11/too-large.md',
      story('Too large', 'Text.', lead('../../photos/huge.jpg', 'A wall')),
    );
    await write(content, '2019/11/twice.md', story('Twice', 'Text.'));
    await write(content, '2019/11/twice/index.md', story('Twice', 'Text.'));
    await write(
      content,
      '2019/11/photo-without-alt.md',
      story('Without alt', 'Text.\n\n![](../../photos/good.jpg)'),
    );
  }, 60_000);
  afterAll(() => removeAll(content, outside));

  /** Every problem the output names, as `file:line: what`. */
  const EXPECTED = [
    /2019\/11\/cut-short\/index\.md:9: the photo \.\/photo\.jpg is cut short/,
    /2019\/11\/cut-short\/index\.md:11: the photo \.\/photo\.png is cut short/,
    /2019\/11\/empty-alt\.md:7: image\.alt: is empty: a lead photo needs a text alternative\n\s+fix: describe what the photo shows/,
    /2019\/11\/foreign-host\.md:9: the photo https:\/\/photos\.example\.org\/port\.jpg is on photos\.example\.org, which is not one of the archive's photo hosts\n\s+fix: download the photo/,
    /2019\/11\/missing-photo\/index\.md:6: image\.src: the photo \.\/gone\.jpg does not exist/,
    /2019\/11\/no-alt\/index\.md:5: image\.alt: is required: describe what the photo shows/,
    /2019\/11\/not-a-photo\/index\.md:9: \.\/notes\.jpg is not a photo that can be read/,
    /2019\/11\/outside-photo\.md:9: the photo \S+ is outside the content folder\n\s+fix: put the photo beside the story/,
    /2019\/11\/photo-without-alt\.md:9: the photo \.\.\/\.\.\/photos\/good\.jpg has no alt text/,
    /2019\/11\/too-large\.md:6: image\.src: the photo \.\.\/\.\.\/photos\/huge\.jpg is 8000 × 5001 \(40\.0 megapixels\), over the limit of 40/,
    /2019\/11\/twice\.md: this story and \S+2019\/11\/twice\/index\.md are the same story \(2019\/11\/twice\)/,
  ];

  it('stops the build before it writes anything, naming story, line and fix', async () => {
    const result = await buildSite(content);
    const output = plain(result.output);
    expect(result.code).not.toBe(0);
    expect(output).toContain(
      `Dateline found ${EXPECTED.length} problems in the content; nothing was built.`,
    );
    for (const problem of EXPECTED) expect(output).toMatch(problem);
    expect(existsSync(result.outDir)).toBe(false);
    await removeAll(dirname(result.outDir));
  }, 120_000);

  it('is reported the same way by npm run check', async () => {
    const { code, output } = await runScript('check', {}, [content, '--stories-only']);
    expect(code).toBe(1);
    for (const problem of EXPECTED) expect(output).toMatch(problem);
    expect(output).toMatch(new RegExp(`: ${EXPECTED.length} problems\\.`));
  }, 60_000);
});

describe('photos from a photo host', () => {
  let host: Server;
  let hostUrl: string;
  let content: string;
  let requests: string[];
  beforeAll(async () => {
    const photo = await sharp({
      create: { width: 1600, height: 1000, channels: 3, background: { r: 200, g: 120, b: 40 } },
    })
      .jpeg()
      .toBuffer();
    requests = [];
    host = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (request.url !== '/wire/caravan.jpg') return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'image/jpeg', 'cache-control': 'max-age=3600' });
      response.end(photo);
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
    content = await mkdtemp(join(tmpdir(), 'dateline-remote-photos-'));
    await write(
      content,
      '2019/11/wire-photo.md',
      story(
        'Wire photo of the day',
        `A caravan crosses the desert.\n\n` +
          `![A camel caravan at dusk](${hostUrl}/wire/caravan.jpg)\n` +
          `*The Karakum at dusk. Photo: Trend wire*`,
        lead(`${hostUrl}/wire/caravan.jpg`, 'A camel caravan at dusk'),
      ),
    );
  });
  afterAll(async () => {
    await new Promise((done) => host.close(done));
    await removeAll(content);
  });

  it('are taken from the hosts the archive names, and served from the site itself', async () => {
    const result = await buildSite(content, { DATELINE_PHOTO_HOSTS: `${hostUrl}/wire/` });
    try {
      expect(result.code, result.output).toBe(0);
      const html = await readFile(join(result.outDir, '2019/11/19/wire-photo/index.html'), 'utf8');
      // The page's policy allows images from the site and that host's prefix, no other; the
      // photos themselves come from the site.
      const { policy } = metaPolicy(html);
      expect(policy).toContain(`img-src 'self' ${hostUrl}/wire/;`);
      expect(html.replace(policy!, '')).not.toContain(hostUrl);
      expect(html).toMatch(
        /<img src="\/_astro\/[\w.-]+\.jpeg" alt="A camel caravan at dusk" width="1200" height="750"/,
      );
      expect(html).toContain(`<meta property="og:image" content="${SITE_URL}/_astro/`);
      const files = await readdir(join(result.outDir, '_astro'));
      expect(files.filter((file) => /\.(webp|jpeg)$/.test(file)).length).toBeGreaterThanOrEqual(3);
      for (const feed of ['feed.xml', 'feed.json'])
        expect(await readFile(join(result.outDir, feed), 'utf8')).not.toContain(hostUrl);
      expect(requests.every((url) => url === '/wire/caravan.jpg')).toBe(true);
    } finally {
      await removeAll(dirname(result.outDir));
    }
  }, 120_000);

  it('stop the build when the host does not have the photo, naming the line', async () => {
    await write(
      content,
      '2019/11/gone-photo.md',
      story('Gone', `Text.\n\n![A well](${hostUrl}/wire/well.jpg)`),
    );
    const result = await buildSite(content, { DATELINE_PHOTO_HOSTS: `${hostUrl}/wire/` });
    expect(result.code).not.toBe(0);
    expect(plain(result.output)).toMatch(
      new RegExp(
        `2019/11/gone-photo\\.md:9: the photo host did not send a photo at ` +
          `${hostUrl}/wire/well\\.jpg`,
      ),
    );
    await removeAll(dirname(result.outDir));
  }, 120_000);
});
