// A worker thread that reads, checks and renders stories with the site's pipeline (see
// pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { articleSchema } from './schema.ts';
import { readStory } from './read-story.ts';
import { createStoryRenderer } from './markdown.ts';
import type { Problem } from '#src/domain/problems.ts';
import { storyPhotos } from './photos.ts';
import type { StoryJob, StoryReply, WorkerData } from './pool.ts';

const { markdown, base, photos: photoRules } = workerData as WorkerData;
const renderer = await createStoryRenderer(markdown, base);

/** Why reading or rendering failed, said for an editor: a stack overflow means nesting. */
function reason(error: unknown, fallback: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/call stack/i.test(message)) return 'it is nested too deeply';
  return (
    message
      .split('\n')
      .find((line) => line.trim() && !/^Failed to parse/.test(line))
      ?.trim() ?? fallback
  );
}

async function handle(job: StoryJob): Promise<StoryReply> {
  const reply: StoryReply = {
    id: job.id,
    frontmatter: {},
    problems: [],
    bodyImages: [],
    checkedPhotos: [],
  };
  let story: ReturnType<typeof readStory<typeof articleSchema>>;
  try {
    story = readStory(job.file, job.slug, job.contents, articleSchema);
  } catch (error) {
    const problem: Problem = {
      file: job.file,
      message: `the frontmatter cannot be read: ${reason(error, 'the reader failed')}`,
      fix: 'simplify the frontmatter: one "field: value" per line, lists one level deep',
    };
    return { ...reply, problems: [problem] };
  }
  const { parsed, data, problems } = story;
  reply.frontmatter = parsed.data;
  reply.problems = problems;
  if (data === undefined || problems.length > 0) return reply;
  reply.data = data;
  try {
    const photos = await storyPhotos(
      job,
      parsed,
      data.image?.src,
      photoRules,
      renderer,
      job.render,
    );
    problems.push(...photos.problems);
    reply.bodyImages = photos.bodyImages;
    reply.checkedPhotos = photos.checked;
    if (problems.length > 0 || !photos.rendered) return reply;
    // The renderer hands the frontmatter back; no remark plugin of ours changes it, so it is not
    // sent back to the main thread, nor copied into Astro's store for every story. Astro has no
    // image of the text to resolve: the page fills in the photos (src/photos/).
    const { frontmatter: _unchanged, ...metadata } = photos.rendered.metadata;
    reply.rendered = {
      html: photos.rendered.code,
      metadata: {
        ...metadata,
        imagePaths: [],
        ...(photos.remote.length > 0 ? { remotePhotos: photos.remote } : {}),
      },
    };
  } catch (error) {
    problems.push({
      file: job.file,
      message: `the story's Markdown cannot be rendered: ${reason(error, 'the renderer failed')}`,
      fix: 'simplify the Markdown: very deep nesting of quotes or lists is the usual cause',
    });
  }
  return reply;
}

parentPort!.on('message', async (job: StoryJob) => parentPort!.postMessage(await handle(job)));
