import type { Story } from '#src/domain/story.ts';
import type { Term } from '#src/domain/taxonomy.ts';
import { termUrl } from '#src/domain/urls.ts';
import { leadPhotos } from '../archive.ts';

/** What a listing shows of a story: never its text, so editing the text leaves listings alone. */
export interface ListedStory {
  url: string;
  title: string;
  lang: string;
  dateline?: string;
  date: Story['date'];
  dateText: string;
  source: string;
  summary?: string;
  /** The key of its lead photo, shown small beside the headline (src/site/archive.ts). */
  thumbnail?: string;
}

export function listed(story: Story): ListedStory {
  const { url, title, lang, dateline, date, dateText, source, summary } = story;
  const thumbnail = leadPhotos.get(story.id)?.key;
  return { url, title, lang, dateline, date, dateText, source, summary, thumbnail };
}

/** A link to a story from another page: the story before or after it. */
export interface StoryLink {
  url: string;
  title: string;
}

export const storyLink = (story: Story | undefined): StoryLink | undefined =>
  story && { url: story.url, title: story.title };

/** A link to a source, author, place or topic page. */
export interface TermLink {
  url: string;
  label: string;
}

export const termLink = (term: Term): TermLink => ({
  url: termUrl(term.kind, term.slug),
  label: term.label,
});
