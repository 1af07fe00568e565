import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Problem } from '#src/domain/problems.ts';
import {
  checkPhotos,
  type CheckedPhoto,
  type PhotoRules,
  type RemotePhoto,
} from '#src/photos/check.ts';
import { isRemotePhoto, takePhotoUses, type PhotoUse } from '#src/photos/figures.ts';
import type { ParsedFile } from './frontmatter.ts';

/** A path as written, `%20` and all, as the file is named; as written if it is not encoded. */
function decoded(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** Whether a story's text may show a photo: one that cannot needs no rendering to be checked. */
export const mayShowPhotos = (body: string) => body.includes('![') || /<img/i.test(body);

export interface StoryPhotos {
  problems: Problem[];
  /** The text's photos beside the story, in the order its placeholders number them. */
  bodyImages: string[];
  checked: CheckedPhoto[];
  remote: RemotePhoto[];
  /** The story's HTML, when it was asked for. */
  rendered?: Awaited<ReturnType<MarkdownRenderer['render']>>;
}

/**
 * A valid story's photos, the lead photo's and the text's, checked as the build and
 * `npm run check` both check them, with lines counted in the story file. The text is rendered
 * when `render` asks for its HTML, or when it may show a photo, which only rendering finds.
 */
export async function storyPhotos(
  story: { file: string; path: string },
  parsed: ParsedFile,
  leadSrc: string | undefined,
  rules: PhotoRules,
  renderer: MarkdownRenderer,
  render: boolean,
): Promise<StoryPhotos> {
  const uses: PhotoUse[] = [];
  if (leadSrc !== undefined)
    uses.push({
      src: leadSrc,
      line: parsed.fieldLines['image.src'] ?? parsed.fieldLines.image,
      field: 'image.src',
    });
  let rendered: StoryPhotos['rendered'];
  const inText: PhotoUse[] = [];
  if (render || mayShowPhotos(parsed.body)) {
    rendered = await renderer.render(parsed.body, {
      frontmatter: parsed.data,
      fileURL: pathToFileURL(story.path),
    });
    for (const use of takePhotoUses(story.path))
      inText.push({ ...use, line: use.line && parsed.bodyLine + use.line - 1 });
  }
  uses.push(...inText);
  const { problems, photos, remote } =
    uses.length > 0
      ? await checkPhotos(story.file, story.path, uses, rules)
      : { problems: [], photos: [], remote: [] };
  const local = inText.map((use) => use.src).filter((src) => src && !isRemotePhoto(src));
  return {
    problems,
    // As written but decoded, so that Astro's image() finds `./my%20photo.jpg` as the file has it.
    bodyImages: [...new Set(local)].map(decoded),
    checked: photos,
    remote,
    rendered: render ? rendered : undefined,
  };
}
