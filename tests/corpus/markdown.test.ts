import { describe, expect, it } from 'vitest';
import { readCorpus } from '../bench/corpus.ts';
import { createStoryRenderer, mayHoldLiteralLinks, storyMarkdown } from '#src/ingest/markdown.ts';
import { reutersToMarkdown } from '../bench/corpora/reuters.ts';
import { corpusAvailable, corpusFile } from '../support/corpus.ts';

describe.skipIf(!corpusAvailable)('story Markdown on the Reuters corpus', () => {
  it('renders every story exactly as the full GitHub Markdown pipeline does', async () => {
    const shared = { syntaxHighlight: { type: 'shiki' as const }, gfm: true };
    const full = await storyMarkdown.createRenderer(shared);
    const story = await createStoryRenderer(shared);
    const differing: string[] = [];
    let [stories, withoutLinks] = [0, 0];
    for await (const record of readCorpus(corpusFile)) {
      const { path, text } = reutersToMarkdown(record);
      const body = text.slice(text.indexOf('\n---\n') + 5);
      stories++;
      if (!mayHoldLiteralLinks(body)) withoutLinks++;
      const [expected, actual] = [
        await full.render(body, { frontmatter: {} }),
        await story.render(body, { frontmatter: {} }),
      ];
      if (
        actual.code !== expected.code ||
        JSON.stringify(actual.metadata) !== JSON.stringify(expected.metadata)
      )
        differing.push(path);
    }
    expect(stories).toBe(19_043);
    expect(differing).toEqual([]);
    // The quick path must be the one taken, or the pipeline is only as fast as before.
    expect(withoutLinks).toBeGreaterThan(19_000);
  });
});
