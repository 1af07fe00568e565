import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Processor } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypePhotos from '#src/photos/figures.ts';
import rehypeSafeHtml from './safe-html.ts';
import rehypeSiteLinks from './site-links.ts';

type RehypePlugins = NonNullable<NonNullable<Parameters<typeof unified>[0]>['rehypePlugins']>;
const rehypePlugins: RehypePlugins = [rehypeRaw, rehypeSafeHtml, rehypePhotos, rehypeSlug];

/**
 * The Markdown pipeline for stories, shared by astro.config.mjs and the render workers so both
 * render the same HTML. Wire copy is published verbatim: no smart quotes or dashes that the
 * agency did not send. Raw HTML in a story is parsed, then cut to an allow-list; photos become
 * figures and placeholders the page fills in (src/photos/); then headings get their anchors.
 */
export const storyMarkdown = storyPipeline(true, '/');

/**
 * GitHub's Markdown as remark-gfm reads it, in the same order, except bare URLs and e-mail
 * addresses ("literal autolinks"). Looking for those at every letter is over half of what
 * rendering a story costs.
 */
function remarkGfmWithoutLiteralLinks(this: Processor) {
  // Where remark-parse looks for syntax extensions; its types declare these, ours need not import
  // them.
  const data = this.data() as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
  };
  (data.micromarkExtensions ??= []).push(
    gfmFootnote(),
    gfmStrikethrough(),
    gfmTable(),
    gfmTaskListItem(),
  );
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

/** The pipeline for a story, with or without GFM's literal autolinks, under a base path. */
function storyPipeline(literalLinks: boolean, base: string) {
  const plugins: RehypePlugins =
    base === '/' ? rehypePlugins : [...rehypePlugins, [rehypeSiteLinks, { base }]];
  return literalLinks
    ? unified({ rehypePlugins: plugins, smartypants: false })
    : unified({
        remarkPlugins: [remarkGfmWithoutLiteralLinks],
        rehypePlugins: plugins,
        smartypants: false,
        gfm: false,
      });
}

/**
 * Whether a story could hold a literal autolink. Every one contains `@`, `www.` or `http://`,
 * written out or through a backslash escape or a character reference (`&#64;`, `&commat;`);
 * this errs on the side of yes.
 */
export function mayHoldLiteralLinks(markdown: string): boolean {
  return /@|&#|&commat;|www|http/i.test(markdown);
}

/**
 * Renders stories exactly as `storyMarkdown` does, with links to the archive's own pages under
 * the site's base (./site-links.ts). A story that cannot hold a literal autolink is read
 * without looking for them, which gives the same HTML in half the time.
 */
export async function createStoryRenderer(
  shared: Parameters<typeof storyMarkdown.createRenderer>[0],
  base = '/',
): Promise<MarkdownRenderer> {
  const full = await storyPipeline(true, base).createRenderer(shared);
  // Without GFM there is nothing to skip; Astro's benchmark mode leaves GFM out on its own.
  if (shared.gfm === false || process.env.ASTRO_PERFORMANCE_BENCHMARK) return full;
  const lean = await storyPipeline(false, base).createRenderer(shared);
  return {
    render: (content, options) =>
      (mayHoldLiteralLinks(content) ? full : lean).render(content, options),
  };
}
