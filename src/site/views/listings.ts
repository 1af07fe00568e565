import type { StoryDate } from '#src/domain/dates.ts';
import { yearCalendar, type CalendarMonth } from '#src/domain/calendar.ts';
import { pageCount, pageRoutes, pageSlice } from '#src/domain/paginate.ts';
import { KIND_LABELS, type TermKind } from '#src/domain/taxonomy.ts';
import { pad2 } from '#src/domain/text.ts';
import {
  countryUrl,
  dayUrl,
  correctionsUrl,
  homeUrl,
  monthUrl,
  onThisDayUrl,
  pageUrl,
  termIndexUrl,
  termUrl,
  yearUrl,
} from '#src/domain/urls.ts';
import type { FeedInfo } from '#src/formats/feeds.ts';
import { allCorrections, anniversaries, archive, latestFirst, taxonomies } from '../archive.ts';
import { keyedRoutes } from '../cache-key.ts';
import { termFeedInfo } from './feeds.ts';
import { listed, type ListedStory } from './listed.ts';
import { whereView } from './places.ts';

/** One page of a paginated list of stories. */
export interface StoryPage {
  path: string;
  /** The list's first page. */
  base: string;
  page: number;
  pages: number;
  /** Stories in the whole list, on every page. */
  count: number;
  stories: ListedStory[];
}

/** Page `page` of a list of stories (positions in the archive), listed at `base`. */
function storyPage(base: string, positions: readonly number[], page: number): StoryPage {
  return {
    path: pageUrl(base, page),
    base,
    page,
    pages: pageCount(positions.length),
    count: positions.length,
    stories: pageSlice(positions, page).map((position) => listed(archive.stories[position]!)),
  };
}

const newestFirst = archive.stories.map((_, index) => index).toReversed();

/** The home page: the latest stories, every year, and the days On this day has. */
export function homeView(page: number) {
  return {
    ...storyPage(homeUrl(), newestFirst, page),
    anniversaries: anniversaries.map((day) => day.key),
    years: archive.years
      .toReversed()
      .map((year) => ({ year: year.year, count: year.count, url: yearUrl(year.year) })),
  };
}
export const homeRoutes = () =>
  keyedRoutes(pageRoutes({}, latestFirst.length, {}), ({ page }) => homeView(page));

export interface PeriodLink {
  label: string;
  url: string;
}

/** A year: its months with their counts, and its calendar shaded by coverage. */
export function yearView(index: number) {
  const group = archive.years[index]!;
  const link = (other: { year: number } | undefined): PeriodLink | undefined =>
    other && { label: String(other.year), url: yearUrl(other.year) };
  return {
    path: yearUrl(group.year),
    year: group.year,
    count: group.count,
    months: group.months.map((month) => ({ month: month.month, count: month.count })),
    calendar: yearCalendar(group) satisfies CalendarMonth[],
    previous: link(archive.years[index - 1]),
    next: link(archive.years[index + 1]),
  };
}
export const yearRoutes = () =>
  keyedRoutes(
    archive.years.map((group, index) => ({
      params: { year: String(group.year) },
      props: { index },
    })),
    ({ index }) => yearView(index),
  );

/** A month: its days with their counts, then its stories in time order. */
export function monthView(index: number, page: number) {
  const group = archive.months[index]!;
  const { year, month } = group;
  const link = (other: { year: number; month: number } | undefined) =>
    other && { year: other.year, month: other.month };
  return {
    ...storyPage(
      monthUrl(year, month),
      group.days.flatMap((day) => day.stories),
      page,
    ),
    year,
    month,
    days: group.days.map((day) => ({ day: day.day, count: day.stories.length })),
    previous: link(archive.months[index - 1]),
    next: link(archive.months[index + 1]),
  };
}
export const monthRoutes = () =>
  keyedRoutes(
    archive.months.flatMap((month, index) =>
      pageRoutes({ year: String(month.year), month: pad2(month.month) }, month.count, { index }),
    ),
    ({ index, page }) => monthView(index, page),
  );

/** A calendar day: its stories in time order. */
export function dayView(index: number, page: number) {
  const group = archive.days[index]!;
  const { year, month, day } = group;
  const link = (other: typeof group | undefined) =>
    other && { year: other.year, month: other.month, day: other.day };
  return {
    ...storyPage(dayUrl(year, month, day), group.stories, page),
    year,
    month,
    day,
    previous: link(archive.days[index - 1]),
    next: link(archive.days[index + 1]),
  };
}
export const dayRoutes = () =>
  keyedRoutes(
    archive.days.flatMap((day, index) =>
      pageRoutes(
        { year: String(day.year), month: pad2(day.month), day: pad2(day.day) },
        day.stories.length,
        { index },
      ),
    ),
    ({ index, page }) => dayView(index, page),
  );

/** One calendar day in every year, latest year first. */
export function anniversaryView(index: number, page: number) {
  const day = anniversaries[index]!;
  const link = (other: typeof day | undefined) =>
    other && { key: other.key, month: other.month, day: other.day };
  return {
    ...storyPage(onThisDayUrl(day.key), day.stories, page),
    key: day.key,
    month: day.month,
    day: day.day,
    years: day.years,
    previous: link(anniversaries[index - 1]),
    next: link(anniversaries[index + 1]),
  };
}
export const anniversaryRoutes = () =>
  keyedRoutes(
    anniversaries.flatMap((day, index) =>
      pageRoutes({ day: day.key }, day.stories.length, { index }),
    ),
    ({ index, page }) => anniversaryView(index, page),
  );

/** Every calendar day with stories, by month: the On this day index. */
export function anniversaryIndexView() {
  return Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    days: anniversaries
      .filter((a) => a.month === i + 1)
      .map((a) => ({ key: a.key, day: a.day, count: a.stories.length, url: onThisDayUrl(a.key) })),
  })).filter((month) => month.days.length > 0);
}

/** One source, author, place or topic: its stories, newest first. */
export function termView(kind: TermKind, index: number, page: number) {
  const term = taxonomies[kind][index]!;
  return {
    ...storyPage(termUrl(kind, term.slug), term.stories, page),
    kind,
    label: term.label,
    country: term.place && { name: term.place.country, url: countryUrl(term.place.countryCode) },
    // A place's page shows where it is, above its first page of stories.
    where: term.place && page === 1 ? whereView(term.place) : undefined,
    feed: termFeedInfo(kind, index) satisfies FeedInfo,
  };
}
export const termRoutes = (kind: TermKind) =>
  keyedRoutes(
    taxonomies[kind].flatMap((term, index) =>
      pageRoutes({ slug: term.slug }, term.stories.length, { index }),
    ),
    ({ index, page }) => termView(kind, index, page),
  );

/** Every source, author or topic with its count (places have their own: ./places.ts). */
export function termIndexView(kind: Exclude<TermKind, 'places'>) {
  const terms = taxonomies[kind];
  return {
    path: termIndexUrl(kind),
    kind,
    labels: KIND_LABELS[kind],
    terms: terms.map((term) => ({
      url: termUrl(kind, term.slug),
      label: term.label,
      count: term.stories.length,
    })),
    filed: terms.reduce((sum, term) => sum + term.stories.length, 0),
    total: archive.stories.length,
  };
}

/** A correction as the corrections page lists it, with the story it corrects. */
export interface ListedCorrection {
  story: { url: string; title: string; dateText: string; source: string };
  date: StoryDate;
  text: string;
}

/** Every correction, newest first. */
export function correctionsView(page: number) {
  return {
    path: pageUrl(correctionsUrl(), page),
    page,
    pages: pageCount(allCorrections.length),
    count: allCorrections.length,
    corrections: pageSlice(allCorrections, page).map(({ story, correction }): ListedCorrection => ({
      story: { url: story.url, title: story.title, dateText: story.dateText, source: story.source },
      date: correction.date,
      text: correction.text,
    })),
  };
}
export const correctionsRoutes = () =>
  keyedRoutes(pageRoutes({}, allCorrections.length, {}), ({ page }) => correctionsView(page));
