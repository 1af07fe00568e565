import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { convertCorpus } from '../bench/corpus.ts';
import { buildSite, removeAll } from './build.ts';
import { corpusAvailable, corpusFile } from './corpus.ts';
import { startPreview } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    corpusSiteUrl: string;
  }
}

/** Builds the whole Reuters archive once and serves it, for the search-quality test. */
export default async function setup(project: TestProject) {
  if (!corpusAvailable) {
    console.warn(
      `The Reuters corpus is not at ${corpusFile}: the search-quality test is skipped. Set ` +
        `DATELINE_CORPUS to run it.`,
    );
    project.provide('corpusSiteUrl', '');
    return;
  }
  const content = await mkdtemp(join(tmpdir(), 'dateline-reuters-'));
  await convertCorpus(corpusFile, content);
  const build = await buildSite(content);
  if (build.code !== 0)
    throw new Error(`The Reuters archive did not build:\n${build.output.slice(-5000)}`);
  const server = await startPreview(build.outDir);
  project.provide('corpusSiteUrl', server.url);
  return async () => {
    await server.stop();
    await removeAll(content, dirname(build.outDir));
  };
}
