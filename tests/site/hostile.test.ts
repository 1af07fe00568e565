import { mkdir, mkdtemp, readFile, symlink, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRssFeed, parseJsonFeed } from 'feedsmith';
import type { Browser } from 'playwright-core';
import { buildSite, removeAll, type BuildResult } from '../support/build.ts';
import { inlineScripts } from '#src/integrations/csp.ts';
import { startPreview } from '../support/server.ts';
import { makePhoto } from '../support/photos.ts';
import { cspViolations, launchChromium } from '../support/browser.ts';

const story = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndate: 2019-11-19T10:00:00+04:00\nsource: Trend\n${extra}---\n\n${body}\n`;
const XSS = '</script><script>alert(1)</script>';

/** A Markdown list nested `depth` levels deep. */
const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');

async function write(dir: string, path: string, contents: string | Buffer) {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), contents);
}

describe('broken input stops the build with a clear message for each file', () => {
  it(
    'invalid UTF-8, control characters, direction overrides, YAML bombs, link loops and ' +
      'unreadable files',
    { timeout: 120_000 },
    async () => {
      const content = await mkdtemp(join(tmpdir(), 'dateline-broken-'));
      await write(
        content,
        'a/invalid-utf8.md',
        Buffer.concat([
          Buffer.from(story('Bad bytes', 'Text')),
          Buffer.from([0xff, 0xfe, 0x41, 0x0a]),
        ]),
      );
      await write(
        content,
        'a/control-characters.md',
        story('A bell \u0007 in the headline', 'Text.'),
      );
      await write(
        content,
        'a/direction-override.md',
        story('Safe headline \u202Egnp.exe', 'Text.'),
      );
      const bomb = ['---', 'title: &a [x, x, x, x, x, x, x, x, x]'];
      for (let i = 0; i < 8; i++)
        bomb.push(
          `k${i}: &b${i} [${Array(9)
            .fill(i === 0 ? '*a' : `*b${i - 1}`)
            .join(', ')}]`,
        );
      await write(
        content,
        'a/yaml-bomb.md',
        `${bomb.join('\n')}\ndate: 2019-11-19\nsource: Trend\n---\n\nText.\n`,
      );
      await write(content, 'a/fine.md', story('A fine story', 'Text.'));
      // Three thousand quotes deep: the Markdown renderer runs out of stack, and says so.
      await write(content, 'a/too-deep.md', story('Too deep', `${'> '.repeat(3000)}deep`));
      await symlink('loop.md', join(content, 'a/loop.md'));
      await symlink(join(content, 'gone.md'), join(content, 'a/unreadable.md'));
      // Reading a pipe, or a link to one, waits forever: the build must name them and not read
      // them.
      execFileSync('mkfifo', [join(content, 'a/pipe.md')]);
      await symlink('pipe.md', join(content, 'a/link-to-pipe.md'));
      // Frontmatter nested deeper than the reader's stack on a worker thread.
      await write(
        content,
        'a/deep-frontmatter.md',
        story('Deep frontmatter', 'Text.', `topics: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
      );

      const started = Date.now();
      const result = await buildSite(content);
      try {
        expect(Date.now() - started).toBeLessThan(90_000);
        expect(result.code).not.toBe(0);
        expect(result.output).toContain(
          'Dateline found 10 problems in the content; nothing was built.',
        );
        expect(result.output).toMatch(/a\/pipe\.md: the story cannot be read: it is a pipe/);
        expect(result.output).toMatch(
          /a\/link-to-pipe\.md: the story cannot be read: it links to something that is not a file/,
        );
        expect(result.output).toMatch(
          /a\/deep-frontmatter\.md:5: the frontmatter is not valid YAML: Maximum call stack size exceeded/,
        );
        expect(result.output).toMatch(
          /a\/too-deep\.md: the story's Markdown cannot be rendered: it is nested too deeply\n\s+fix: simplify the Markdown/,
        );
        expect(result.output).toMatch(/a\/invalid-utf8\.md:8: the file is not valid UTF-8/);
        expect(result.output).toMatch(
          /a\/control-characters\.md:2: title: contains a control character/,
        );
        expect(result.output).toMatch(
          /a\/direction-override\.md:2: title: contains an invisible text-direction override/,
        );
        expect(result.output).toMatch(
          /a\/yaml-bomb\.md:2: the frontmatter cannot be read: .*\n\s+fix: remove YAML anchors and aliases/,
        );
        expect(result.output).toMatch(
          /a\/loop\.md: the story cannot be read: it is a link in a loop/,
        );
        expect(result.output).toMatch(
          /a\/unreadable\.md: the story cannot be read: it links to a file that does not exist/,
        );
        await expect(stat(result.outDir)).rejects.toThrow(/ENOENT/);
      } finally {
        await removeAll(content, dirname(result.outDir));
      }
    },
  );
});

describe('hostile but readable input gives safe pages', () => {
  let content: string;
  let result: BuildResult;
  let browser: Browser;
  let server: { url: string; stop: () => Promise<void> };

  beforeAll(async () => {
    content = await mkdtemp(join(tmpdir(), 'dateline-hostile-'));
    const paragraph =
      'Wire copy goes on and on about tonnage, tariffs and the weather in the ports. ';
    await write(
      content,
      '2019/11/five-megabytes.md',
      story(
        'A story of five megabytes',
        Array.from({ length: (5 * 1024 * 1024) / (paragraph.length * 10) }, () =>
          paragraph.repeat(10),
        ).join('\n\n'),
      ),
    );
    await write(
      content,
      '2019/11/long-headline.md',
      story(`Long ${'headline '.repeat(1250)}end`.trim(), 'Text.'),
    );
    await write(content, '2019/11/only-frontmatter.md', story('Only frontmatter', ''));
    await write(
      content,
      '2019/11/deep-nesting.md',
      story('Deeply nested', `${'> '.repeat(100)}deep\n\n${nestedList(500)}`),
    );
    // A photo the story's raw figure shows: a figure whose photo is missing would stop the build.
    await makePhoto(join(content, '2019/11/port.jpg'), { seed: 8, width: 400, height: 300 });
    await write(
      content,
      '2019/11/hostile-html.md',
      story(
        'Raw HTML',
        [
          'Before.',
          '<script>alert("script")</script>',
          '<style>body{display:none}</style>',
          '<iframe src="https://example.org/"></iframe>',
          '<p onclick="alert(1)">Click <a href="javascript:alert(1)">here</a> or <img ' +
            'src="data:image/png;base64,AAAA" alt="x" onerror="alert(1)"></p>',
          '<table><caption>Tonnage</caption><thead><tr><th ' +
            'scope="col">Port</th></tr></thead><tbody><tr><td>Baku</td></tr></tbody></table>',
          '<figure><img src="./port.jpg" alt="Port of Baku"><figcaption>The ' +
            'port</figcaption></figure>',
          '<p><abbr title="International Organization for Migration">IOM</abbr> ' +
            'said<sup>1</sup>.</p>',
        ].join('\n\n'),
      ),
    );
    await write(
      content,
      '2019/11/xss-headline.md',
      story(
        `"${XSS}"`,
        'The headline tries to close a script.',
        `dateline: "${XSS}"\nauthor: "${XSS}"\ntopics: ["${XSS}"]\n`,
      ),
    );
    result = await buildSite(content);
    if (result.code !== 0) throw new Error(result.output.slice(-3000));
    server = await startPreview(result.outDir);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    expect(cspViolations).toEqual([]);
    await server?.stop();
    await removeAll(content, dirname(result.outDir));
  });

  const page = (path: string) => readFile(join(result.outDir, path), 'utf8');

  it('builds big, long, empty and deeply nested stories', async () => {
    expect((await page('2019/11/19/five-megabytes/index.html')).length).toBeGreaterThan(5_000_000);
    const long = await page('2019/11/19/long-headline/index.html');
    expect(long).toMatch(/<h1 class="story-headline">Long headline headline/);
    expect(long.match(/<title>([^<]*)<\/title>/)![1]!.length).toBeLessThanOrEqual(70);
    expect(await page('2019/11/19/only-frontmatter/index.html')).toContain(
      '<h1 class="story-headline">Only frontmatter</h1>',
    );
    expect(await page('2019/11/19/deep-nesting/index.html')).toContain('level 499');
  });

  it('removes unsafe HTML, keeps the allowed, and warns naming the file', async () => {
    const html = (await page('2019/11/19/hostile-html/index.html'))
      .split('<div class="story-body">')[1]!
      .split('</article>')[0]!;
    for (const unsafe of [
      '<script',
      '<style',
      '<iframe',
      'onclick',
      'onerror',
      'javascript:',
      'data:image',
    ])
      expect(html).not.toContain(unsafe);
    for (const kept of [
      '<table>',
      '<caption>Tonnage</caption>',
      '<figure class="photo">',
      '<figcaption>The port</figcaption>',
      '<abbr title="International Organization for Migration">IOM</abbr>',
      '<sup>1</sup>',
    ])
      expect(html).toContain(kept);
    expect(result.output).toMatch(
      /\[dateline\] \S*2019\/11\/hostile-html\.md: removed unsafe HTML: <script>, <style>, <iframe>, the onClick attribute of <p>, a javascript: URL in <a>, a data: URL in <img>, the onError attribute of <img>/,
    );
  });

  it(
    'shows a headline of </script><script> as text in the page, its metadata, the feeds and ' +
      'search',
    async () => {
      const html = await page('2019/11/19/xss-headline/index.html');
      // Read as a browser reads it: no script anywhere on the page runs the headline.
      expect(inlineScripts(html).filter((code) => code.includes('alert'))).toEqual([]);
      expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      const jsonLd = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!;
      expect(JSON.parse(jsonLd)[0].headline).toBe(XSS);
      const rss = parseRssFeed(await page('feed.xml'));
      expect(rss.items!.map((item) => item.title)).toContain(XSS);
      expect(parseJsonFeed(await page('feed.json')).items!.map((item) => item.title)).toContain(
        XSS,
      );

      const tab = await browser.newPage();
      const dialogs: string[] = [];
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await tab.goto(`${server.url}/2019/11/19/xss-headline/`);
      await expect(tab.locator('h1').textContent()).resolves.toBe(XSS);
      await tab.goto(`${server.url}/search/?q=headline+tries+to+close`);
      await tab.waitForSelector('#search-results li');
      await expect(tab.locator('#search-results h3').first().textContent()).resolves.toBe(XSS);
      await tab.goto(`${server.url}/2019/11/19/hostile-html/`);
      await tab
        .locator('.story-body a')
        .first()
        .click()
        .catch(() => undefined);
      expect(dialogs).toEqual([]);
      await tab.close();
    },
  );
});
