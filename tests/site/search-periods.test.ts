import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { searchStatus, useChromium } from '../support/browser.ts';
import type { SearchManifest } from '#src/search/parts.ts';
import type { Holding } from '#src/search/periods.ts';

const site = inject('siteUrl');
const browser = useChromium();

/** Opens a search, watching what the results area and the two status lines go through. */
async function watched(query: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser().newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.addInitScript(() => {
    const log = { status: [] as string[], progress: [] as string[], moved: 0 };
    Object.assign(window, { searchLog: log });
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.querySelector('#search-status')!;
      const progress = document.querySelector('#search-progress')!;
      const results = document.querySelector('#search-results')!;
      new MutationObserver(() => log.status.push(status.textContent ?? '')).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      new MutationObserver(() => log.progress.push(progress.textContent ?? '')).observe(progress, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      // A result moves when anything is taken away or put before what is already there.
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.removedNodes.length > 0 && record.target !== results) log.moved++;
          const added = [...record.addedNodes];
          for (const node of added)
            if (node.nextSibling && !added.includes(node.nextSibling)) log.moved++;
        }
      }).observe(results, { childList: true, subtree: true });
    });
  });
  await page.goto(`${site}/search/${query}`);
  await searchStatus(page);
  return { page, requests };
}

const log = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { searchLog: { status: string[]; progress: string[]; moved: number } })
        .searchLog,
  );

describe('search by period', () => {
  it('lists each period’s results in a section of its own, newest period first', async () => {
    const { page } = await watched('?q=Caspian');
    await expect(page.locator('#search-results section h2').allTextContents()).resolves.toEqual([
      'December 2019',
      '19 November 2019',
    ]);
    await expect(
      page.locator('#search-results section').first().locator('h3').allTextContents(),
    ).resolves.toEqual(['Caspian shipping figures published']);
    await page.close();
  });

  it(
    'says which periods are still being searched, announces completion once, and never moves a ' +
      'result',
    async () => {
      const { page } = await watched('?q=Turkmenistan');
      const { status, progress, moved } = await log(page);
      // The live region says "Searching…", then the result, once: nothing in between.
      expect(status).toEqual(['Searching…', expect.stringMatching(/^\d+ stories match/)]);
      expect(progress).toContain('Searching 1987–2019…');
      expect(progress).toContain('Searching 3 March 1987…');
      expect(progress.at(-1)).toBe('');
      expect(moved).toBe(0);
      await expect(page.locator('#search-progress').getAttribute('aria-live')).resolves.toBeNull();
      await page.close();
    },
  );

  it('lists a story whose exact headline is typed first, under Headlines, only', async () => {
    const { page } = await watched('?q=Rail+link+to+Turkmenabat+modernised');
    const sections = page.locator('#search-results section');
    await expect(sections.first().locator('h2').textContent()).resolves.toBe('Headlines');
    const first = sections.first().locator('li').first();
    await expect(first.locator('h3').textContent()).resolves.toBe(
      'Rail link to Turkmenabat modernised',
    );
    await expect(first.locator('.meta').textContent()).resolves.toBe(
      'Turkmenabat, Turkmenistan · 21 November 2019 09:00 (UTC+05:00) · Trend',
    );
    const titles = await page.locator('#search-results h3').allTextContents();
    expect(titles.filter((title) => title === 'Rail link to Turkmenabat modernised')).toHaveLength(
      1,
    );
    await page.close();
  });

  it('loads only the periods a range touches, and no headline index', async () => {
    const { page, requests } = await watched('?q=bulletin&from=1987-01&to=1987-12');
    await expect(searchStatus(page)).resolves.toMatch(/^30 stories/);
    const pieces = new Set(
      requests
        .filter((path) => path.startsWith('/pagefind/'))
        .map((path) => path.split('/').slice(0, 3).join('/')),
    );
    pieces.delete('/pagefind/parts.json');
    // The root index's own files are at /pagefind/ itself.
    const folders = [...pieces].filter((path) => !/\.(js|json|pagefind|pf_meta)$/.test(path));
    expect(folders).toEqual(['/pagefind/1987-03-03']);
    await page.close();
  });

  it('loads only the parts holding a chosen source', async () => {
    const holding = (await (await fetch(`${site}/pagefind/holding.json`)).json()) as Holding;
    const manifest = (await (await fetch(`${site}/pagefind/parts.json`)).json()) as SearchManifest;
    const holders = holding.source!.AzerNews!.map((i) => manifest.parts[i]!.path);
    expect(holders.length).toBeGreaterThan(0);
    expect(holders.length).toBeLessThan(manifest.parts.length);
    const { page, requests } = await watched('?q=Caspian&source=AzerNews');
    await expect(searchStatus(page)).resolves.toMatch(/^1 story/);
    const loaded = manifest.parts
      .map((part) => part.path)
      .filter((path) => requests.some((request) => request.startsWith(path)));
    // The counts of the other sources search every part, once the results are shown; before
    // them, only parts holding the source are loaded, and every one of those is.
    const atFirst = requests.slice(0, requests.findIndex((r) => r.includes('/filter/')) >>> 0);
    const early = manifest.parts
      .map((part) => part.path)
      .filter((path) => atFirst.some((request) => request.startsWith(path)));
    expect(early.length).toBeGreaterThan(0);
    expect(early.filter((path) => !holders.includes(path))).toEqual([]);
    expect(holders.filter((path) => !loaded.includes(path))).toEqual([]);
    await page.close();
  });
});
