import { describe, expect, inject, it } from 'vitest';
import { readCorpus } from '../../src/cli/corpus.ts';
import { reutersToMarkdown, type ReutersRecord } from '../../src/lib/reuters.ts';
import { articleUrl } from '../../src/lib/urls.ts';
import { seededRandom } from '../../src/lib/synthetic.ts';
import { launchChromium } from '../support/browser.ts';
import { corpusAvailable, corpusFile } from '../support/corpus.ts';

const SAMPLE = 100;
const SEED = 21578;

describe.skipIf(!corpusAvailable)('search quality on the Reuters corpus', () => {
  it('finds a story first when searching its exact headline, for at least 95 of 100 stories', { timeout: 300_000 }, async () => {
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
      await page.goto(`${inject('corpusSiteUrl')}/search/`);
      // Written as text so that the test runner does not rewrite the browser's import().
      const firsts = (await page.evaluate(`(async (queries) => {
        const pagefind = await import('/pagefind/pagefind.js');
        const found = [];
        for (const query of queries) {
          const search = await pagefind.search(query);
          const first = search.results[0] ? await search.results[0].data() : null;
          found.push(first ? new URL(first.url, location.href).pathname : '');
        }
        return found;
      })(${JSON.stringify(cases.map((c) => c.query))})`)) as string[];
      const misses = cases.flatMap((c, i) => (firsts[i] === c.url ? [] : [`${c.query} → ${firsts[i] || 'nothing'} (wanted ${c.url})`]));
      const hits = SAMPLE - misses.length;
      console.log(`Headline search: ${hits} of ${SAMPLE} stories came first (seed ${SEED}).${misses.length ? `\nMisses:\n  ${misses.join('\n  ')}` : ''}`);
      expect(hits).toBeGreaterThanOrEqual(95);
    } finally {
      await browser.close();
    }
  });
});
