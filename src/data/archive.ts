import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { contentDir } from '../lib/content-dir.ts';
import { readHistory, type Revision } from '../lib/history.ts';
import { buildArchive, type Story } from '../lib/archive.ts';
import { buildTaxonomy, termIndex, termsOf, type Term, type TermKind } from '../lib/taxonomy.ts';
import { foldKey } from '../lib/places.ts';
import { onThisDay } from '../lib/calendar.ts';
import { pagePaths } from '../lib/paginate.ts';

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
  .sort((a, b) => b.correction.date.instant - a.correction.date.instant || a.story.id.localeCompare(b.story.id));

/** Calendar days with stories in any year. */
export const anniversaries = onThisDay(archive);

/** getStaticPaths for the pages of one kind of term: `/sources/trend/`, `/sources/trend/page/2/`. */
export function termPaths(kind: TermKind) {
  return taxonomies[kind].flatMap((term, index) => pagePaths({ slug: term.slug }, term.stories.length, { index }));
}
