// A worker thread that renders story Markdown with the site's pipeline (see render-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { createStoryRenderer } from './markdown.ts';
import type { RenderJob, RenderReply } from './render-pool.ts';

const renderer = await createStoryRenderer(workerData);

parentPort!.on('message', async (job: RenderJob) => {
  let reply: RenderReply;
  try {
    const result = await renderer.render(job.body, { frontmatter: job.frontmatter, fileURL: job.filePath ? pathToFileURL(job.filePath) : undefined });
    // The renderer hands the frontmatter back; no remark plugin of ours changes it, so it is not
    // sent back to the main thread, nor copied into Astro's store for every story.
    const { frontmatter: _unchanged, ...metadata } = result.metadata;
    reply = { id: job.id, html: result.code, metadata: { ...metadata, imagePaths: [...metadata.localImagePaths, ...metadata.remoteImagePaths] } };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
