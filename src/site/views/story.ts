import type { Revision } from '#src/ingest/history.ts';
import type { Story } from '#src/domain/story.ts';
import { relatedStories } from '#src/domain/related.ts';
import { pad2 } from '#src/domain/text.ts';
import { formatCalendarDate, monthName } from '#src/domain/dates.ts';
import { dayUrl, homeUrl, monthUrl, yearUrl } from '#src/domain/urls.ts';
import { breadcrumbList, countWords, newsArticle } from '#src/formats/structured-data.ts';
import { absolute, origin } from '../origin.ts';
import { archive, entryOf, lastModified, revisionsOf, termsFor } from '../archive.ts';
import { keyedRoutes } from '../cache-key.ts';
import { listed, storyLink, termLink, type ListedStory, type StoryLink, type TermLink } from './listed.ts';

/** Everything a story's page shows. */
export interface StoryView {
  path: string;
  story: Story;
  /** The digest of the story file: the page renders the story's text, which this stands for. */
  digest: string;
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

export function storyView(index: number): StoryView {
  const story = archive.stories[index]!;
  const topics = termsFor(story, 'topics');
  const [place] = termsFor(story, 'places');
  return {
    path: story.url,
    story,
    digest: String(entryOf(story).digest),
    source: termLink(termsFor(story, 'sources')[0]!),
    authors: termsFor(story, 'authors').map(termLink),
    topics: topics.map(termLink),
    place: place && termLink(place),
    related: relatedStories(archive.stories, index, topics, place).map((position) => listed(archive.stories[position]!)),
    previous: storyLink(archive.stories[index - 1]),
    next: storyLink(archive.stories[index + 1]),
    revisions: revisionsOf(story),
    modified: lastModified(story),
  };
}

/** getStaticPaths for the story pages: `/2019/11/19/<slug>/`. */
export function storyRoutes() {
  const routes = archive.stories.map(({ date, slug }, index) => ({
    params: { year: String(date.year), month: pad2(date.month), day: pad2(date.day), slug },
    props: { index },
  }));
  return keyedRoutes(routes, ({ index }) => storyView(index));
}

/** The page's description: the summary, else the story's dateline, headline, source and date. */
export function storyDescription(story: Story): string {
  return story.summary ?? `${story.dateline ? `${story.dateline}: ` : ''}${story.title}, ${story.source}, ${story.dateText}.`;
}

/** The story as schema.org NewsArticle, with its place in the archive's calendar as breadcrumbs. */
export function storyJsonLd(view: StoryView, html: string): object[] {
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
    newsArticle(story, { url, placeName: view.place?.label, modified: view.modified, wordCount: countWords(html), site: origin }),
    breadcrumbList(crumbs),
  ];
}
