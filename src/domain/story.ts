import { formatStoryDate, storyDate, type StoryDate } from './dates.ts';
import type { PlaceField } from './places/field.ts';
import type { Place } from './places/place.ts';
import { compareStrings } from './text.ts';
import { articleUrl, slugOf } from './urls.ts';

/** The frontmatter fields a story needs outside its own page, as the schema outputs them. */
export interface StoryFields {
  title: string;
  date: string;
  source: string;
  author?: string[];
  dateline?: string;
  place?: PlaceField;
  topics?: string[];
  summary?: string;
  lang?: string;
  updated?: string;
  corrections?: { date: string; text: string }[];
  draft?: boolean;
}

/** What listings show of a story: small, with no body. */
export interface Story {
  id: string;
  slug: string;
  url: string;
  title: string;
  date: StoryDate;
  /** `19 November 2019 17:49 (UTC+04:00)`. */
  dateText: string;
  source: string;
  authors: string[];
  dateline?: string;
  /** Where it was filed: its `place:` field, else what its dateline names, if anything. */
  place?: Place;
  topics: string[];
  summary?: string;
  lang: string;
  /** When the story was last changed, if its frontmatter says. */
  updated?: StoryDate;
  corrections: { date: StoryDate; text: string }[];
  draft: boolean;
}

export function toStory(id: string, data: StoryFields, place?: Place): Story {
  const date = storyDate(data.date);
  return {
    id,
    slug: slugOf(id),
    url: articleUrl(id, data.date),
    title: data.title,
    date,
    dateText: formatStoryDate(date),
    source: data.source,
    authors: data.author ?? [],
    dateline: data.dateline,
    ...(place ? { place } : {}),
    topics: data.topics ?? [],
    summary: data.summary,
    lang: data.lang ?? 'en',
    updated: data.updated ? storyDate(data.updated) : undefined,
    corrections: (data.corrections ?? []).map((correction) => ({
      date: storyDate(correction.date),
      text: correction.text,
    })),
    draft: data.draft ?? false,
  };
}

export function compareStories(a: Story, b: Story): number {
  return a.date.instant - b.date.instant || compareStrings(a.id, b.id);
}
