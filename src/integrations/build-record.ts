import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { RECORD_FILE, buildRecord } from '#src/util/build-record.ts';
import { forget } from '#src/util/shared.ts';

/**
 * Writes the build record (src/util/build-record.ts) to the cache folder when a build
 * succeeds, and removes the last one when a build starts, so a failed build leaves none.
 * Listed last, so that the other integrations have written their part.
 */
export default function buildRecordIntegration(): AstroIntegration {
  let file = '';
  return {
    name: 'dateline-build-record',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({
          entrypoint: new URL('./build-record-middleware.ts', import.meta.url),
          order: 'post',
        });
      },
      'astro:config:done': ({ config }) => {
        file = fileURLToPath(new URL(RECORD_FILE, config.cacheDir));
      },
      'astro:build:start': async () => {
        await rm(file, { force: true });
        buildRecord().building = true;
      },
      'astro:build:done': async ({ pages }) => {
        buildRecord().pages = pages.length;
        const { building: _, ...record } = buildRecord();
        await writeFile(file, `${JSON.stringify(record, null, 1)}\n`);
        forget('build-record');
      },
    },
  };
}
