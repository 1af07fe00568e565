import { describe, expect, it } from 'vitest';
import { SearchCapture } from '#src/search/build/capture.ts';
import { planSearchParts, type SearchPart } from '#src/search/parts.ts';
import type { ArticlePage } from '#src/search/build/pages.ts';

const published = (day: number) => `1987-03-0${day}T12:00:00.000Z`;
const file = (day: number) => `1987/03/0${day}/story-${day}/index.html`;
/** What the build knows of a page before it is rendered. */
const facts = (day: number) => ({
  file: file(day),
  published: published(day),
  month: '1987-03',
  filters: [['source', 'Reuters']] as [string, string][],
  headline: {
    title: `Story ${day}`,
    url: `/1987/03/0${day}/story/`,
    date: `${day} March 1987`,
    source: 'Reuters',
    lang: 'en',
  },
});
const page = (day: number, body = `Story ${day}.`) =>
  `<!doctype html><html lang="en"><head><title>Story ${day}</title></head><body><nav>Next ` +
  `story</nav>` +
  `<article data-pagefind-body data-published="${published(day)}" ` +
  `data-month="1987-03"><h1>Story ${day}</h1>` +
  `<span data-pagefind-filter="source">Reuters</span><p>${body}</p></article><aside>Related ` +
  `stories</aside></body></html>`;

function captureOf(days: number[]) {
  const completed: { part: SearchPart<ArticlePage>; texts: [string, string][] }[] = [];
  const capture = new SearchCapture(
    (pages) => planSearchParts(pages, 2),
    (part, texts) => completed.push({ part, texts }),
  );
  capture.expect(days.map(facts));
  return { capture, completed };
}

describe('SearchCapture', () => {
  it('waits for the list of article pages, then wants only those', () => {
    const completed: unknown[] = [];
    const capture = new SearchCapture(
      (pages) => planSearchParts(pages, 2),
      () => completed.push(1),
    );
    expect(capture.waiting).toBe(true);
    capture.expect([facts(1)]);
    expect(capture.waiting).toBe(false);
    expect(capture.wants(file(1))).toBe(true);
    expect(capture.wants('1987/03/01/index.html')).toBe(false);
  });

  it('hands over a part as soon as its last page is rendered, in the order of the plan', () => {
    // Days 1–2 make one part and days 3–4 the next (at most two stories a part).
    const { capture, completed } = captureOf([1, 2, 3, 4]);
    capture.capture(file(3), page(3));
    capture.capture(file(2), page(2));
    expect(completed).toEqual([]);
    capture.capture(file(1), page(1));
    expect(completed.map(({ part }) => part.id)).toEqual(['1987-03-01-to-1987-03-02']);
    const [{ part, texts }] = completed as [(typeof completed)[0]];
    expect(part.pages.map((p) => p.file)).toEqual([file(1), file(2)]);
    expect(part.pages[0]).toMatchObject({
      published: published(1),
      month: '1987-03',
      filters: [['source', 'Reuters']],
    });
    expect(texts.map(([name]) => name)).toEqual([file(1), file(2)]);
    capture.capture(file(4), page(4));
    expect(completed.map(({ part }) => part.id)).toEqual([
      '1987-03-01-to-1987-03-02',
      '1987-03-03-to-1987-03-04',
    ]);
  });

  it(
    'hands Pagefind what it reads of a page: the html tag and the article, not the links ' +
      'around it',
    () => {
      const { capture, completed } = captureOf([1]);
      capture.capture(file(1), page(1, 'Oil prices rose.'));
      const text = completed[0]!.texts[0]![1];
      expect(text).toMatch(/^<html lang="en">\n<article data-pagefind-body/);
      expect(text).toContain('Oil prices rose.');
      expect(text.endsWith('</article>')).toBe(true);
      expect(text).not.toContain('Next story');
      expect(text).not.toContain('Related stories');
    },
  );

  it('keeps what it read of each page, and reads a page once', () => {
    const { capture, completed } = captureOf([1, 2]);
    capture.capture(file(1), page(1));
    expect(capture.wants(file(1))).toBe(false);
    capture.capture(file(1), page(1, 'Rendered twice.'));
    expect(completed).toEqual([]);
    expect([...capture.pages.keys()]).toEqual([file(1)]);
  });

  it('leaves a page it cannot read to the search step, which reports it', () => {
    const { capture, completed } = captureOf([1]);
    capture.capture(
      file(1),
      '<html lang="en"><body><article><p>No article marked for the ' +
        'index.</p></article></body></html>',
    );
    expect(completed).toEqual([]);
    expect(capture.pages.size).toBe(0);
  });
});
