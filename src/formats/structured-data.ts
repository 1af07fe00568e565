import type { Story } from '#src/domain/story.ts';

/** schema.org NewsArticle for a story page. */
export function newsArticle(
  story: Story,
  options: { url: string; placeName?: string; modified?: string; wordCount: number; site: string },
): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    url: options.url,
    mainEntityOfPage: options.url,
    datePublished: story.date.iso,
    dateModified: options.modified ?? story.date.iso,
    inLanguage: story.lang,
    ...(story.authors.length
      ? { author: story.authors.map((name) => ({ '@type': 'Person', name })) }
      : {}),
    publisher: { '@type': 'Organization', name: story.source },
    sourceOrganization: { '@type': 'Organization', name: story.source },
    ...(story.dateline ? { dateline: story.dateline } : {}),
    ...(options.placeName
      ? { locationCreated: { '@type': 'Place', name: options.placeName } }
      : {}),
    ...(story.topics.length ? { keywords: story.topics } : {}),
    ...(story.summary ? { description: story.summary } : {}),
    wordCount: options.wordCount,
    isAccessibleForFree: true,
    isPartOf: { '@type': 'WebSite', name: 'Dateline', url: `${options.site}/` },
  };
}

/** schema.org BreadcrumbList from the page's crumbs, Home first. */
export function breadcrumbList(crumbs: { name: string; url: string }[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/** Words in rendered HTML, as readers count them. */
export function countWords(html: string): number {
  const text = html.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
