import type { Story } from './story.ts';
import type { Place } from './places/place.ts';
import { termSlug } from './slug.ts';
import { compareStrings, foldKey } from './text.ts';
import { RESERVED_TERM_SLUGS, type TermKind } from './urls.ts';

// The kinds of term are defined with their addresses; taxonomies are built for each.
export type { TermKind };

/** One source, author, place or topic, with the stories filed under it. */
export interface Term {
  kind: TermKind;
  slug: string;
  /** What groups its stories: the folded label, or a place's key (`geonames:4049979`). */
  key: string;
  /** The spelling most stories use. */
  label: string;
  /** Positions in `Archive.stories`, newest first. */
  stories: number[];
  /** For places: the place as its most used spelling reads, with its country and position. */
  place?: Place;
}

export const KIND_LABELS: Record<TermKind, { plural: string; singular: string }> = {
  sources: { plural: 'Sources', singular: 'Source' },
  authors: { plural: 'Authors', singular: 'Author' },
  places: { plural: 'Places', singular: 'Place' },
  topics: { plural: 'Topics', singular: 'Topic' },
};

/** The terms a story is filed under, for one kind: what groups them and how each is spelt. */
export function termsOf(story: Story, kind: TermKind): { key: string; label: string }[] {
  const labelled = (labels: string[]) => labels.map((label) => ({ key: foldKey(label), label }));
  switch (kind) {
    case 'sources':
      return labelled([story.source]);
    case 'authors':
      return labelled(story.authors);
    case 'topics':
      return labelled(story.topics);
    case 'places':
      // One place however the datelines spell it: `WASHINGTON`, `Washington, D.C.`.
      return story.place ? [{ key: story.place.key, label: story.place.label }] : [];
  }
}

/**
 * The spelling to show for a group: the most used, then the one with most diacritics, then the
 * first in order.
 */
function preferredSpelling(counts: Map<string, number>): string {
  // eslint-disable-next-line no-control-regex -- every ASCII character, control ones included
  const nonAscii = (text: string) => text.replace(/[\x00-\x7f]/g, '').length;
  return [...counts].sort(
    ([a, x], [b, y]) => y - x || nonAscii(b) - nonAscii(a) || compareStrings(a, b),
  )[0]![0];
}

interface Group {
  spellings: Map<string, number>;
  stories: number[];
  /** A place as each spelling reads. */
  places: Map<string, Place>;
}

/**
 * Groups the stories of an archive (oldest first) by one kind of term. Spellings that differ
 * only in case or diacritics are one term, and so are a place's spellings. Terms come sorted by
 * label, stories newest first.
 */
export function buildTaxonomy(stories: Story[], kind: TermKind): Term[] {
  const groups = new Map<string, Group>();
  for (let index = stories.length - 1; index >= 0; index--) {
    const story = stories[index]!;
    const seen = new Set<string>();
    for (const { key, label } of termsOf(story, kind)) {
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let group = groups.get(key);
      if (!group)
        groups.set(key, (group = { spellings: new Map(), stories: [], places: new Map() }));
      group.spellings.set(label, (group.spellings.get(label) ?? 0) + 1);
      group.stories.push(index);
      if (story.place && !group.places.has(label)) group.places.set(label, story.place);
    }
  }

  const terms: Term[] = [];
  const slugs = new Set<string>(RESERVED_TERM_SLUGS[kind]);
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const sorted = [...groups]
    .map(([key, group]) => ({ key, group, label: preferredSpelling(group.spellings) }))
    .sort((a, b) => collator.compare(a.label, b.label) || compareStrings(a.key, b.key));
  for (const { key, group, label } of sorted) {
    let slug = termSlug(label);
    // Different terms that slugify alike ("C++" and "C") still get their own pages.
    for (let n = 2; slugs.has(slug); n++) slug = `${termSlug(label)}-${n}`;
    slugs.add(slug);
    const place = kind === 'places' ? group.places.get(label) : undefined;
    terms.push({ kind, slug, key, label, stories: group.stories, ...(place ? { place } : {}) });
  }
  return terms;
}

/** One country's places, as `/places/` and the country's own page list them. */
export interface CountryGroup {
  /** ISO 3166-1 alpha-2: `US`. */
  code: string;
  /** In the archive's language: `United States`. */
  name: string;
  places: Term[];
  /** Stories filed from its places. */
  stories: number;
}

/** Places grouped by country, countries in alphabetical order of their names. */
export function placesByCountry(places: Term[], language = 'en'): CountryGroup[] {
  const groups = new Map<string, CountryGroup>();
  for (const term of places) {
    const { countryCode: code, country: name } = term.place!;
    let group = groups.get(code);
    if (!group) groups.set(code, (group = { code, name, places: [], stories: 0 }));
    group.places.push(term);
    group.stories += term.stories.length;
  }
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return [...groups.values()].sort(
    (a, b) => collator.compare(a.name, b.name) || compareStrings(a.code, b.code),
  );
}

/** Term lookup by kind and key, for linking an article to its terms. */
export function termIndex(terms: Term[], kind: TermKind): Map<string, Term> {
  const index = new Map<string, Term>();
  for (const term of terms) index.set(`${kind}:${term.key}`, term);
  return index;
}
