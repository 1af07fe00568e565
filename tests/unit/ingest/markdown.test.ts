import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStoryRenderer, mayHoldLiteralLinks, storyMarkdown } from '#src/ingest/markdown.ts';

// What Astro passes the renderer when the config leaves Markdown at its defaults.
const shared = { syntaxHighlight: { type: 'shiki' as const }, gfm: true };
const full = await storyMarkdown.createRenderer(shared);
const story = await createStoryRenderer(shared);
const render = async (renderer: typeof full, markdown: string) => {
  const { code, metadata } = await renderer.render(markdown, { frontmatter: {} });
  return { code, metadata };
};

const FIRST_STORY = 'turkmenistan-developing-co-op-with-intl-organization-for-migration.md';
const seed = readFileSync(
  new URL(`../../../content/2019/11/${FIRST_STORY}`, import.meta.url),
  'utf8',
);
const seedBody = seed.replace(/^---[\s\S]*?\n---\n/, '');

// Every kind of GitHub Markdown a story may use, without a bare link.
const withoutLinks = [
  seedBody,
  '| Company | Shares |\n| :-- | --: |\n| Foster Wheeler | 1,200 |\n| *Total* | **1,200** |\n',
  'The deal was ~~cancelled~~ postponed, and ~one tilde~ stays.\n',
  'Prices rose.[^1] Then fell.[^note]\n\n[^1]: Exchange figures.\n[^note]: Dealers said so.\n',
  '- [x] filed\n- [ ] edited\n  - nested *item*\n',
  '## Market report\n\n### Oil, 3 p.m.\n\n> quoted **copy**\n\n    indented ' +
    'code\n\n```\nfenced\n```\n',
  'Raw <abbr title="Organisation of the Petroleum Exporting Countries">OPEC</abbr> and ' +
    '<script>alert(1)</script> text.\n',
  'Reuters tickers: <FWC>, <XON.N> and S&P, AT&T, 5 < 6 & 7 > 3.\n',
  'Hard\\\nbreak, `code`, and a line  \nwith two spaces.\n',
];

// Links written as Markdown links: such a story is read the full way, and must not differ.
const explicitLinks = [
  'A [link](https://example.com/story) and an <https://example.org> autolink.\n',
  'Mail <desk@example.com>.\n',
];

// Every way a bare URL or e-mail address can be written, directly or escaped.
const withLinks = [
  'See www.trend.az for more.',
  'See WWW.TREND.AZ for more.',
  'Details at http://example.com/a?b=c.',
  'Details at HTTPS://EXAMPLE.COM.',
  'Write to news@example.com.',
  'Write to mailto:desk@example.com or xmpp:desk@example.com.',
  'Escaped: www\\.trend.az and news\\@example.com.',
  'References: news&#64;example.com, news&#x40;example.com, news&commat;example.com.',
  'Numeric letters: &#119;ww.example.com and &#104;ttp://example.com.',
  '| site |\n| --- |\n| www.example.com |\n',
];

describe('story Markdown', () => {
  it('renders every kind of GitHub Markdown exactly as the full pipeline does', async () => {
    for (const markdown of [...withoutLinks, ...explicitLinks, ...withLinks]) {
      expect(await render(story, markdown), markdown).toEqual(await render(full, markdown));
    }
  });

  it('renders tables, footnotes, strikethrough and task lists without a bare link', async () => {
    const html = (await Promise.all(withoutLinks.map((markdown) => render(story, markdown))))
      .map((r) => r.code)
      .join('\n');
    expect(withoutLinks.some(mayHoldLiteralLinks)).toBe(false);
    expect(html).toContain('<table>');
    expect(html).toContain('<del>cancelled</del>');
    expect(html).toContain('data-footnote-ref');
    expect(html).toContain('type="checkbox"');
    expect(html).not.toContain('<script');
  });

  it('turns bare URLs and e-mail addresses into links, however they are written', async () => {
    for (const markdown of withLinks) {
      expect(mayHoldLiteralLinks(markdown), markdown).toBe(true);
      expect((await render(story, markdown)).code, markdown).toMatch(/<a[ >]/);
    }
  });

  it('keeps the link of a URL in capitals, and drops unsafe schemes in any case', async () => {
    expect((await render(story, 'Details at HTTPS://EXAMPLE.COM/NEWS.')).code).toContain(
      '<a href="https://EXAMPLE.COM/NEWS">HTTPS://EXAMPLE.COM/NEWS</a>',
    );
    expect((await render(story, 'See [the page](HTTP://WWW.TREND.AZ).')).code).toContain(
      '<a href="http://WWW.TREND.AZ">',
    );
    const unsafe = (
      await render(story, '<a href="JavaScript:alert(1)">x</a> and [y](JAVASCRIPT:alert(2))')
    ).code;
    expect(unsafe).not.toMatch(/javascript/i);
  });

  it('reads plain wire copy, like the first story, without looking for bare links', () => {
    expect(mayHoldLiteralLinks(seedBody)).toBe(false);
  });
});
