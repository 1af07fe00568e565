import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { launchChromium, useChromium } from '../support/browser.ts';
import { childEnv, projectRoot } from '../support/build.ts';
import { freePort } from '../support/server.ts';

const site = inject('siteUrl');
const out = inject('outDir');
const browser = useChromium();

async function allOutputText(): Promise<string> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((e) => e.isFile() && /\.(html|json|xml|txt)$/.test(e.name))
      .map((e) => readFile(join(e.parentPath, e.name), 'utf8')),
  );
  return texts.join('\n');
}

describe('drafts', () => {
  it('never reach a build: no page, no listing, no search result', async () => {
    const text = await allOutputText();
    expect(text).not.toContain('Embargoed budget figures');
    expect(text).not.toContain('draft-embargoed-budget');
    const page = await browser().newPage();
    await page.goto(`${site}/search/?q=Zanzibarquux`);
    await page.waitForFunction(() =>
      /No stories/.test(document.querySelector('#search-status')?.textContent ?? ''),
    );
    await page.close();
  });

  it(
    'show in npm run dev with a visible draft mark, and the dev search page says the index is ' +
      'missing',
    { timeout: 120_000 },
    async () => {
      const port = await freePort();
      const child = spawn(
        'npm',
        ['run', '--silent', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'],
        {
          cwd: projectRoot,
          env: childEnv({
            DATELINE_CONTENT: inject('contentDir'),
            DATELINE_CACHE: join(out, '..', 'dev-cache'),
          }),
          stdio: 'ignore',
          detached: true,
        },
      );
      try {
        const url = `http://127.0.0.1:${port}/2019/11/21/draft-embargoed-budget/`;
        let response: Response | undefined;
        for (let i = 0; i < 300 && !response?.ok; i++) {
          response = await fetch(url).catch(() => undefined);
          if (!response?.ok) await new Promise((wait) => setTimeout(wait, 200));
        }
        expect(response?.status).toBe(200);
        // The dev server injects its own inline scripts: no production policy here.
        const devBrowser = await launchChromium({ policy: false });
        const page = await devBrowser.newPage();
        await page.goto(url);
        await expect(page.locator('.draft-mark').textContent()).resolves.toMatch(
          /^Draft: this story is not published/,
        );
        await page.goto(`http://127.0.0.1:${port}/search/?q=cotton`);
        await page.waitForFunction(
          () => (document.querySelector('#search-status')?.textContent ?? '') !== '',
        );
        await expect(page.locator('#search-status').textContent()).resolves.toMatch(
          /The search index is missing\. It is built by "npm run build"; run "npm start"/,
        );
        await devBrowser.close();
      } finally {
        process.kill(-child.pid!, 'SIGTERM');
      }
    },
  );
});

describe('corrections and history', () => {
  it('show a story’s corrections at its foot and list them on /corrections/', async () => {
    const page = await browser().newPage();
    await page.goto(`${site}/2019/11/19/washington-trade-talks/`);
    const corrections = page.getByRole('region', { name: 'Correction' });
    await expect(corrections.locator('li').textContent()).resolves.toBe(
      '20 November 2019 09:00 (UTC-05:00): An earlier version of this story gave the wrong day ' +
        'for the resumption of talks.',
    );
    // The frontmatter's updated wins over git.
    await expect(page.locator('.story-history').textContent()).resolves.toBe(
      'Added to the archive 19 November 2019 18:00 (UTC+04:00). Updated 20 November 2019 09:00 ' +
        '(UTC-05:00).',
    );
    await page.goto(`${site}/corrections/`);
    await expect(page.locator('.story-list h2').allTextContents()).resolves.toEqual([
      'Trade talks resume in Washington',
    ]);
    await page.close();
  });

  it('show from git when a story was first committed, updated, and its revisions', async () => {
    const page = await browser().newPage();
    await page.goto(`${site}/2019/11/19/tokyo-markets-close-higher/`);
    await expect(page.locator('.story-history').textContent()).resolves.toBe(
      'Added to the archive 19 November 2019 18:00 (UTC+04:00). Updated 20 November 2019 10:30 ' +
        '(UTC+09:00).',
    );
    await expect(page.locator('.revisions li').allTextContents()).resolves.toEqual([
      '20 November 2019 10:30 (UTC+09:00): Tokyo close: banks led too',
      '19 November 2019 18:00 (UTC+04:00): Add the test stories',
    ]);
    await page.goto(`${site}/2019/11/19/baku-hosts-caspian-transport-forum/`);
    await expect(page.locator('.story-history').textContent()).resolves.toBe(
      'Added to the archive 19 November 2019 18:00 (UTC+04:00).',
    );
    await expect(page.locator('.revisions').count()).resolves.toBe(0);
    await page.close();
  });
});
