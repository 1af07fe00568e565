import type { Revision } from '#src/ingest/history.ts';
import type { Story } from '#src/domain/story.ts';
import { relatedStories } from '#src/domain/related.ts';
import { pad2 } from '#src/domain/text.ts';
import { formatCalendarDate, monthName, sortKey } from '#src/domain/dates.ts';
import { pageFile, type IndexedPage } from '#src/search/parts.ts';
import { assetUrl, dayUrl, homeUrl, monthUrl, storyPath, yearUrl } from '#src/domain/urls.ts';
import {
  breadcrumbList,
  countWords,
  newsArticle,
  type ArchiveSite,
  type ArticleImage,
} from '#src/formats/structured-data.ts';
import { absolute } from '../origin.ts';
import archiveIdentity from '#src/archive.config.ts';
import {
  archive,
  bodyPhotosOf,
  entryOf,
  lastModified,
  leadPhotos,
  revisionsOf,
  termsFor,
  type LeadPhoto,
} from '../archive.ts';
import { photoKey } from '#src/photos/pictures.ts';
import { keyedRoutes } from '../cache-key.ts';
import { photoRecord } from '#src/util/build-record.ts';
import {
  listed,
  storyLink,
  termLink,
  type ListedStory,
  type StoryLink,
  type TermLink,
} from './listed.ts';

/** What a page shows of a photo: the key that stands for it (src/site/archive.ts), its words. */
export interface PhotoView {
  key: string;
  alt: string;
  caption?: string;
  credit?: string;
}

export const photoView = ({ key, alt, caption, credit }: LeadPhoto): PhotoView => ({
  key,
  alt,
  caption,
  credit,
});

/** Everything a story's page shows. */
export interface StoryView {
  path: string;
  story: Story;
  /** The digest of the story file: the page renders the story's text, which this stands for. */
  digest: string;
  /** The photo under the headline. */
  lead?: PhotoView;
  /**
   * The keys of the photos the text shows: a photo replaced under the same name changes its key,
   * not the story's digest.
   */
  photos: string[];
  source: TermLink;
  authors: TermLink[];
  topics: TermLink[];
  place?: TermLink;
  related: ListedStory[];
  previous?: StoryLink;
  next?: StoryLink;
  /** Newest first. */
  revisions: Revision[];
  /** When the story last changed, if it did: `updated`, else its latest commit. */
  modified?: string;
}

/** The source, authors, topics and place a story is filed under, as pages that exist. */
function filedUnder(story: Story) {
  return {
    source: termsFor(story, 'sources')[0]!,
    authors: termsFor(story, 'authors'),
    topics: termsFor(story, 'topics'),
    place: termsFor(story, 'places')[0],
  };
}

export function storyView(index: number): StoryView {
  const story = archive.stories[index]!;
  const { source, authors, topics, place } = filedUnder(story);
  const lead = leadPhotos.get(story.id);
  return {
    path: story.url,
    story,
    digest: String(entryOf(story).digest),
    lead: lead && photoView(lead),
    photos: bodyPhotoKeys(story),
    source: termLink(source),
    authors: authors.map(termLink),
    topics: topics.map(termLink),
    place: place && termLink(place),
    related: relatedStories(archive.stories, index, topics, place).map((position) =>
      listed(archive.stories[position]!),
    ),
    previous: storyLink(archive.stories[index - 1]),
    next: storyLink(archive.stories[index + 1]),
    revisions: revisionsOf(story),
    modified: lastModified(story),
  };
}

/** The keys of the photos a story's text shows. */
export function bodyPhotoKeys(story: Story): string[] {
  const { own, remote } = bodyPhotosOf(story);
  return [...own, ...remote].map(photoKey);
}

/** getStaticPaths for the story pages: `/2019/11/19/<slug>/`. */
export function storyRoutes() {
  const routes = archive.stories.map(({ date, slug }, index) => ({
    params: { year: String(date.year), month: pad2(date.month), day: pad2(date.day), slug },
    props: { index },
  }));
  const { pages } = photoRecord();
  return keyedRoutes(routes, ({ index }) => {
    const view = storyView(index);
    // As a site path, the base left off, as Astro names pages to integrations.
    if (view.lead || view.photos.length > 0)
      pages.push(storyPath(view.story.id, view.story.date.iso));
    return view;
  });
}

/** The page's description: the summary, else the story's dateline, headline, source and date. */
export function storyDescription(story: Story): string {
  return (
    story.summary ??
    `${story.dateline ? `${story.dateline}: ` : ''}${story.title}, ${story.source}, ` +
      `${story.dateText}.`
  );
}

/** The archive as a story's structured data names it, with absolute URLs. */
const { logo } = archiveIdentity.publisher;
const archiveSite: ArchiveSite = {
  identity: archiveIdentity,
  url: absolute(homeUrl()),
  logo: logo && (logo.startsWith('/') ? absolute(assetUrl(logo.slice(1))) : logo),
};

/** The story as schema.org NewsArticle, with its place in the archive's calendar as breadcrumbs. */
export function storyJsonLd(view: StoryView, html: string, image?: ArticleImage): object[] {
  const { story } = view;
  const { year, month, day } = story.date;
  const url = absolute(story.url);
  const crumbs = [
    { name: 'Home', url: absolute(homeUrl()) },
    { name: String(year), url: absolute(yearUrl(year)) },
    { name: monthName(month), url: absolute(monthUrl(year, month)) },
    { name: formatCalendarDate(year, month, day), url: absolute(dayUrl(year, month, day)) },
    { name: story.title, url },
  ];
  return [
    newsArticle(story, {
      url,
      placeName: view.place?.label,
      modified: view.modified,
      wordCount: countWords(html),
      site: archiveSite,
      image,
    }),
    breadcrumbList(crumbs),
  ];
}

/**
 * What the search index needs to know of every story page, from the same terms the page
 * shows (StoryArticle, StoryMeta and Byline mark them for Pagefind): when it was published,
 * its month, and its filter values.
 */
export function searchPages(): IndexedPage[] {
  const text = (value: string) => value.replace(/\s+/g, ' ').trim();
  return archive.stories.map((story) => {
    const { source, authors, topics, place } = filedUnder(story);
    const month = `${story.date.year}-${pad2(story.date.month)}`;
    // No year: the search page counts and chooses a year by its months. The country is counted
    // here and in the parts that hold it, but Pagefind is not given it (StoryMeta): the search
    // page chooses and counts a country by its places (src/search/countries.ts).
    const filters: [string, string][] = [['month', month]];
    if (place) filters.push(['place', text(place.label)]);
    if (story.place) filters.push(['country', text(story.place.country)]);
    for (const author of authors) filters.push(['author', text(author.label)]);
    filters.push(['source', text(source.label)]);
    for (const topic of topics) filters.push(['topic', text(topic.label)]);
    // A value marked twice on a page (a topic listed twice) is one value to Pagefind.
    const once = [...new Map(filters.map((filter) => [filter.join('\n'), filter])).values()];
    // Site paths, as the index holds them: the search page puts the base before them.
    const path = storyPath(story.id, story.date.iso);
    const headline = {
      title: text(story.title),
      url: path,
      date: story.dateText,
      source: text(source.label),
      lang: story.lang,
      ...(story.dateline ? { dateline: text(story.dateline) } : {}),
    };
    return {
      file: pageFile(path),
      published: sortKey(story.date),
      month,
      filters: once,
      headline,
    };
  });
}
