import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import rehypeSafeHtml from './safe-html.ts';

/**
 * The Markdown pipeline for stories, shared by astro.config.mjs and the render workers so both
 * render the same HTML. Wire copy is published verbatim: no smart quotes or dashes that the
 * agency did not send. Raw HTML in a story is parsed, then cut to an allow-list, before
 * headings get their anchors.
 */
export const storyMarkdown = unified({ rehypePlugins: [rehypeRaw, rehypeSafeHtml, rehypeSlug], smartypants: false });
