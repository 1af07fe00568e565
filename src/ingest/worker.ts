// A worker thread that reads, checks and renders stories with the site's pipeline (see
// story-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { articleSchema } from './schema.ts';
import { readStory } from './read-story.ts';
import { createStoryRenderer } from './markdown.ts';
import type { Problem } from '#src/domain/problems.ts';
import type { StoryJob, StoryReply } from './pool.ts';

const renderer = await createStoryRenderer(workerData.markdown, workerData.base);

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
  let story: ReturnType<typeof readStory>;
  try {
    story = readStory(job.file, job.slug, job.contents, articleSchema);
  } catch (error) {
    const problem: Problem = {
      file: job.file,
      message: `the frontmatter cannot be read: ${reason(error, 'the reader failed')}`,
      fix: 'simplify the frontmatter: one "field: value" per line, lists one level deep',
    };
    return { id: job.id, frontmatter: {}, problems: [problem] };
  }
  const { parsed, data, problems } = story;
  const reply: StoryReply = { id: job.id, frontmatter: parsed.data, problems };
  if (data === undefined || problems.length > 0 || !job.render) return reply;
  try {
    const result = await renderer.render(parsed.body, {
      frontmatter: parsed.data,
      fileURL: pathToFileURL(job.path),
    });
    // The renderer hands the frontmatter back; no remark plugin of ours changes it, so it is not
    // sent back to the main thread, nor copied into Astro's store for every story.
    const { frontmatter: _unchanged, ...metadata } = result.metadata;
    reply.rendered = {
      html: result.code,
      metadata: {
        ...metadata,
        imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths],
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
