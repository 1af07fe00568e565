import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { siteFacts } from '#src/site/facts.ts';

/**
 * The sitemaps: every page through an index, split into files of at most 45,000 URLs (under
 * the protocol's 50,000), with the Google News sitemap listed in the index too, so a crawler
 * given the index finds both. Each story says when it last changed, from what the archive
 * handed over (src/site/facts.ts); the 404 page and old addresses of stories are no pages to
 * list.
 */
export default function sitemapIntegration(siteHref: string): AstroIntegration {
  let moved: Set<string> | undefined;
  return sitemap({
    entryLimit: 45_000,
    customSitemaps: [new URL('news-sitemap.xml', siteHref).href],
    filter: (url) => {
      if (/\/404\/?$/.test(url)) return false;
      moved ??= new Set(siteFacts().redirects.map(({ from }) => new URL(from, siteHref).href));
      return !moved.has(url);
    },
    serialize: (item) => {
      const lastmod = siteFacts().lastModified.get(item.url);
      return lastmod ? { ...item, lastmod } : item;
    },
  });
}
