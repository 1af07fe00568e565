import { describe, expect, inject, it } from 'vitest';
import { readCorpus } from '../bench/corpus.ts';
import { reutersToMarkdown, type ReutersRecord } from '../bench/corpora/reuters.ts';
import { articleUrl } from '#src/domain/urls.ts';
import { seededRandom } from '../bench/corpora/synthetic.ts';
import { launchChromium } from '../support/browser.ts';
import { corpusAvailable, corpusFile } from '../support/corpus.ts';

const SAMPLE = 100;
const SEED = 21578;

describe.skipIf(!corpusAvailable)('search quality on the Reuters corpus', () => {
  it(
    'finds a story first when searching its exact headline, for at least 95 of 100 stories',
    { timeout: 300_000 },
    async () => {
      const records: ReutersRecord[] = [];
      for await (const record of readCorpus(corpusFile)) records.push(record);
      expect(records.length).toBe(19_043);
      const random = seededRandom(SEED);
      const picked = new Set<number>();
      while (picked.size < SAMPLE) picked.add(Math.floor(random() * records.length));
      const cases = [...picked].map((index) => {
        const record = records[index]!;
        const id = reutersToMarkdown(record).path.replace(/\.md$/, '');
        return { query: record.title.trim(), url: articleUrl(id, record.date) };
      });

      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        // Through the search page, as a reader searches: the index is in parts merged in the
        // browser.
        await page.goto(`${inject('corpusSiteUrl')}/search/`);
        await page.waitForFunction(
          () => (document.querySelector('#search-status')?.textContent ?? '') !== '',
        );
        const firsts: string[] = [];
        for (const { query } of cases) {
          await page.locator('#search-query').fill(query);
          await page.locator('#search-query').press('Enter');
          await page.waitForFunction((q) => {
            const status = document.querySelector('#search-status')?.textContent ?? '';
            return (
              status.includes(`“${q}”`) &&
              (status.startsWith('No ') || document.querySelector('#search-results li a') !== null)
            );
          }, query.trim());
          const href = await page
            .locator('#search-results li a')
            .first()
            .getAttribute('href', { timeout: 1000 })
            .catch(() => null);
          firsts.push(href ? new URL(href, 'http://x').pathname : '');
        }
        const misses = cases.flatMap((c, i) =>
          firsts[i] === c.url ? [] : [`${c.query} → ${firsts[i] || 'nothing'} (wanted ${c.url})`],
        );
        const hits = SAMPLE - misses.length;
        console.log(
          `Headline search: ${hits} of ${SAMPLE} stories came first (seed ` +
            `${SEED}).${misses.length ? `\nMisses:\n  ${misses.join('\n  ')}` : ''}`,
        );
        expect(hits).toBeGreaterThanOrEqual(95);
      } finally {
        await browser.close();
      }
    },
  );
});
