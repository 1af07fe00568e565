import type { Place } from './places/place.ts';
import { compareStories, toStory, type Story, type StoryFields } from './story.ts';

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

/**
 * Orders the stories in time and groups them by the calendar date each was filed on. `placeOf`
 * says where each was filed (the place book, src/ingest/places/).
 */
export function buildArchive(
  entries: { id: string; data: StoryFields }[],
  placeOf: (data: StoryFields) => Place | undefined = () => undefined,
): Archive {
  const stories = entries
    .map((entry) => toStory(entry.id, entry.data, placeOf(entry.data)))
    .sort(compareStories);
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
  const sortedDays = [...days.values()].sort(
    (a, b) => a.year - b.year || a.month - b.month || a.day - b.day,
  );
  for (const dayGroup of sortedDays) {
    let yearGroup = years.get(dayGroup.year);
    if (!yearGroup)
      years.set(dayGroup.year, (yearGroup = { year: dayGroup.year, months: [], count: 0 }));
    let monthGroup = yearGroup.months.at(-1);
    if (!monthGroup || monthGroup.month !== dayGroup.month) {
      yearGroup.months.push(
        (monthGroup = { year: dayGroup.year, month: dayGroup.month, days: [], count: 0 }),
      );
    }
    monthGroup.days.push(dayGroup);
    monthGroup.count += dayGroup.stories.length;
    yearGroup.count += dayGroup.stories.length;
  }

  const yearGroups = [...years.values()];
  const months = yearGroups.flatMap((year) => year.months);
  return {
    stories,
    position,
    years: yearGroups,
    months,
    days: months.flatMap((month) => month.days),
  };
}

/** The stories just before and after one in time. */
export function neighbours(archive: Archive, id: string): { previous?: Story; next?: Story } {
  const index = archive.position.get(id);
  if (index === undefined) return {};
  return { previous: archive.stories[index - 1], next: archive.stories[index + 1] };
}
