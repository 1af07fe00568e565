import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleSchema } from '#src/ingest/schema.ts';
import { parseStoryFile } from '#src/ingest/frontmatter.ts';
import { validateFrontmatter } from '#src/ingest/validate.ts';
import { readStory, sameStoryProblems, storyIdOf } from '#src/ingest/read-story.ts';
import { createStoryRenderer } from '#src/ingest/markdown.ts';
import { storyPhotos } from '#src/ingest/photos.ts';
import { makePhoto } from '../../support/photos.ts';

const head = 'title: T\ndate: 2019-11-19\nsource: Trend';
const validate = (frontmatter: string) =>
  validateFrontmatter(
    'x.md',
    parseStoryFile('x.md', `---\n${frontmatter}\n---\nBody`),
    articleSchema,
  );
const lead = (fields: string) => validate(`${head}\nimage:\n${fields}`);
const summary = (fields: string) =>
  lead(fields).problems.map((p) => ({ line: p.line, field: p.field, message: p.message }));

describe('the lead photo in frontmatter', () => {
  it('takes src, alt, caption and credit', () => {
    const { data, problems } = lead(
      '  src: ./lead.jpg\n  alt: Pickers load cotton\n  caption: The harvest.\n' +
        '  credit: "Photo: Jane Doe/Trend"',
    );
    expect(problems).toEqual([]);
    expect(data?.image).toEqual({
      src: './lead.jpg',
      alt: 'Pickers load cotton',
      caption: 'The harvest.',
      credit: 'Photo: Jane Doe/Trend',
      decorative: false,
    });
  });

  it('needs alt text, naming the line of the photo', () => {
    expect(summary('  src: ./a.jpg')).toEqual([
      {
        line: 5,
        field: 'image.alt',
        message: 'is required: describe what the photo shows, for readers who cannot see it',
      },
    ]);
  });

  it('takes an empty alt only for a photo marked decorative', () => {
    expect(lead('  src: ./a.jpg\n  alt: ""\n  decorative: true').problems).toEqual([]);
    expect(summary('  src: ./a.jpg\n  alt: ""')).toEqual([
      { line: 7, field: 'image.alt', message: 'is empty: a lead photo needs a text alternative' },
    ]);
    expect(summary('  src: ./a.jpg\n  alt: "  "')).toEqual([
      { line: 7, field: 'image.alt', message: 'is empty: a lead photo needs a text alternative' },
    ]);
    expect(summary('  src: ./a.jpg\n  alt: Pickers\n  decorative: true')).toEqual([
      { line: 8, field: 'image.decorative', message: 'is true, but the photo has an alt text' },
    ]);
  });

  it('needs a path, and names an unknown field of the photo among the photo’s fields', () => {
    expect(summary('  src: ""\n  alt: A')).toEqual([
      {
        line: 6,
        field: 'image.src',
        message: 'must not be empty; give the path of the photo, e.g. ./photo.jpg',
      },
    ]);
    const [colour] = lead('  src: ./a.jpg\n  alt: A\n  colour: red').problems;
    expect(colour).toMatchObject({
      line: 8,
      field: 'image.colour',
      message: 'unknown field "image.colour"',
      fix: 'remove it, or use one of: src, alt, caption, credit, decorative',
    });
    expect(lead('  src: ./a.jpg\n  alt: A\n  captoin: X').problems[0]!.fix).toBe(
      'did you mean "caption"? Rename it.',
    );
  });

  it('must be the photo’s fields, not a path alone', () => {
    expect(validate(`${head}\nimage: ./lead.jpg`).problems).toEqual([
      expect.objectContaining({
        line: 5,
        field: 'image',
        message: 'must be the photo’s fields, each on its own line: src:, alt:, caption:, credit:',
      }),
    ]);
  });
});

describe('folder stories', () => {
  it('are named after their folder, as a file story is after its file', () => {
    expect(storyIdOf('2019/11/port-opens/index.md')).toBe('2019/11/port-opens');
    expect(storyIdOf('2019/11/port-opens.md')).toBe('2019/11/port-opens');
    expect(storyIdOf('index.md')).toBe('');
    expect(storyIdOf('2019/11/reindex.md')).toBe('2019/11/reindex');
  });

  it('need a folder name that makes a slug', () => {
    const file = 'content/2019/11/Port_Opens/index.md';
    const { problems } = readStory(file, 'Port_Opens', `---\n${head}\n---\nText`, articleSchema);
    expect(problems).toEqual([
      expect.objectContaining({
        message: 'the folder name "Port_Opens" is not a valid slug',
        fix: 'rename it to port-opens: lower-case ASCII words joined by "-"',
      }),
    ]);
  });

  it('cannot sit beside a file of the same name: one problem naming both', () => {
    const problems = sameStoryProblems([
      { entry: '2019/11/port/index.md', file: 'content/2019/11/port/index.md' },
      { entry: '2019/11/port.md', file: 'content/2019/11/port.md' },
      { entry: '2019/11/other.md', file: 'content/2019/11/other.md' },
    ]);
    expect(problems).toEqual([
      {
        file: 'content/2019/11/port.md',
        message: 'this story and content/2019/11/port/index.md are the same story (2019/11/port)',
        fix:
          'keep one: a folder story (<slug>/index.md, its photos beside it) or a file ' +
          '(<slug>.md), not both',
      },
    ]);
  });
});

describe('a story’s photos, as the build and npm run check read them', async () => {
  const work = await mkdtemp(join(tmpdir(), 'dateline-story-photos-'));
  afterAll(() => rm(work, { recursive: true, force: true }));
  const folder = join(work, '2019/11/port');
  await makePhoto(join(folder, 'lead.jpg'), { seed: 1, width: 300, height: 200 });
  await makePhoto(join(folder, 'a b.jpg'), { seed: 2, width: 300, height: 200 });
  const renderer = await createStoryRenderer({ gfm: true, syntaxHighlight: false });
  const rules = { contentDir: work, domains: [], remotePatterns: [] };
  const read = async (text: string, render = true) => {
    const path = join(folder, 'index.md');
    await writeFile(path, text);
    const parsed = parseStoryFile('index.md', text);
    const lead = (parsed.data.image as { src?: string } | undefined)?.src;
    return storyPhotos({ file: 'index.md', path }, parsed, lead, rules, renderer, render);
  };

  it('names each photo’s line in the story file, the lead photo’s on its src line', async () => {
    const { problems } = await read(
      `---\n${head}\nimage:\n  alt: A\n  src: ./gone.jpg\n---\n\nText.\n\n![B](./missing.jpg)\n`,
    );
    expect(problems.map((p) => [p.line, p.field, p.message.split(' (')[0]])).toEqual([
      [7, 'image.src', 'the photo ./gone.jpg does not exist'],
      [12, undefined, 'the photo ./missing.jpg does not exist'],
    ]);
  });

  it('lists the text’s own photos once each, by file name, for Astro to resolve', async () => {
    const photos = await read(
      `---\n${head}\nimage:\n  src: ./lead.jpg\n  alt: A\n---\n\n![B](./a%20b.jpg)\n\n` +
        `![B again](<./a b.jpg>)\n\n![C](./a%20b.jpg)\n`,
    );
    expect(photos.problems).toEqual([]);
    expect(photos.bodyImages).toEqual(['./a b.jpg']);
    expect(photos.checked.map(([path]) => path)).toEqual([
      join(folder, 'lead.jpg'),
      join(folder, 'a b.jpg'),
    ]);
    expect(photos.rendered?.code).toContain('<img data-photo="0" alt="B">');
  });

  it('checks the text’s photos even when the story is not rendered again', async () => {
    const photos = await read(`---\n${head}\n---\n\n![B](./missing.jpg)\n`, false);
    expect(photos.rendered).toBeUndefined();
    expect(photos.problems.map((p) => p.line)).toEqual([7]);
  });
});
