// Builds the search index of a synthetic archive too big to build as a site on one machine (a
// million stories), as the build makes it: parts planned by src/search/parts.ts, each indexed by
// the build's own part indexer from what Pagefind reads of a story page, the headline shards and
// the root index as the build writes them, and parts.json and holding.json published beside them.
// Pagefind is given each story as the build gives it (the page's `<html>` tag and its article,
// through the Node API), not as a custom record, so that the index is the one a build of that
// archive would write.
//
// The pages are made from a built synthetic archive (`npm run corpus -- <corpus> <dir>
// --synthetic N`, then `npm run build`): the story of the corpus's k-th record in the big archive
// is the built page of its first copy, re-titled and re-dated as `npm run bench`'s synthetic
// archive of that size would have it. The site around the index (home, search page, its script
// and styles) is that build's; story pages are not written. `stories.json` lists every story's
// path and headline, for `npm run bench:search -- <out>/site --stories <out>/stories.json`.
//
//   npm run bench:index -- <corpus.jsonl.gz> <built-synthetic-site> <out-dir> [--stories N]
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseCommand, refuse, type CommandSpec } from '#src/cli/args.ts';
import { formatStoryDate, sortKey, storyDate } from '#src/domain/dates.ts';
import { pad2 } from '#src/domain/text.ts';
import { indexHeadlines, indexRoot } from '#src/search/build/headlines.ts';
import { cachedKey, indexPart, partKey } from '#src/search/build/index-part.ts';
import { indexedPart, type ArticlePage } from '#src/search/build/pages.ts';
import { publishParts } from '#src/search/build/publish.ts';
import { INDEX_TAG_PLACEHOLDER, pageFile, planSearchParts } from '#src/search/parts.ts';
import { runAtOnce } from '#src/util/run-at-once.ts';
import { readCorpus } from './corpus.ts';
import { reutersToMarkdown, type ReutersRecord } from './corpora/reuters.ts';
import { syntheticStories } from './corpora/synthetic.ts';

/** As the build indexes them: two parts at a time, each by its own Pagefind process. */
const PARTS_AT_ONCE = 2;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (html: string) =>
  html.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#')
      ? String.fromCodePoint(
          name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
        )
      : (ENTITIES[name] ?? whole),
  );
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const clean = (text: string) => decode(text).replace(/\s+/g, ' ').trim();

/** What a built story page gives every copy of its story. */
interface Template {
  /** What Pagefind reads of the page: its `<html>` tag and its article. */
  text: string;
  /** Its filters but the month, which follows the copy's date. */
  filters: [string, string][];
  dateline?: string;
  source: string;
  lang: string;
}

/** The site path a story of the synthetic archive has: `/2010/01/01/slug/`. */
function sitePath(record: ReutersRecord): string {
  const slug = reutersToMarkdown(record).path.replace(/^.*\//, '').replace(/\.md$/, '');
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})/.exec(record.date)!;
  return `/${year}/${month}/${day}/${slug}/`;
}

/** Reads what every copy of a story shares from its built page, as the search step reads it. */
function template(html: string, file: string): Template {
  const text = indexedPart(html);
  if (text === null) throw new Error(`${file} has no article to index`);
  const article = text.slice(0, text.indexOf('<div class="story-body"'));
  const filters: [string, string][] = [];
  const place = /data-place="([^"]*)"/.exec(article)?.[1];
  const country = /data-country="([^"]*)"/.exec(article)?.[1];
  if (place !== undefined) filters.push(['place', clean(place)]);
  if (country !== undefined) filters.push(['country', clean(country)]);
  for (const [, name, label] of text.matchAll(
    /<a\b[^>]*data-pagefind-filter="(author|source|topic)"[^>]*>([^<]*)<\/a>/g,
  ))
    filters.push([name!, clean(label!)]);
  // A value marked twice on a page (a topic listed twice) is one value, as the build counts it.
  const once = [...new Map(filters.map((filter) => [filter.join('\n'), filter])).values()];
  const source = once.find(([name]) => name === 'source')?.[1];
  if (!source) throw new Error(`${file} names no source`);
  const dateline = /data-pagefind-meta="dateline"[^>]*>(.*?)<\/p>/s
    .exec(article)?.[1]
    ?.replace(/<[^>]*>/g, '');
  return {
    text: `${text}</article>`,
    filters: once,
    source,
    lang: /^<html lang="([^"]+)">/.exec(text)?.[1] ?? 'en',
    ...(dateline ? { dateline: clean(dateline) } : {}),
  };
}

/** The copy's page text: the template's, with the copy's headline and date. */
function pageText(from: Template, title: string, iso: string): string {
  const date = storyDate(iso);
  const replaced = (text: string, pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`a story page has no ${pattern.source}`);
    return text.replace(pattern, by);
  };
  let text = replaced(
    from.text,
    /<h1 class="story-headline">[^<]*<\/h1>/,
    `<h1 class="story-headline">${escape(title)}</h1>`,
  );
  text = replaced(text, /data-published="[^"]*"/, `data-published="${sortKey(date)}"`);
  text = replaced(text, /data-month="[^"]*"/, `data-month="${date.year}-${pad2(date.month)}"`);
  return replaced(
    text,
    /<time datetime="[^"]*"([^>]*)>[^<]*<\/time>/,
    `<time datetime="${date.iso}"$1>${formatStoryDate(date)}</time>`,
  );
}

interface Copy extends ArticlePage {
  template: number;
}

export async function buildSearchIndex(
  corpus: string,
  templateSite: string,
  out: string,
  count: number,
): Promise<void> {
  const records: ReutersRecord[] = [];
  for await (const record of readCorpus(corpus)) records.push(record);
  const files = new Set(
    (await readdir(templateSite, { recursive: true }))
      .map(String)
      .filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file)),
  );
  // The built archive's first copy of each record, where that archive put it.
  const templateCount = files.size;
  const firsts = [...syntheticStories(records, templateCount)].slice(0, records.length);
  console.log(`reading ${firsts.length} story pages of ${templateSite}…`);
  const templates: Template[] = [];
  for (const record of firsts) {
    const file = pageFile(sitePath(record));
    if (!files.has(file))
      throw new Error(
        `${templateSite} has no ${file}: build the synthetic archive of ${templateCount} ` +
          `stories (npm run corpus -- <corpus> <dir> --synthetic ${templateCount})`,
      );
    templates.push(template(await readFile(join(templateSite, file), 'utf8'), file));
  }

  console.log(`planning ${count.toLocaleString('en')} stories…`);
  const pages: Copy[] = [];
  let i = 0;
  for (const record of syntheticStories(records, count)) {
    const from = templates[i % records.length]!;
    const date = storyDate(record.date);
    const month = `${date.year}-${pad2(date.month)}`;
    const path = sitePath(record);
    pages.push({
      file: pageFile(path),
      published: sortKey(date),
      month,
      filters: [['month', month], ...from.filters],
      headline: {
        title: record.title.replace(/\s+/g, ' ').trim(),
        url: path,
        date: formatStoryDate(date),
        source: from.source,
        lang: from.lang,
        ...(from.dateline ? { dateline: from.dateline } : {}),
      },
      digest: '',
      template: i % records.length,
    });
    i++;
  }

  const cacheDir = join(out, 'cache');
  await mkdir(cacheDir, { recursive: true });
  const parts = planSearchParts(pages);
  console.log(`${parts.length} search parts`);
  let done = 0;
  await runAtOnce(parts, PARTS_AT_ONCE, async (part) => {
    const texts = part.pages.map((page): [string, string] => {
      const text = pageText(templates[page.template]!, page.headline.title, page.published);
      page.digest = createHash('sha1').update(text).digest('base64url');
      return [page.file, text];
    });
    const folder = join(cacheDir, part.id);
    if (cachedKey(folder) !== partKey(part)) {
      const ms = await indexPart(part, folder, { texts });
      console.log(
        `part ${part.id}: ${part.pages.length} stories in ${(ms / 1000).toFixed(1)} s ` +
          `(${++done} of ${parts.length})`,
      );
    } else console.log(`part ${part.id}: kept (${++done} of ${parts.length})`);
  });
  console.log('headline shards…');
  const headlines = await indexHeadlines(
    cacheDir,
    pages.map((page) => page.headline),
    PARTS_AT_ONCE,
  );
  const root = await indexRoot(cacheDir);

  // The site around the index: the built archive's top-level pages and assets, the search page.
  const site = join(out, 'site');
  await mkdir(site, { recursive: true });
  for (const entry of await readdir(templateSite, { withFileTypes: true })) {
    if (entry.isDirectory() && !['_astro', 'search'].includes(entry.name)) continue;
    await cp(join(templateSite, entry.name), join(site, entry.name), { recursive: true });
  }
  const searchPage = join(site, 'search', 'index.html');
  await writeFile(
    searchPage,
    (await readFile(searchPage, 'utf8')).replace(
      /data-index-tag="[^"]*"/,
      `data-index-tag="${INDEX_TAG_PLACEHOLDER}"`,
    ),
  );
  await publishParts(site, {
    root,
    headlines,
    parts: parts.map((part) => ({ part, cached: join(cacheDir, part.id) })),
  });
  await writeFile(
    join(out, 'stories.json'),
    JSON.stringify(pages.map((page) => [page.headline.url, page.headline.title])),
  );
}

if (import.meta.main) {
  const spec = {
    name: 'npm run bench:index',
    summary:
      'Builds the search index of a synthetic archive of any size, as the build makes it, from ' +
      'a built synthetic archive, with the search page around it; no story pages.',
    usage: '<corpus.jsonl.gz> <built-synthetic-site> <out-dir> [--stories N]',
    positionals: true,
    options: {
      stories: {
        type: 'string',
        value: 'N',
        default: '1000000',
        description: 'stories in the archive indexed',
      },
    },
    notes: [
      'Then: npm run bench:search -- <out-dir>/site --stories <out-dir>/stories.json',
      'Parts already in <out-dir>/cache with the same pages are kept, so a stopped run goes on.',
    ],
  } satisfies CommandSpec;
  const { positionals, values } = parseCommand(spec);
  const [corpus, templateSite, out] = positionals;
  if (!corpus || !templateSite || !out)
    refuse(spec, 'name the corpus, the built synthetic archive and the folder to write');
  const count = Number(values.stories);
  if (!Number.isInteger(count) || count < 1) refuse(spec, '--stories takes a whole number');
  await buildSearchIndex(corpus, templateSite, out, count);
}
