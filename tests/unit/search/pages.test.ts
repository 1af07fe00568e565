import { describe, expect, it } from 'vitest';
import { indexedPart } from '#src/search/build/pages.ts';

const page = (article: string) =>
  `<!doctype html><html lang="en" dir="ltr"><head><title>t</title></head><body><nav>Home</nav>` +
  `${article}<p>Переговоры</p></article><aside>Related</aside></body></html>`;

describe('what Pagefind reads of a story page', () => {
  it('is the article, in an <html> tag of the story’s own language', () => {
    expect(
      indexedPart(page('<article class="story" lang="ru" dir="ltr" data-pagefind-body>')),
    ).toBe(
      '<html lang="ru">\n<article class="story" lang="ru" dir="ltr" data-pagefind-body>' +
        '<p>Переговоры</p>',
    );
  });

  it('takes the page’s language when the article has none, and nothing without an article', () => {
    expect(indexedPart(page('<article data-pagefind-body>'))).toMatch(/^<html lang="en">\n/);
    expect(indexedPart(page('<article>'))).toBeNull();
  });
});
