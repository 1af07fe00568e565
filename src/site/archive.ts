import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { contentDir } from '#src/ingest/content-dir.ts';
import { readHistory, type Revision } from '#src/ingest/history.ts';
import { buildArchive, type Story } from '#src/domain/archive.ts';
import { buildTaxonomy, termIndex, termsOf, type Term, type TermKind } from '#src/domain/taxonomy.ts';
import { foldKey } from '#src/domain/places.ts';
import { onThisDay } from '#src/domain/calendar.ts';
import { twoDigits } from '#src/domain/dates.ts';
import { pagePaths, pageSlice } from '#src/domain/paginate.ts';
import { cacheKey } from './cache-key.ts';
import { compareStrings } from '#src/domain/text.ts';
import { relatedStories } from '#src/domain/related.ts';

/**
 * The archive, built once per build from the collection. Every page module imports this one
 * module, so the collection is read and ordered once, not once per page.
 */
// Drafts show in `npm run dev` and never reach a build: no page, listing, feed or index has them.
const entries = (await getCollection('articles')).filter((entry) => import.meta.env.DATELINE_SHOW_DRAFTS || !entry.data.draft);
export const archive = buildArchive(entries.map((entry) => ({ id: entry.id, data: entry.data })));

/** Newest first, for the home page. */
export const latestFirst = archive.stories.toReversed();

/** Story id → collection entry, for the article pages that render bodies. */
export const entriesById = new Map(entries.map((entry) => [entry.id, entry]));

/** Sources, authors, places and topics, each with its stories newest first. */
export const taxonomies: Record<TermKind, Term[]> = {
  sources: buildTaxonomy(archive.stories, 'sources'),
  authors: buildTaxonomy(archive.stories, 'authors'),
  places: buildTaxonomy(archive.stories, 'places'),
  topics: buildTaxonomy(archive.stories, 'topics'),
};

const lookup = new Map(Object.entries(taxonomies).flatMap(([kind, terms]) => [...termIndex(terms, kind as TermKind)]));

/** The terms a story is filed under, as pages that exist. */
export function termsFor(story: Story, kind: TermKind): Term[] {
  return termsOf(story, kind).flatMap((label) => lookup.get(`${kind}:${foldKey(label)}`) ?? []);
}

/** Each story file's revisions from git, read once per build; empty outside a repository. */
const history = readHistory(contentDir);
const revisionsById = new Map(entries.map((entry) => [entry.id, entry.filePath ? (history.get(resolve(entry.filePath)) ?? []) : []]));

/** The commits that changed a story, newest first. */
export function revisionsOf(story: Story): Revision[] {
  return revisionsById.get(story.id) ?? [];
}

/** When a story last changed: its `updated` frontmatter, else its latest commit if it has more than one. */
export function lastModified(story: Story): string | undefined {
  const revisions = revisionsOf(story);
  return story.updated?.iso ?? (revisions.length > 1 ? revisions[0]!.date : undefined);
}

/** Every correction in the archive, newest first, with its story. */
export const allCorrections = archive.stories
  .flatMap((story) => story.corrections.map((correction) => ({ story, correction })))
  .sort((a, b) => b.correction.date.instant - a.correction.date.instant || compareStrings(a.story.id, b.story.id));

/** Calendar days with stories in any year. */
export const anniversaries = onThisDay(archive);

/**
 * What listings show of each story, as a fingerprint: its frontmatter and URL, not its text.
 * Listing pages are keyed on these, so editing a story's text renders only its own page again.
 */
const listingKeys = archive.stories.map((story) => cacheKey(story));

/** The incremental-build key of one page of a listing of `positions` (stories in the archive). */
export function listingKey(positions: readonly number[], page: number, pages: number, ...shown: unknown[]): string {
  return cacheKey(page, pages, positions.length, pageSlice(positions, page).map((position) => listingKeys[position]), shown);
}

/** The terms a story's own page links to, and the stories it suggests. */
function storyLinks(index: number) {
  const story = archive.stories[index]!;
  const topics = termsFor(story, 'topics');
  const [place] = termsFor(story, 'places');
  return { source: termsFor(story, 'sources')[0], authors: termsFor(story, 'authors'), topics, place, related: relatedStories(archive.stories, index, topics, place) };
}

/**
 * getStaticPaths for article pages. A page's key covers the story file (text included), its
 * history, the terms and related stories it links to, and its neighbours in time.
 */
export function articlePaths() {
  return archive.stories.map((story, index) => {
    const links = storyLinks(index);
    const { date } = story;
    return {
      params: { year: String(date.year), month: twoDigits(date.month), day: twoDigits(date.day), slug: story.slug },
      props: { index, related: links.related },
      cacheKey: cacheKey(
        entriesById.get(story.id)?.digest,
        listingKeys[index],
        revisionsOf(story),
        lastModified(story),
        [links.source, ...links.authors, ...links.topics, links.place].map((term) => term && [term.slug, term.label]),
        links.related.map((position) => listingKeys[position]),
        listingKeys[index - 1] ?? null,
        listingKeys[index + 1] ?? null,
      ),
    };
  });
}

/** getStaticPaths for the pages of one kind of term: `/sources/trend/`, `/sources/trend/page/2/`. */
export function termPaths(kind: TermKind) {
  return taxonomies[kind].flatMap((term, index) =>
    pagePaths({ slug: term.slug }, term.stories.length, { index }, (page, pages) => listingKey(term.stories, page, pages, term.label, term.slug, term.country)),
  );
}
