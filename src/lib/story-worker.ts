// A worker thread that reads, checks and renders stories with the site's pipeline (see story-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { articleSchema } from '../content.config.ts';
import { readStory } from './check.ts';
import { createStoryRenderer } from './markdown.ts';
import type { StoryJob, StoryReply } from './story-pool.ts';

const renderer = await createStoryRenderer(workerData);

/** Reads and checks one story; a failure of the reader itself is reported on the story, not lost. */
function read(job: StoryJob): { reply: StoryReply; body: string } {
  try {
    const { parsed, data, problems } = readStory(job.file, job.slug, job.contents, articleSchema);
    return { reply: { id: job.id, frontmatter: parsed.data, valid: data !== undefined && problems.length === 0, problems }, body: parsed.body };
  } catch (error) {
    const reason = /call stack/i.test(String(error)) ? 'it is nested too deeply' : error instanceof Error ? error.message : String(error);
    const problem = { file: job.file, message: `the frontmatter cannot be read: ${reason}`, fix: 'simplify the frontmatter: one "field: value" per line, lists one level deep' };
    return { reply: { id: job.id, frontmatter: {}, valid: false, problems: [problem] }, body: '' };
  }
}

parentPort!.on('message', async (job: StoryJob) => {
  const { reply, body } = read(job);
  if (reply.valid && job.render) {
    try {
      const result = await renderer.render(body, { frontmatter: reply.frontmatter, fileURL: pathToFileURL(job.path) });
      // The renderer hands the frontmatter back; no remark plugin of ours changes it, so it is not
      // sent back to the main thread, nor copied into Astro's store for every story.
      const { frontmatter: _unchanged, ...metadata } = result.metadata;
      reply.rendered = { html: result.code, metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] } };
    } catch (error) {
      reply.renderError = error instanceof Error ? error.message : String(error);
    }
  }
  parentPort!.postMessage(reply);
});
