import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStoryRenderer } from '#src/ingest/markdown.ts';
import { takePhotoUses } from '#src/photos/figures.ts';

const renderer = await createStoryRenderer({ gfm: true, syntaxHighlight: false });
const path = join(tmpdir(), 'dateline-figures', 'story', 'index.md');

async function render(markdown: string, frontmatter: Record<string, unknown> = {}) {
  const { code } = await renderer.render(markdown, { frontmatter, fileURL: pathToFileURL(path) });
  return { code, uses: takePhotoUses(path) };
}

describe('photos in a story’s text', () => {
  it('makes a figure of a photo and the italic line under it, its credit set apart', async () => {
    const { code, uses } = await render(
      'Text.\n\n![Pickers in a field](./a.jpg)\n*The harvest. Photo: Jane Doe*\n',
    );
    expect(code).toContain(
      '<figure class="photo"><img data-photo="0" alt="Pickers in a field" data-eager="">' +
        '<figcaption>The harvest. <span class="credit">Photo: Jane Doe</span></figcaption>' +
        '</figure>',
    );
    expect(uses).toEqual([{ src: './a.jpg', line: 3, missingAlt: false }]);
  });

  it('takes the caption from the paragraph after the photo too', async () => {
    const { code } = await render('![A](./a.jpg)\n\n*Caption alone.*\n\nNext paragraph.\n');
    expect(code).toContain('<figcaption>Caption alone.</figcaption></figure>');
    expect(code).toContain('<p>Next paragraph.</p>');
  });

  it('makes a figure of a photo alone, and leaves an italic paragraph elsewhere', async () => {
    const { code } = await render('![A](./a.jpg)\n\nText.\n\n*Not a caption.*\n');
    expect(code).toContain(
      '<figure class="photo"><img data-photo="0" alt="A" data-eager=""></figure>',
    );
    expect(code).toContain('<p><em>Not a caption.</em></p>');
  });

  it('leaves a photo inside a sentence where it is', async () => {
    const { code } = await render('The map ![A map](./map.png) shows it.\n');
    expect(code).toBe('<p>The map <img data-photo="0" alt="A map" data-eager=""> shows it.</p>');
  });

  it('keeps raw figures and captions, styled and credited as the Markdown ones', async () => {
    const { code, uses } = await render(
      'Text.\n\n<figure>\n  <img src="./b.webp" alt="B">\n  <figcaption>Raw. Credit: Agency' +
        '</figcaption>\n</figure>\n',
    );
    expect(code).toMatch(
      /<figure class="photo">\s*<img data-photo="0" alt="B" data-eager="">\s*<figcaption>Raw\. <span class="credit">Credit: Agency<\/span><\/figcaption>\s*<\/figure>/,
    );
    expect(uses).toEqual([{ src: './b.webp', line: 4, missingAlt: false }]);
  });

  it('loads the first photo at once only when the story has no lead photo', async () => {
    expect((await render('![A](./a.jpg)\n')).code).toContain('data-eager');
    const withLead = await render('![A](./a.jpg)\n', { image: { src: './lead.jpg' } });
    expect(withLead.code).not.toContain('data-eager');
    const far = await render('One.\n\nTwo.\n\nThree.\n\nFour.\n\n![A](./a.jpg)\n');
    expect(far.code).not.toContain('data-eager');
  });

  it('numbers each of the story’s own photos once, and keeps a remote one’s address', async () => {
    const { code, uses } = await render(
      '![A](./a.jpg)\n\n![Again](./a.jpg)\n\n![B](../shared/b.jpg)\n\n' +
        '![R](https://photos.example.org/r.jpg)\n',
    );
    expect([...code.matchAll(/data-photo="([^"]+)"/g)].map((match) => match[1])).toEqual([
      '0',
      '0',
      '1',
      'https://photos.example.org/r.jpg',
    ]);
    expect(uses.map((use) => use.line)).toEqual([1, 3, 5, 7]);
  });

  it('marks a photo without alt text', async () => {
    const { uses } = await render('![](./a.jpg)\n\n<img src="./b.jpg">\n\n![ ](./c.jpg)\n');
    expect(uses.map((use) => use.missingAlt)).toEqual([true, true, true]);
  });

  it('leaves nothing for Astro’s own Markdown images to resolve', async () => {
    const { metadata } = await renderer.render('![A](./a.jpg)\n', {
      frontmatter: {},
      fileURL: pathToFileURL(path),
    });
    takePhotoUses(path);
    expect(metadata.localImagePaths).toEqual([]);
    expect(metadata.remoteImagePaths).toEqual([]);
  });

  it('runs after the allow-list: an image with an unsafe address is gone', async () => {
    const { code, uses } = await render('<img src="javascript:alert(1)" alt="X" onerror="x()">\n');
    expect(code).not.toContain('javascript');
    expect(code).not.toContain('onerror');
    expect(uses).toEqual([]);
  });
});
