import { childEnv } from './build.ts';
import { startPreview as preview } from './serve.ts';

export { freePort } from './serve.ts';

/** The project's preview server for a built site, with the test runner's own variables left out. */
export function startPreview(outDir: string) {
  return preview(outDir, childEnv());
}
