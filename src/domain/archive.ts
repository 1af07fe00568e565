import { formatStoryDate, storyDate, type StoryDate } from './dates.ts';
import { articleUrl, slugOf } from './urls.ts';

/** The frontmatter fields a story needs outside its own page, as the schema outputs them. */
export interface StoryFields {
  title: string;
  date: string;
  source: string;
  author?: string[];
  dateline?: string;
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
  topics: string[];
  summary?: string;
  lang: string;
  /** When the story was last changed, if its frontmatter says. */
  updated?: StoryDate;
  corrections: { date: StoryDate; text: string }[];
  draft: boolean;
}

export interface DayGroup {
  year: number;
  month: number;
  day: number;
  /** Positions in `Archive.stories`, in time order. */
  stories: number[];
}

export interface MonthGroup {
  year: number;
  month: number;
  days: DayGroup[];
  count: number;
}

export interface YearGroup {
  year: number;
  months: MonthGroup[];
  count: number;
}

export interface Archive {
  /** Every story, oldest first; ties in time are ordered by id so builds are repeatable. */
  stories: Story[];
  /** Story id → position in `stories`. */
  position: Map<string, number>;
  /** Calendar periods with stories, oldest first; dates are the stories' own calendar dates. */
  years: YearGroup[];
  /** Every month with stories, oldest first. */
  months: MonthGroup[];
  /** Every day with stories, oldest first. */
  days: DayGroup[];
}

export function toStory(id: string, data: StoryFields): Story {
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
    topics: data.topics ?? [],
    summary: data.summary,
    lang: data.lang ?? 'en',
    updated: data.updated ? storyDate(data.updated) : undefined,
    corrections: (data.corrections ?? []).map((correction) => ({ date: storyDate(correction.date), text: correction.text })),
    draft: data.draft ?? false,
  };
}

export function compareStories(a: Story, b: Story): number {
  return a.date.instant - b.date.instant || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Orders the stories in time and groups them by the calendar date each was filed on. */
export function buildArchive(entries: { id: string; data: StoryFields }[]): Archive {
  const stories = entries.map((entry) => toStory(entry.id, entry.data)).sort(compareStories);
  const position = new Map(stories.map((story, index) => [story.id, index]));

  const days = new Map<string, DayGroup>();
  stories.forEach((story, index) => {
    const { year, month, day } = story.date;
    const key = `${year}-${month}-${day}`;
    let group = days.get(key);
    if (!group) days.set(key, (group = { year, month, day, stories: [] }));
    group.stories.push(index);
  });

  const years = new Map<number, YearGroup>();
  const sortedDays = [...days.values()].sort((a, b) => a.year - b.year || a.month - b.month || a.day - b.day);
  for (const dayGroup of sortedDays) {
    let yearGroup = years.get(dayGroup.year);
    if (!yearGroup) years.set(dayGroup.year, (yearGroup = { year: dayGroup.year, months: [], count: 0 }));
    let monthGroup = yearGroup.months.at(-1);
    if (!monthGroup || monthGroup.month !== dayGroup.month) {
      yearGroup.months.push((monthGroup = { year: dayGroup.year, month: dayGroup.month, days: [], count: 0 }));
    }
    monthGroup.days.push(dayGroup);
    monthGroup.count += dayGroup.stories.length;
    yearGroup.count += dayGroup.stories.length;
  }

  const yearGroups = [...years.values()];
  const months = yearGroups.flatMap((year) => year.months);
  return { stories, position, years: yearGroups, months, days: months.flatMap((month) => month.days) };
}

/** The stories just before and after one in time. */
export function neighbours(archive: Archive, id: string): { previous?: Story; next?: Story } {
  const index = archive.position.get(id);
  if (index === undefined) return {};
  return { previous: archive.stories[index - 1], next: archive.stories[index + 1] };
}
