import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { launchChromium, searchStatus, useChromium } from '../support/browser.ts';
import { childEnv, projectRoot, removeAll } from '../support/build.ts';
import { PHOTO_STORY, PHOTO_STORY_FOLDER } from '../support/photo-stories.ts';
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
            // No build there: dev has no index to search.
            DATELINE_OUT: join(out, '..', 'no-build'),
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
        let loads = 0;
        page.on('load', () => loads++);
        await page.goto(url);
        await expect(page.locator('.draft-mark').textContent()).resolves.toMatch(
          /^Draft: this story is not published/,
        );
        // Loaded once: no reload the server sent before the browser connected (dev-preview.ts).
        await new Promise((wait) => setTimeout(wait, 2_000));
        expect(loads).toBe(1);
        await page.goto(`http://127.0.0.1:${port}/search/?q=cotton`);
        await page.waitForFunction(
          () => (document.querySelector('#search-status')?.textContent ?? '') !== '',
        );
        await expect(page.locator('#search-status').textContent()).resolves.toMatch(
          /The search index is missing\. It is built by "npm run build"; run "npm start"/,
        );
        await expect(page.getByRole('note').textContent()).resolves.toMatch(
          /^Search has no index yet: a build makes it\. Run "npm run build"/,
        );
        await devBrowser.close();
      } finally {
        process.kill(-child.pid!, 'SIGTERM');
      }
    },
  );
});

/** `npm run dev` on a content folder, until it answers; `stop` ends it. */
async function startDev(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(
    'npm',
    ['run', '--silent', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: projectRoot, env: childEnv(env), stdio: 'ignore', detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${url}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((wait) => setTimeout(wait, 200));
  }
  return { url, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}

describe('npm run dev, as a writer’s preview', () => {
  it(
    'shows a saved story, searches the last build’s index and says when it is older than the ' +
      'stories, and shows a story’s problem in the overlay with its file, line and fix',
    { timeout: 180_000 },
    async () => {
      const content = await mkdtemp(join(tmpdir(), 'dateline-dev-'));
      await cp(inject('contentDir'), content, { recursive: true });
      // The content folder was copied after the build: its files are newer than the index.
      const dev = await startDev({
        DATELINE_CONTENT: content,
        DATELINE_CACHE: join(content, '.cache'),
        DATELINE_OUT: out,
      });
      const devBrowser = await launchChromium({ policy: false });
      try {
        const page = await devBrowser.newPage();
        await page.goto(`${dev.url}/search/?q=trafficking`);
        await expect(searchStatus(page)).resolves.toMatch(/^1 story/);
        await expect(page.getByRole('note').textContent()).resolves.toMatch(
          /^Search uses the index of the last build, made .*: stories changed since are found as they were then\. Run "npm run build"/,
        );
        const file = join(content, '2019/11/tokyo-markets-close-higher.md');
        const original = await readFile(file, 'utf8');
        await page.goto(`${dev.url}/2019/11/19/tokyo-markets-close-higher/`);
        // The page knows which revision of the stories it shows, and reloads if the server's is
        // newer once it has loaded: a reload the server sends while a page loads is lost.
        const revision = async () =>
          Number(await (await fetch(`${dev.url}/__dateline/revision`)).text());
        const before = await revision();
        await expect(page.content()).resolves.toContain(`revision = "${before}"`);
        let loads = 0;
        page.on('load', () => loads++);
        const savedAt = Date.now();
        await writeFile(file, original.replace('title: Tokyo markets', 'title: Tokyo shares'));
        await page.waitForFunction(
          () => document.querySelector('h1')?.textContent === 'Tokyo shares close higher',
          null,
          { timeout: 20_000 },
        );
        await expect(revision()).resolves.toBeGreaterThan(before);
        // One save, one reload: Astro's own, once it has written its content store, is dropped,
        // since the page shows the stories from the loader's memory already.
        const store = join(projectRoot, '.astro', 'data-store.json');
        await expect
          .poll(async () => ((await stat(store).catch(() => undefined))?.mtimeMs ?? 0) > savedAt, {
            timeout: 20_000,
            interval: 200,
          })
          .toBe(true);
        await new Promise((settle) => setTimeout(settle, 2_000));
        expect(loads).toBe(1);
        await writeFile(file, original.replace(/^date: .*$/m, 'date: 19 November 2019'));
        // The overlay comes with the reload the problem brings: it is read until it shows it.
        const overlay = () =>
          page
            .evaluate(
              () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '',
            )
            .catch(() => '');
        await expect
          .poll(overlay, { timeout: 20_000, interval: 200 })
          .toContain(
            '2019/11/tokyo-markets-close-higher.md:3: date: "19 November 2019" is not an ISO ' +
              '8601 date',
          );
        await expect(overlay()).resolves.toContain('fix: write it as 2019-11-19T17:49:00+04:00');
        await writeFile(file, original);
        await page.waitForFunction(
          () =>
            !document.querySelector('vite-error-overlay') &&
            document.querySelector('h1')?.textContent === 'Tokyo markets close higher',
          null,
          { timeout: 20_000 },
        );
        // A new story answers at its address and is listed on its day; deleted, it is gone.
        const added = join(content, '2019/11/written-in-dev.md');
        await writeFile(added, original.replace('title: Tokyo markets', 'title: Nagoya markets'));
        const day = `${dev.url}/2019/11/19/`;
        await expect
          .poll(
            async () => {
              const response = await fetch(`${day}written-in-dev/`);
              return response.ok && (await response.text()).includes('Nagoya markets close higher');
            },
            { timeout: 20_000, interval: 200 },
          )
          .toBe(true);
        // The story's reload may reach the open page as it opens the day, cutting that short:
        // the day is opened until its list is read.
        const dayList = async () => {
          await page.goto(day).catch(() => undefined);
          return page
            .locator('.story-list h2')
            .allTextContents()
            .catch(() => []);
        };
        await expect
          .poll(dayList, { timeout: 20_000, interval: 200 })
          .toContain('Nagoya markets close higher');
        await rm(added);
        await expect
          .poll(async () => (await fetch(`${day}written-in-dev/`)).status, {
            timeout: 20_000,
            interval: 200,
          })
          .toBe(404);
        // The open day reloads without it.
        await page.waitForFunction(
          () =>
            document.readyState === 'complete' &&
            [...document.querySelectorAll('.story-list h2')].every(
              (heading) => heading.textContent !== 'Nagoya markets close higher',
            ),
          null,
          { timeout: 20_000 },
        );
        // A story with photos shows its photos as Astro's store resolves them: its page reloads
        // once more, when the store is written, and shows the new headline then.
        const photoStory = join(content, PHOTO_STORY_FOLDER, 'index.md');
        const photoText = await readFile(photoStory, 'utf8');
        await page.goto(`${dev.url}${PHOTO_STORY}`);
        await writeFile(photoStory, photoText.replace('title: Istanbul', 'title: Ankara'));
        await page.waitForFunction(
          () =>
            document.querySelector('h1')?.textContent ===
              'Ankara exhibition shows a century of Turkmen carpets' &&
            document.querySelector<HTMLImageElement>('.lead-photo img')?.complete === true,
          null,
          { timeout: 20_000 },
        );
        await page.close();
      } finally {
        await devBrowser.close();
        dev.stop();
        await removeAll(content);
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
