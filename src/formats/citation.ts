import type { Story } from '#src/domain/story.ts';
import { monthName } from '#src/domain/dates.ts';

/** `Huseyn Hasanov` → given `Huseyn`, family `Hasanov`: the last word is the family name. */
export function splitName(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/);
  return words.length === 1
    ? { given: '', family: words[0]! }
    : { given: words.slice(0, -1).join(' '), family: words.at(-1)! };
}

/** APA 7 for a news story online: `Hasanov, H. (2019, November 19). Title. Trend. URL` */
export function apaCitation(story: Story, url: string): string {
  const authors = story.authors.map((name) => {
    const { given, family } = splitName(name);
    const initials = given
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((part) => `${part[0]}.`)
      .join(' ');
    return initials ? `${family}, ${initials}` : family;
  });
  const byline =
    authors.length <= 1
      ? (authors[0] ?? '')
      : `${authors.slice(0, -1).join(', ')}, & ${authors.at(-1)}`;
  const when = `(${story.date.year}, ${monthName(story.date.month)} ${story.date.day}).`;
  const title = /[.?!]$/.test(story.title) ? story.title : `${story.title}.`;
  return byline
    ? `${byline} ${when} ${title} ${story.source}. ${url}`
    : `${title} ${when} ${story.source}. ${url}`;
}

function bibtexEscape(text: string): string {
  return text
    .replace(/[\\{}]/g, (c) => `\\${c}`)
    .replace(/([&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/**
 * A BibTeX entry; the key is the first author's family name (or the source), the year and the
 * slug's first word.
 */
export function bibtexCitation(story: Story, url: string): string {
  const first = story.authors[0] ? splitName(story.authors[0]).family : story.source;
  const key = `${first}${story.date.year}${story.slug.split('-')[0] ?? ''}`
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
  const fields = [
    story.authors.length
      ? `  author = {${story.authors
          .map((name) => {
            const { given, family } = splitName(name);
            return bibtexEscape(given ? `${family}, ${given}` : family);
          })
          .join(' and ')}},`
      : '',
    `  title = {{${bibtexEscape(story.title)}}},`,
    `  journal = {${bibtexEscape(story.source)}},`,
    `  year = {${story.date.year}},`,
    `  month = ${monthName(story.date.month).slice(0, 3).toLowerCase()},`,
    `  day = {${story.date.day}},`,
    `  url = {${url}},`,
    `  language = {${story.lang}},`,
  ].filter(Boolean);
  return `@article{${key},\n${fields.join('\n')}\n}`;
}

/** CSL-JSON, as Zotero and citeproc read it. */
export function cslJson(story: Story, url: string): object[] {
  return [
    {
      id: story.id,
      type: 'article-newspaper',
      title: story.title,
      ...(story.authors.length ? { author: story.authors.map(splitName) } : {}),
      issued: { 'date-parts': [[story.date.year, story.date.month, story.date.day]] },
      'container-title': story.source,
      ...(story.dateline ? { 'publisher-place': story.dateline } : {}),
      URL: url,
      language: story.lang,
    },
  ];
}
