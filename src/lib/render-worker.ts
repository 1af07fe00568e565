// A worker thread that renders story Markdown with the site's pipeline (see render-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { storyMarkdown } from './markdown.ts';
import type { RenderJob, RenderReply } from './render-pool.ts';

const renderer = await storyMarkdown.createRenderer(workerData);

parentPort!.on('message', async (job: RenderJob) => {
  let reply: RenderReply;
  try {
    const result = await renderer.render(job.body, { frontmatter: job.frontmatter, fileURL: job.filePath ? pathToFileURL(job.filePath) : undefined });
    reply = { id: job.id, html: result.code, metadata: result.metadata };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
