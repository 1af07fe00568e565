import { storyDate, twoDigits } from './dates.ts';

/** The slug is the file name without `.md`. */
export function slugOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

/** `/2019/11/19/<slug>/`: the calendar date in the story's own offset, then its slug. */
export function articleUrl(id: string, dateIso: string): string {
  const date = storyDate(dateIso);
  return `/${date.year}/${twoDigits(date.month)}/${twoDigits(date.day)}/${slugOf(id)}/`;
}

export const yearUrl = (year: number) => `/${year}/`;
export const monthUrl = (year: number, month: number) => `/${year}/${twoDigits(month)}/`;
export const dayUrl = (year: number, month: number, day: number) => `/${year}/${twoDigits(month)}/${twoDigits(day)}/`;

/** Page N of a paginated listing: page 1 is the listing itself. */
export function pageUrl(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

export interface UrlCollision {
  url: string;
  files: string[];
}

/** Stories that would be written to the same URL, each group naming every file involved. */
export function findUrlCollisions(stories: { id: string; file: string; date: string }[]): UrlCollision[] {
  const byUrl = new Map<string, string[]>();
  for (const story of stories) {
    const url = articleUrl(story.id, story.date);
    const files = byUrl.get(url);
    if (files) files.push(story.file);
    else byUrl.set(url, [story.file]);
  }
  return [...byUrl]
    .filter(([, files]) => files.length > 1)
    .map(([url, files]) => ({ url, files: files.sort() }));
}
