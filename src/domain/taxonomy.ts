import type { Story } from './story.ts';
import { parseDateline } from './places.ts';
import { termSlug } from './slug.ts';
import { compareStrings, foldKey } from './text.ts';
import type { TermKind } from './urls.ts';

// The kinds of term are defined with their addresses; taxonomies are built for each.
export type { TermKind };

/** One source, author, place or topic, with the stories filed under it. */
export interface Term {
  kind: TermKind;
  slug: string;
  /** The spelling most stories use. */
  label: string;
  /** Positions in `Archive.stories`, newest first. */
  stories: number[];
  /** For places: the country the dateline names, if any. */
  country?: string;
}

export const KIND_LABELS: Record<TermKind, { plural: string; singular: string }> = {
  sources: { plural: 'Sources', singular: 'Source' },
  authors: { plural: 'Authors', singular: 'Author' },
  places: { plural: 'Places', singular: 'Place' },
  topics: { plural: 'Topics', singular: 'Topic' },
};

/** The terms a story is filed under, for one kind. */
export function termsOf(story: Story, kind: TermKind): string[] {
  switch (kind) {
    case 'sources':
      return [story.source];
    case 'authors':
      return story.authors;
    case 'topics':
      return story.topics;
    case 'places': {
      const place = parseDateline(story.dateline);
      return place ? [place.label] : [];
    }
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

/**
 * Groups the stories of an archive (oldest first) by one kind of term. Spellings that differ
 * only in case or diacritics are one term. Terms come sorted by label, stories newest first.
 */
export function buildTaxonomy(stories: Story[], kind: TermKind): Term[] {
  const groups = new Map<
    string,
    { spellings: Map<string, number>; stories: number[]; countries: Map<string, number> }
  >();
  for (let index = stories.length - 1; index >= 0; index--) {
    const story = stories[index]!;
    const seen = new Set<string>();
    for (const label of termsOf(story, kind)) {
      const key = foldKey(label);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      let group = groups.get(key);
      if (!group)
        groups.set(key, (group = { spellings: new Map(), stories: [], countries: new Map() }));
      group.spellings.set(label, (group.spellings.get(label) ?? 0) + 1);
      group.stories.push(index);
      if (kind === 'places') {
        const country = parseDateline(story.dateline)?.country;
        if (country) group.countries.set(country, (group.countries.get(country) ?? 0) + 1);
      }
    }
  }

  const terms: Term[] = [];
  const slugs = new Set<string>();
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const sorted = [...groups]
    .map(([key, group]) => ({ key, group, label: preferredSpelling(group.spellings) }))
    .sort((a, b) => collator.compare(a.label, b.label) || compareStrings(a.key, b.key));
  for (const { group, label } of sorted) {
    let slug = termSlug(label);
    // Different terms that slugify alike ("C++" and "C") still get their own pages.
    for (let n = 2; slugs.has(slug); n++) slug = `${termSlug(label)}-${n}`;
    slugs.add(slug);
    terms.push({
      kind,
      slug,
      label,
      stories: group.stories,
      country: group.countries.size > 0 ? preferredSpelling(group.countries) : undefined,
    });
  }
  return terms;
}

/**
 * Places grouped by country, countries in alphabetical order and places without one last.
 * Country spellings that differ only in case or diacritics are one country.
 */
export function placesByCountry(places: Term[]): { country?: string; places: Term[] }[] {
  const groups = new Map<string, { spellings: Map<string, number>; places: Term[] }>();
  for (const place of places) {
    const key = place.country ? foldKey(place.country) : '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { spellings: new Map(), places: [] }));
    group.places.push(place);
    if (place.country)
      group.spellings.set(
        place.country,
        (group.spellings.get(place.country) ?? 0) + place.stories.length,
      );
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  return [...groups]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
    .map(([key, group]) => ({
      country: key ? preferredSpelling(group.spellings) : undefined,
      places: group.places,
    }));
}

/** Term lookup by kind and folded label, for linking an article to its terms. */
export function termIndex(terms: Term[], kind: TermKind): Map<string, Term> {
  const index = new Map<string, Term>();
  for (const term of terms) index.set(`${kind}:${foldKey(term.label)}`, term);
  return index;
}
