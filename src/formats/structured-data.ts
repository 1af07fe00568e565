import type { Place } from '#src/domain/places/place.ts';
import type { Story } from '#src/domain/story.ts';
import type { ArchiveIdentity } from '#src/domain/identity.ts';

/** schema.org Place: where a story was filed, with its country and, where known, position. */
function place(name: string, { countryCode, lat, lon }: Place): object {
  return {
    '@type': 'Place',
    name,
    address: { '@type': 'PostalAddress', addressCountry: countryCode },
    ...(lat !== undefined && lon !== undefined
      ? { geo: { '@type': 'GeoCoordinates', latitude: lat, longitude: lon } }
      : {}),
  };
}

/** The archive as structured data knows it: its identity, with absolute URLs. */
export interface ArchiveSite {
  identity: ArchiveIdentity;
  /** The home page. */
  url: string;
  /** The publisher's logo, if it has one. */
  logo?: string;
}

/** schema.org Organization for the archive's publisher: its own site, else the archive's. */
export function publisherOf(site: ArchiveSite): object {
  const { publisher } = site.identity;
  return {
    '@type': 'Organization',
    name: publisher.name,
    url: publisher.url ?? site.url,
    ...(site.logo ? { logo: { '@type': 'ImageObject', url: site.logo } } : {}),
  };
}

/** schema.org WebSite for the archive a page is part of. */
export function websiteOf(site: ArchiveSite): object {
  return { '@type': 'WebSite', name: site.identity.name, url: site.url };
}

/** A story's lead photo as structured data needs it: an absolute URL, its size and words. */
export interface ArticleImage {
  url: string;
  width: number;
  height: number;
  caption?: string;
  credit?: string;
}

/** schema.org ImageObject for a lead photo. */
export function imageObject(image: ArticleImage): object {
  return {
    '@type': 'ImageObject',
    url: image.url,
    contentUrl: image.url,
    width: image.width,
    height: image.height,
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
  };
}

/**
 * schema.org NewsArticle for a story page: the archive's publisher publishes it; the agency
 * that filed it is its source.
 */
export function newsArticle(
  story: Story,
  options: {
    url: string;
    placeName?: string;
    modified?: string;
    wordCount: number;
    site: ArchiveSite;
    image?: ArticleImage;
  },
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
    publisher: publisherOf(options.site),
    sourceOrganization: { '@type': 'Organization', name: story.source },
    ...(story.dateline ? { dateline: story.dateline } : {}),
    ...(options.placeName && story.place
      ? { locationCreated: place(options.placeName, story.place) }
      : {}),
    ...(story.topics.length ? { keywords: story.topics } : {}),
    ...(story.summary ? { description: story.summary } : {}),
    ...(options.image ? { image: [imageObject(options.image)] } : {}),
    wordCount: options.wordCount,
    isAccessibleForFree: true,
    isPartOf: websiteOf(options.site),
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
